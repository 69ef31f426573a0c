import { Alert } from "../../ui/alert";
import { formatCalendarDate } from "../../ui/format-date";
import { formatAmount } from "../reports/report-format";
import { NumberCell, ReportTable, RowHeader } from "../reports/report-table";
import { formatMiles, formatRate } from "./mileage-format";
import type { MileageLog } from "./mileage-queries";

/** What the year's miles are worth at the IRS rate(s), and what the log adds to line 9. */
export function MileageValue({ log }: { log: MileageLog }) {
  const valuation = log.valuation;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 px-5 py-4">
          <dt className="text-sm text-slate-600">Business miles in {log.year}</dt>
          <dd className="text-2xl font-semibold text-slate-900 tabular-nums">
            {formatMiles(
              valuation?.hundredthsOfMiles ?? log.entries.reduce((s, e) => s + e.hundredthsOfMiles, 0),
            )}
          </dd>
        </div>
        <div className="rounded-xl border border-slate-200 px-5 py-4">
          <dt className="text-sm text-slate-600">Value at the IRS rate</dt>
          <dd className="text-2xl font-semibold text-slate-900 tabular-nums">
            {valuation ? formatAmount(valuation.totalCents) : "—"}
          </dd>
        </div>
        <div className="rounded-xl border border-teal-200 bg-teal-50/60 px-5 py-4">
          <dt className="text-sm text-slate-600">Added to Schedule C line 9</dt>
          <dd className="text-2xl font-semibold text-slate-900 tabular-nums">
            {formatAmount(log.deductionCents)}
          </dd>
        </div>
      </dl>
      {log.note ? (
        <Alert tone="info" live="none">
          {log.note}
        </Alert>
      ) : null}
      {valuation && valuation.lines.length > 0 ? (
        <ReportTable
          caption={`The IRS standard mileage rates applied in ${log.year}`}
          columns={[
            { label: "Rate from" },
            { label: "Rate a mile", numeric: true },
            { label: "Miles", numeric: true },
            { label: "Value", numeric: true },
          ]}
          minWidth="min-w-[30rem]"
        >
          {valuation.lines.map((line) => (
            <tr key={line.fromDate}>
              <RowHeader>
                {formatCalendarDate(line.fromDate)}
                <span className="block text-xs text-slate-600">{line.source}</span>
              </RowHeader>
              <NumberCell>{formatRate(line.millsPerMile)}</NumberCell>
              <NumberCell>{formatMiles(line.hundredthsOfMiles)}</NumberCell>
              <NumberCell>{formatAmount(line.valueCents)}</NumberCell>
            </tr>
          ))}
        </ReportTable>
      ) : null}
    </div>
  );
}
