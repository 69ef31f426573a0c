import type { ReactNode } from "react";
import { cx } from "../../ui/cx";
import { formatAmount } from "./report-format";

export type SummaryFigure = { term: string; cents: number; note?: ReactNode; emphasis?: boolean };

/** The few totals a report or the dashboard leads with, as a description list. */
export function SummaryFigures({ figures, className }: { figures: SummaryFigure[]; className?: string }) {
  return (
    <dl className={cx("grid gap-4 sm:grid-cols-2 lg:grid-cols-4", className)}>
      {figures.map((figure) => (
        <div
          key={figure.term}
          className={cx(
            "flex min-w-0 flex-col gap-1 rounded-xl border px-5 py-4",
            figure.emphasis ? "border-teal-200 bg-teal-50/60" : "border-slate-200 bg-white",
          )}
        >
          <dt className="text-sm text-slate-600">{figure.term}</dt>
          <dd className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
            {formatAmount(figure.cents)}
          </dd>
          {figure.note ? <dd className="text-sm text-slate-600">{figure.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
