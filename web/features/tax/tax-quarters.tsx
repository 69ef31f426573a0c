import { Badge, type BadgeTone } from "../../ui/badge";
import { cx } from "../../ui/cx";
import { formatCalendarDate } from "../../ui/format-date";
import { formatMoney } from "../ledger/money";
import { formatAmount } from "../reports/report-format";
import { Cell, NumberCell, ReportTable, RowHeader } from "../reports/report-table";
import type { TaxPlan } from "./tax-queries";

type Quarterly = TaxPlan["quarterly"];
type QuarterStatus = Quarterly["quarters"][number]["status"];

const STATUS: Record<QuarterStatus, { label: string; tone: BadgeTone }> = {
  not_required: { label: "Not required", tone: "neutral" },
  met: { label: "Paid", tone: "positive" },
  short: { label: "Underpaid", tone: "pending" },
  next: { label: "Due next", tone: "pending" },
  upcoming: { label: "Upcoming", tone: "neutral" },
};

/** The one thing to act on: how much to pay by when, or why nothing is due. */
export function NextPayment({ plan }: { plan: TaxPlan }) {
  const q = plan.quarterly;
  const next = q.next;
  let title: string;
  let text: string;
  if (next) {
    title = `Pay ${formatMoney(next.amountCents)} by ${formatCalendarDate(next.dueDate)}`;
    text = `Your federal estimated payment for quarter ${next.quarter} of ${plan.year}. ${formatMoney(q.remainingForYearCents)} remains for the year after the ${formatMoney(q.paidCents)} already paid.`;
  } else if (q.nothingRequired === "under_minimum") {
    title = "No estimated payments are required";
    text =
      "After withholding, you are expected to owe less than $1,000 for the year, so the IRS asks for no estimates.";
  } else if (q.nothingRequired === "covered") {
    title = "Your withholding covers the year";
    text = "The tax withheld from wages already meets the safe harbor: no estimated payments are required.";
  } else {
    title = `Nothing more is due for ${plan.year}`;
    text =
      q.remainingForYearCents > 0
        ? `The due dates have passed; ${formatMoney(q.remainingForYearCents)} of the required amount was not paid in time. Paying it now limits the penalty.`
        : "Every installment required for the year has been paid.";
  }
  return (
    <div className="flex flex-col gap-1 rounded-xl border border-teal-200 bg-teal-50/70 px-5 py-4">
      <p className="text-sm font-semibold tracking-wide text-teal-800 uppercase">What is due next</p>
      <p className="text-xl font-semibold tracking-tight text-slate-900">{title}</p>
      <p className="text-sm text-slate-700">{text}</p>
    </div>
  );
}

/** The safe harbor: the least the year's payments must reach to avoid an underpayment penalty. */
export function SafeHarbor({ plan }: { plan: TaxPlan }) {
  const h = plan.quarterly.safeHarbor;
  const prior = h.priorYearShareCents;
  const priorPercent = h.priorYearBasisPoints === null ? "" : `${h.priorYearBasisPoints / 100}%`;
  const options = [
    {
      key: "current",
      label: `90% of this year’s tax`,
      cents: h.currentYearShareCents,
      chosen: h.basis === "current_year",
    },
    ...(prior === null
      ? []
      : [
          {
            key: "prior",
            label: `${priorPercent} of last year’s tax`,
            cents: prior,
            chosen: h.basis === "prior_year",
          },
        ]),
  ];
  return (
    <div className="flex flex-col gap-3">
      <ul className="grid gap-3 sm:grid-cols-2">
        {options.map((o) => (
          <li
            key={o.key}
            className={cx(
              "rounded-xl border px-4 py-3 text-sm",
              o.chosen ? "border-teal-300 bg-teal-50/60" : "border-slate-200",
            )}
          >
            <span className="block text-slate-700">{o.label}</span>
            <span className="text-lg font-semibold text-slate-900 tabular-nums">{formatAmount(o.cents)}</span>
            {o.chosen ? (
              <span className="ml-2 text-sm font-semibold text-teal-800">the smaller: used</span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">
        {prior === null
          ? "Add last year’s tax and AGI to your profile: paying 100% of last year’s tax (110% above $150,000 AGI) is often the smaller target."
          : "Paying the smaller of the two by the due dates avoids the underpayment penalty."}{" "}
        Required for the year: {formatMoney(h.requiredAnnualPaymentCents)}, of which withholding covers{" "}
        {formatMoney(plan.quarterly.withholdingCents)} and estimates{" "}
        {formatMoney(plan.quarterly.requiredFromEstimatesCents)}.
      </p>
    </div>
  );
}

/** The four due dates (moved past weekends and holidays), each with what it asks and its status. */
export function QuarterTable({ plan }: { plan: TaxPlan }) {
  return (
    <ReportTable
      caption={`Federal estimated tax due dates for ${plan.year}`}
      columns={[
        { label: "Quarter" },
        { label: "Due date" },
        { label: "Installment", numeric: true },
        { label: "Paid by then", numeric: true },
        { label: "Status" },
      ]}
      minWidth="min-w-[40rem]"
    >
      {plan.quarterly.quarters.map((q) => (
        <tr key={q.quarter}>
          <RowHeader className="font-medium">Q{q.quarter}</RowHeader>
          <Cell className="whitespace-nowrap">{formatCalendarDate(q.dueDate)}</Cell>
          <NumberCell>{formatAmount(q.installmentCents)}</NumberCell>
          <NumberCell>{formatAmount(q.paidByDueDateCents)}</NumberCell>
          <Cell>
            <Badge tone={STATUS[q.status].tone}>{STATUS[q.status].label}</Badge>
            {q.status === "short" && q.shortfallCents ? (
              <span className="mt-1 block text-xs text-slate-600">{formatMoney(q.shortfallCents)} short</span>
            ) : null}
          </Cell>
        </tr>
      ))}
    </ReportTable>
  );
}
