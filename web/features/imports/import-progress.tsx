import { SpinnerIcon } from "../../ui/app-icons";
import type { ImportProgress } from "./import-types";
import type { Busy } from "./use-statement-import";

const PHASES: Record<ImportProgress["phase"], string> = {
  parse: "Reading the file",
  dedupe: "Looking for duplicates and proposing classifications",
  insert: "Adding the transactions",
};

const count = new Intl.NumberFormat("en-US");

/**
 * How far a preview or an import has got, from the server's progress lines (at least one every
 * 400 ms). Only the phase is announced to screen readers; the row count changes too often to
 * read out, and is shown beside the bar.
 */
export function ImportProgressBar({ busy, progress }: { busy: Busy; progress: ImportProgress | null }) {
  if (!busy) return null;
  const phase = progress ? PHASES[progress.phase] : "Sending the file";
  const total = progress?.totalRows ?? null;
  const rows = progress?.rows ?? 0;
  const done = total ? `${count.format(rows)} of ${count.format(total)} rows` : `${count.format(rows)} rows`;
  return (
    <div className="flex flex-col gap-2 rounded-xl border border-slate-200 bg-slate-50 px-4 py-3">
      <p role="status" className="flex items-center gap-2 text-sm font-medium text-slate-800">
        <SpinnerIcon className="size-4 text-teal-700" />
        {busy === "commit" ? "Importing: " : "Preparing the preview: "}
        {phase}…
      </p>
      <progress
        aria-label={busy === "commit" ? "Import progress" : "Preview progress"}
        className="h-2 w-full accent-teal-700"
        max={total ?? undefined}
        value={total ? rows : undefined}
      />
      <p className="text-xs text-slate-600 tabular-nums">{progress ? done : "Uploading…"}</p>
    </div>
  );
}
