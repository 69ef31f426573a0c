import { formatMoney } from "../ledger/money";
import { Section } from "../practice/section";
import { formatBasisPoints } from "../reports/report-format";
import { SummaryFigures } from "../reports/summary-figures";
import { TaxBreakdown } from "./tax-breakdown";
import { TaxPaymentForm } from "./tax-payment-form";
import { TaxPaymentsTable } from "./tax-payments";
import { NextPayment, QuarterTable, SafeHarbor } from "./tax-quarters";
import type { TaxPlan } from "./tax-queries";

type Figure = TaxPlan["figures"][number];

function figureValue(f: Figure): string {
  if (f.amountCents !== null) return formatMoney(f.amountCents);
  if (f.basisPoints !== null) return formatBasisPoints(f.basisPoints);
  return f.quantity === null ? "—" : String(f.quantity);
}

/** The figures of the year's tax data file the plan used, each with its IRS or SSA source. */
function Sources({ plan }: { plan: TaxPlan }) {
  return (
    <details className="rounded-lg border border-slate-200 px-4 py-2 text-sm">
      <summary className="cursor-pointer py-1 font-semibold text-teal-800">
        The {plan.year} figures used, and their sources
      </summary>
      <dl className="flex flex-col divide-y divide-slate-100 pt-2">
        {plan.figures.map((f) => (
          <div key={f.key} className="grid gap-1 py-2 sm:grid-cols-[16rem_8rem_1fr] sm:gap-4">
            <dt className="text-slate-800">{f.label}</dt>
            <dd className="font-medium text-slate-900 tabular-nums">{figureValue(f)}</dd>
            <dd className="text-slate-600">{f.source}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The year's plan: what is due next, the totals, the due dates, the payments, and the working. */
export function TaxPlanView({ practiceId, plan }: { practiceId: string; plan: TaxPlan }) {
  const e = plan.estimate;
  return (
    <>
      <Section
        title={`Your ${plan.year} plan`}
        description={`From the practice’s profit in the ledger and your ${plan.year} profile below.`}
      >
        <NextPayment plan={plan} />
        <SummaryFigures
          figures={[
            { term: "Self-employment tax", cents: e.selfEmployment.selfEmploymentTaxCents },
            { term: "Income tax", cents: e.incomeTaxCents },
            { term: "State tax", cents: e.stateTaxCents },
            { term: "Total tax for the year", cents: e.totalTaxCents, emphasis: true },
          ]}
        />
        {plan.ledger.basis === "projected_full_year" ? (
          <p className="text-sm text-slate-600">
            The year is in progress: the practice’s profit so far (
            {formatMoney(plan.ledger.yearToDate.profitCents)}, through day {plan.ledger.progress.daysElapsed}{" "}
            of {plan.ledger.progress.daysInYear}) is projected to the full year (
            {formatMoney(plan.ledger.used.profitCents)}).
          </p>
        ) : null}
      </Section>
      <Section
        title="Quarterly estimated payments"
        description="Four federal installments. A due date on a weekend or holiday moves to the next business day."
      >
        <SafeHarbor plan={plan} />
        <QuarterTable plan={plan} />
      </Section>
      <Section
        title="Payments"
        description={`Paid toward ${plan.year}: ${formatMoney(plan.quarterly.paidCents)} federal; state ${formatMoney(plan.state.paidCents)} of ${formatMoney(plan.state.taxCents)} estimated (${formatMoney(plan.state.remainingCents)} left).`}
      >
        <TaxPaymentsTable practiceId={practiceId} payments={plan.payments} />
        <h3 className="font-semibold text-slate-900">Record a payment</h3>
        <TaxPaymentForm practiceId={practiceId} year={plan.year} today={plan.today} />
      </Section>
      <Section
        title="How the estimate is worked out"
        description="Every step, from the ledger’s profit to the total tax."
      >
        <TaxBreakdown plan={plan} />
        <Sources plan={plan} />
      </Section>
    </>
  );
}
