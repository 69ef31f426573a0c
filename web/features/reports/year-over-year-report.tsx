import { TextLink } from "../../ui/link";
import { EmptyState } from "../practice/feedback";
import { describeRange } from "./range-picker";
import { formatAmount, formatBasisPoints } from "./report-format";
import { useYearOverYear, type YearOverYear } from "./report-queries";
import type { DateRange } from "./report-range";
import { ReportState } from "./report-state";
import { NumberCell, ReportTable } from "./report-table";

type Comparison = YearOverYear["grossReceipts"];

function ComparisonCells({ c }: { c: Comparison }) {
  return (
    <>
      <NumberCell>{formatAmount(c.currentCents)}</NumberCell>
      <NumberCell>{formatAmount(c.previousCents)}</NumberCell>
      <NumberCell>
        {c.changeCents > 0 ? `+${formatAmount(c.changeCents)}` : formatAmount(c.changeCents)}
      </NumberCell>
      <NumberCell>
        {c.changeBasisPoints === null
          ? "—"
          : `${c.changeBasisPoints > 0 ? "+" : ""}${formatBasisPoints(c.changeBasisPoints)}`}
      </NumberCell>
    </>
  );
}

function Row({
  line,
  label,
  c,
  total = false,
}: {
  line: string;
  label: string;
  c: Comparison;
  total?: boolean;
}) {
  return (
    <tr>
      <td className="py-3 pr-4 align-top">{line}</td>
      <th scope="row" className={total ? "py-3 pr-4 text-left" : "py-3 pr-4 text-left align-top font-normal"}>
        {label}
      </th>
      <ComparisonCells c={c} />
    </tr>
  );
}

function isEmpty(r: YearOverYear): boolean {
  const zero = (c: Comparison) => c.currentCents === 0 && c.previousCents === 0;
  return zero(r.grossReceipts) && zero(r.totalExpenses) && r.lines.every(zero);
}

/** This period against the same dates a year earlier, line by line. */
export function YearOverYearReport({ practiceId, range }: { practiceId: string; range: DateRange }) {
  const query = useYearOverYear(practiceId, range);
  return (
    <ReportState query={query} what="year-over-year comparison">
      {(report) => {
        if (isEmpty(report)) {
          return (
            <EmptyState title="Nothing to compare yet">
              Neither this period nor the same dates a year earlier have income or expenses. Record them on
              the <TextLink to={`/practices/${practiceId}/transactions`}>Transactions page</TextLink>.
            </EmptyState>
          );
        }
        const lines = report.lines.filter((l) => l.currentCents !== 0 || l.previousCents !== 0);
        return (
          <>
            <p className="text-sm text-slate-700">
              {describeRange(report.range)} compared with {describeRange(report.previousRange)}.
            </p>
            <ReportTable
              caption="Year over year by Schedule C line"
              columns={[
                { label: "Line" },
                { label: "Description" },
                { label: "This period", numeric: true },
                { label: "A year earlier", numeric: true },
                { label: "Change", numeric: true },
                { label: "Change (%)", numeric: true },
              ]}
              minWidth="min-w-[48rem]"
              totals={
                <>
                  <Row line="28" label="Total expenses" c={report.totalExpenses} total />
                  <Row line="29" label="Tentative profit" c={report.tentativeProfit} total />
                </>
              }
            >
              <Row line="1" label="Gross receipts" c={report.grossReceipts} />
              {lines.map((l) => (
                <Row key={l.line} line={l.line} label={l.label} c={l} />
              ))}
            </ReportTable>
            <p className="text-sm text-slate-600">
              Expense lines show deductible amounts. A change from nothing has no percentage.
            </p>
          </>
        );
      }}
    </ReportState>
  );
}
