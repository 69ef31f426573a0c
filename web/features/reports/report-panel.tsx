import { DownloadIcon } from "../../ui/app-icons";
import { buttonClasses } from "../../ui/button";
import { ExpensesByCategoryReport } from "./expenses-by-category-report";
import { IncomeByPayerReport } from "./income-by-payer-report";
import { MonthlyReport } from "./monthly-report";
import { ProfitAndLossReport } from "./profit-and-loss-report";
import { describeRange } from "./range-picker";
import { REPORT_LABELS, type ReportId, reportDownloadUrl } from "./report-queries";
import type { DateRange } from "./report-range";
import { YearOverYearReport } from "./year-over-year-report";

type Props = { practiceId: string; report: ReportId; range: DateRange };

const BODIES = {
  "profit-and-loss": ProfitAndLossReport,
  "income-by-payer": IncomeByPayerReport,
  "expenses-by-category": ExpensesByCategoryReport,
  monthly: MonthlyReport,
  "year-over-year": YearOverYearReport,
} satisfies Record<ReportId, (props: { practiceId: string; range: DateRange }) => unknown>;

/** Plain links: the browser downloads the file the API names (Content-Disposition: attachment). */
function Downloads({ practiceId, report, range }: Props) {
  const name = REPORT_LABELS[report].toLowerCase();
  return (
    <div className="flex flex-wrap gap-2">
      {(["csv", "pdf"] as const).map((format) => (
        <a
          key={format}
          href={reportDownloadUrl(practiceId, report, range, format)}
          download
          className={buttonClasses("secondary", "sm")}
        >
          <DownloadIcon className="size-4" />
          Download {format.toUpperCase()}
          <span className="sr-only"> of the {name} report</span>
        </a>
      ))}
    </div>
  );
}

/** One report: its title and period, its downloads, and its figures. */
export function ReportPanel(props: Props) {
  const Body = BODIES[props.report];
  return (
    <section aria-labelledby={`${props.report}-heading`} className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h2 id={`${props.report}-heading`} className="text-xl font-semibold tracking-tight text-slate-900">
            {REPORT_LABELS[props.report]}
          </h2>
          <p className="text-sm text-slate-600">{describeRange(props.range)}</p>
        </div>
        <Downloads {...props} />
      </div>
      <Body practiceId={props.practiceId} range={props.range} />
    </section>
  );
}
