import { cx } from "../../ui/cx";
import type { Sample } from "./mapping-model";

const SCROLLER = "overflow-x-auto rounded-lg border border-slate-200";

type Props = {
  sample: Sample;
  /** The index of the header record in the sample, or null. */
  header: number | null;
  /** Without a header: how many records are skipped before the data. */
  skipped: number;
};

/** The file's first lines as the server read them (client names already hidden), to map by eye. */
export function SampleTable({ sample, header, skipped }: Props) {
  const width = Math.max(1, ...sample.map((r) => r.cells.length));
  const columns = Array.from({ length: width }, (_, i) => i);
  const role = (i: number) => {
    if (header !== null) return i === header ? "header" : i < header ? "skipped" : "data";
    return i < skipped ? "skipped" : "data";
  };
  return (
    // The region takes the focus so the arrow keys can scroll a wide file (axe: scrollable-region-focusable).
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
    <section aria-label="The file’s first lines" tabIndex={0} className={SCROLLER}>
      <table className="w-full text-xs">
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-2 py-1.5 font-semibold">
              Line
            </th>
            {columns.map((i) => (
              <th key={i} scope="col" className="px-2 py-1.5 font-semibold whitespace-nowrap">
                Column {i + 1}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sample.map((record, i) => (
            <tr
              key={record.line}
              className={cx(
                role(i) === "header" && "bg-teal-50 font-semibold text-teal-900",
                role(i) === "skipped" && "text-slate-500 line-through",
              )}
            >
              <th scope="row" className="px-2 py-1 text-left font-normal tabular-nums text-slate-600">
                {record.line}
                {role(i) === "header" ? <span className="sr-only"> (header)</span> : null}
                {role(i) === "skipped" ? <span className="sr-only"> (skipped)</span> : null}
              </th>
              {columns.map((c) => (
                <td key={c} className="max-w-56 truncate px-2 py-1 whitespace-nowrap">
                  {record.cells[c] ?? ""}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
