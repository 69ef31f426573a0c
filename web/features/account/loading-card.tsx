import { SpinnerIcon } from "../../ui/app-icons";

/** What a card shows while its data loads: quiet, and announced once. */
export function LoadingCard({ label = "Loading…" }: { label?: string }) {
  return (
    <div className="flex items-center gap-3 rounded-2xl border border-slate-200 bg-white p-6 text-sm text-slate-500 shadow-sm shadow-slate-900/5">
      <SpinnerIcon className="size-5 text-teal-700" />
      <span role="status">{label}</span>
    </div>
  );
}
