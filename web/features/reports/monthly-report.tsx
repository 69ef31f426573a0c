import { TextLink } from "../../ui/link";
import { EmptyState } from "../practice/feedback";
import { MonthlyChart } from "./monthly-chart";
import { MonthlyTable } from "./monthly-table";
import { describeRange } from "./range-picker";
import { useMonthlyTrend } from "./report-queries";
import type { DateRange } from "./report-range";
import { ReportState } from "./report-state";

/** More months than this make bars too thin to read; the table still has every month. */
const MAX_CHART_MONTHS = 36;

/** Income, expenses and net by month: a chart to see the trend, the table to read it. */
export function MonthlyReport({ practiceId, range }: { practiceId: string; range: DateRange }) {
  const query = useMonthlyTrend(practiceId, range);
  return (
    <ReportState query={query} what="monthly trend">
      {(report) => {
        const empty = report.months.every((m) => m.incomeCents === 0 && m.expenseCents === 0);
        if (empty) {
          return (
            <EmptyState title="No income or expenses in this period">
              Record transactions on the{" "}
              <TextLink to={`/practices/${practiceId}/transactions`}>Transactions page</TextLink> to see the
              month-by-month trend, or choose another period above.
            </EmptyState>
          );
        }
        return (
          <>
            {report.months.length <= MAX_CHART_MONTHS ? (
              <MonthlyChart
                months={report.months}
                label={`Income and expenses by month, ${describeRange(range)}. The table below gives every figure.`}
              />
            ) : null}
            <MonthlyTable
              months={report.months}
              totals={report.totals}
              caption="Income, expenses and net by month"
            />
            <p className="text-sm text-slate-600">
              Income is gross receipts; expenses are deductible expenses (meals at 50%, processor fees, and
              the mileage log at the standard rate).
            </p>
          </>
        );
      }}
    </ReportState>
  );
}
