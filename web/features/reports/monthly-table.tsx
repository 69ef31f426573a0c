import { formatAmount, formatMonth } from "./report-format";
import { NumberCell, ReportTable, RowHeader } from "./report-table";

type Month = { month: string; incomeCents: number; expenseCents: number; netCents: number };

/** Income, expenses and net for each month, with the totals when given. */
export function MonthlyTable({
  months,
  totals,
  caption,
}: {
  months: Month[];
  totals?: Omit<Month, "month">;
  caption: string;
}) {
  return (
    <ReportTable
      caption={caption}
      columns={[
        { label: "Month" },
        { label: "Income", numeric: true },
        { label: "Expenses", numeric: true },
        { label: "Net", numeric: true },
      ]}
      minWidth="min-w-[28rem]"
      totals={
        totals ? (
          <tr>
            <th scope="row" className="py-3 pr-4 text-left">
              Total
            </th>
            <NumberCell>{formatAmount(totals.incomeCents)}</NumberCell>
            <NumberCell>{formatAmount(totals.expenseCents)}</NumberCell>
            <NumberCell>{formatAmount(totals.netCents)}</NumberCell>
          </tr>
        ) : undefined
      }
    >
      {months.map((m) => (
        <tr key={m.month}>
          <RowHeader>{formatMonth(m.month)}</RowHeader>
          <NumberCell>{formatAmount(m.incomeCents)}</NumberCell>
          <NumberCell>{formatAmount(m.expenseCents)}</NumberCell>
          <NumberCell className={m.netCents < 0 ? "text-red-700" : undefined}>
            {formatAmount(m.netCents)}
          </NumberCell>
        </tr>
      ))}
    </ReportTable>
  );
}
