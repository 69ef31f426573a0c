import type { ReactNode } from "react";
import { cx } from "../../ui/cx";

/**
 * The table every report is drawn in: a caption (read by screen readers, shown to everyone),
 * column headers, body rows and bold total rows, scrolling sideways on a narrow screen.
 */
export function ReportTable({
  caption,
  columns,
  children,
  totals,
  minWidth = "min-w-[36rem]",
}: {
  caption: string;
  /** Column headers; `numeric` right-aligns a column of amounts. */
  columns: { label: string; numeric?: boolean }[];
  children: ReactNode;
  totals?: ReactNode;
  minWidth?: string;
}) {
  return (
    // On a narrow screen the table scrolls sideways; the region takes the focus so the arrow keys
    // can scroll it (axe: scrollable-region-focusable), and its name says what it holds.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard
    <section aria-label={caption} tabIndex={0} className="-mx-6 overflow-x-auto px-6">
      <table className={cx("w-full text-sm", minWidth)}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs font-semibold tracking-wide text-slate-600 uppercase">
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                className={cx("pr-4 pb-3 last:pr-0", column.numeric ? "text-right" : "text-left")}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
        {totals ? (
          <tfoot className="border-t-2 border-slate-300 font-semibold text-slate-900">{totals}</tfoot>
        ) : null}
      </table>
    </section>
  );
}

/** The first cell of a row, which names it. */
export function RowHeader({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <th scope="row" className={cx("py-3 pr-4 text-left align-top font-normal text-slate-900", className)}>
      {children}
    </th>
  );
}

export function Cell({ children, className }: { children?: ReactNode; className?: string }) {
  return <td className={cx("py-3 pr-4 align-top last:pr-0", className)}>{children}</td>;
}

/** A right-aligned amount or count, digits lined up. */
export function NumberCell({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <td className={cx("py-3 pr-4 text-right align-top whitespace-nowrap tabular-nums last:pr-0", className)}>
      {children}
    </td>
  );
}
