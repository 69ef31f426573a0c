import type { ReactNode } from "react";
import { Alert } from "../../ui/alert";
import { SpinnerIcon } from "../../ui/app-icons";
import { describeError } from "./api-result";

/** An API or network failure, said plainly; read out when it appears. */
export function ErrorNotice({ error, className }: { error: unknown; className?: string }) {
  if (!error) return null;
  return (
    <Alert tone="error" className={className}>
      {describeError(error)}
    </Alert>
  );
}

/**
 * A confirmation that something worked. The live region is always in the page, so a message
 * put into it is announced; an empty region takes no room.
 */
export function StatusMessage({ message, className }: { message?: string | undefined; className?: string }) {
  return (
    <div role="status" className={className}>
      {message ? (
        <Alert tone="success" live="none" className="py-2">
          {message}
        </Alert>
      ) : null}
    </div>
  );
}

export function LoadingState({ label }: { label: string }) {
  return (
    <p role="status" className="flex items-center gap-3 py-10 text-slate-600">
      <SpinnerIcon className="size-5 text-teal-700" />
      {label}
    </p>
  );
}

/** What an empty list means, and what to do about it. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 bg-slate-50/60 px-5 py-6 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}
