import { useState } from "react";
import { formatCalendarDate } from "../../ui/format-date";
import { todayIn } from "../ledger/transactions/entry-defaults";
import { ErrorNotice, LoadingState } from "../practice/feedback";
import { SelectField } from "../practice/fields";
import type { Practice } from "../practice/practice-queries";
import { Section } from "../practice/section";
import { MonthlyChart } from "../reports/monthly-chart";
import { MonthlyTable } from "../reports/monthly-table";
import { DashboardEmpty } from "./dashboard-empty";
import { DashboardFigures } from "./dashboard-figures";
import { PayerMix, TopCategories } from "./dashboard-lists";
import { type Dashboard, useDashboard } from "./dashboard-queries";

const YEARS_OFFERED = 5;

function isEmpty(d: Dashboard): boolean {
  return (
    d.totals.incomeCents === 0 &&
    d.totals.expensesCents === 0 &&
    d.payerMix.length === 0 &&
    d.topCategories.length === 0 &&
    d.unreviewed.count === 0
  );
}

function periodOf(d: Dashboard): string {
  const span = `${formatCalendarDate(d.range.from)} to ${formatCalendarDate(d.range.to)}`;
  if (d.progress.status === "in_progress")
    return `${span}: day ${d.progress.daysElapsed} of ${d.progress.daysInYear}.`;
  if (d.progress.status === "not_started") return `${d.year} has not started yet.`;
  return `${span}.`;
}

function Body({ practice, dashboard }: { practice: Practice; dashboard: Dashboard }) {
  if (isEmpty(dashboard)) return <DashboardEmpty practice={practice} year={dashboard.year} />;
  const reportsUrl = `/practices/${practice.id}/reports?${new URLSearchParams({
    range: "custom",
    from: dashboard.range.from,
    to: dashboard.range.to,
  })}`;
  return (
    <div className="flex flex-col gap-6">
      <DashboardFigures dashboard={dashboard} practiceId={practice.id} />
      <section aria-labelledby="dashboard-monthly" className="flex flex-col gap-3">
        <h3 id="dashboard-monthly" className="font-semibold text-slate-900">
          Income and expenses by month
        </h3>
        <MonthlyChart
          months={dashboard.monthly}
          label={`Income and expenses by month in ${dashboard.year}. The figures are in the table under “Show the figures”.`}
        />
        <details className="group rounded-lg border border-slate-200 px-4 py-2">
          <summary className="cursor-pointer py-1 text-sm font-semibold text-teal-800">
            Show the figures
          </summary>
          <div className="pt-3 pb-2">
            <MonthlyTable
              months={dashboard.monthly}
              caption={`Income, expenses and net by month, ${dashboard.year}`}
            />
          </div>
        </details>
      </section>
      <div className="grid gap-4 lg:grid-cols-2">
        <PayerMix dashboard={dashboard} reportsUrl={reportsUrl} />
        <TopCategories dashboard={dashboard} reportsUrl={reportsUrl} />
      </div>
    </div>
  );
}

/**
 * The year so far in one request (GET /dashboard): totals, the tax set-aside (the Owner's
 * alone), the monthly chart with its table, the payer mix, the top categories, and what waits
 * for review.
 */
export function PracticeDashboard({ practice }: { practice: Practice }) {
  const currentYear = Number(todayIn(practice.timeZone).slice(0, 4));
  const [year, setYear] = useState(currentYear);
  const dashboard = useDashboard(practice.id, year);
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => currentYear - i);
  return (
    <Section
      title={year === currentYear ? "This year so far" : `The year ${year}`}
      description={dashboard.data ? periodOf(dashboard.data) : undefined}
      aside={
        <SelectField label="Year" value={year} onChange={(event) => setYear(Number(event.target.value))}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </SelectField>
      }
    >
      {dashboard.isPending ? (
        <LoadingState label="Loading the dashboard…" />
      ) : dashboard.isError ? (
        <ErrorNotice error={dashboard.error} />
      ) : (
        <div aria-busy={dashboard.isPlaceholderData || undefined}>
          <Body practice={practice} dashboard={dashboard.data} />
        </div>
      )}
    </Section>
  );
}
