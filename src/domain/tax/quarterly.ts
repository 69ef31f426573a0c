/**
 * The quarterly plan: how much must be paid by each due date to be safe from the underpayment
 * addition of IRC §6654, what has been paid, and what is due next.
 *
 * - Required annual payment (§6654(d)(1)(B)): the smaller of 90% of this year's tax and 100% of
 *   last year's (110% when last year's AGI was over $150,000, or over $75,000 for a married person
 *   filing separately this year). Last year counts only if it was a full 12-month year with a
 *   return; pass `priorYear: null` otherwise.
 * - Nothing is required when this year's tax less withholding is under $1,000 (§6654(e)(1)).
 * - Withholding is treated as paid in four equal parts on the due dates (§6654(g)), so each
 *   installment is 25% of (required annual payment − withholding), cumulative amounts rounded once.
 * - Payments go to the earliest installment first (§6654(b)(3)): a quarter's shortfall is its
 *   cumulative requirement less every payment made on or before its due date.
 */
import { BASIS_POINTS_PER_WHOLE, mulDivCents, percentOfCents } from "../money.js";
import { estimatedTaxDueDates } from "./due-dates.js";
import { type FilingStatus, requireTaxYear } from "./tax-years.js";
import { requireCents, requireIsoDate } from "./validate.js";

export type EstimatedPayment = { date: string; amountCents: number };

export type QuarterlyPlanInput = {
  year: number;
  filingStatus: FilingStatus;
  /** This year's total federal tax, e.g. `estimateFederalTax(...).totalFederalTaxCents`. */
  currentYearTaxCents: number;
  /** Federal income tax (and Additional Medicare Tax) withheld from W-2 wages this year. */
  withholdingCents?: number;
  /** Last year's total tax and AGI, or null when there was no full-year return. */
  priorYear: { taxCents: number; agiCents: number } | null;
  payments?: readonly EstimatedPayment[];
  /** The date the plan is looked at, YYYY-MM-DD. */
  today: string;
};

export type SafeHarbor = {
  currentYearShareCents: number;
  priorYearShareCents: number | null;
  /** 10000 (100%) or 11000 (110%) when last year counts. */
  priorYearBasisPoints: number | null;
  requiredAnnualPaymentCents: number;
  basis: "current_year" | "prior_year";
};

export type QuarterStatus = {
  quarter: 1 | 2 | 3 | 4;
  dueDate: string;
  installmentCents: number;
  cumulativeRequiredCents: number;
  paidByDueDateCents: number;
  /** What was missing on the due date; null while the due date is still ahead. */
  shortfallCents: number | null;
};

export type QuarterlyPlan = {
  year: number;
  safeHarbor: SafeHarbor;
  withholdingCents: number;
  /** "under_minimum": tax less withholding under $1,000; "covered": withholding meets the safe harbor. */
  nothingRequired: false | "under_minimum" | "covered";
  requiredFromEstimatesCents: number;
  quarters: QuarterStatus[];
  paidCents: number;
  remainingForYearCents: number;
  /** The first due date on or after today, and what must be paid by then; null after Q4. */
  next: { quarter: 1 | 2 | 3 | 4; dueDate: string; amountCents: number } | null;
};

export function computeSafeHarbor(
  input: Pick<QuarterlyPlanInput, "year" | "filingStatus" | "currentYearTaxCents" | "priorYear">,
): SafeHarbor {
  const rules = requireTaxYear(input.year).statutory.estimatedTax;
  const currentYearShareCents = percentOfCents(
    requireCents(input.currentYearTaxCents, "currentYearTaxCents"),
    rules.currentYearBasisPoints.value,
  );
  if (input.priorYear === null) {
    return {
      currentYearShareCents,
      priorYearShareCents: null,
      priorYearBasisPoints: null,
      requiredAnnualPaymentCents: currentYearShareCents,
      basis: "current_year",
    };
  }
  const priorTax = requireCents(input.priorYear.taxCents, "priorYear.taxCents");
  const priorAgi = requireCents(input.priorYear.agiCents, "priorYear.agiCents", { allowNegative: true });
  // The $75,000 line follows this year's filing status, per §6654(d)(1)(C)(ii).
  const agiLine =
    input.filingStatus === "married_separate"
      ? rules.highIncomeAgiSeparateCents.value
      : rules.highIncomeAgiCents.value;
  const priorYearBasisPoints =
    priorAgi > agiLine ? rules.highIncomePriorYearBasisPoints.value : rules.priorYearBasisPoints.value;
  const priorYearShareCents = percentOfCents(priorTax, priorYearBasisPoints);
  const usePrior = priorYearShareCents < currentYearShareCents;
  return {
    currentYearShareCents,
    priorYearShareCents,
    priorYearBasisPoints,
    requiredAnnualPaymentCents: usePrior ? priorYearShareCents : currentYearShareCents,
    basis: usePrior ? "prior_year" : "current_year",
  };
}

export function planQuarterlyPayments(input: QuarterlyPlanInput): QuarterlyPlan {
  const rules = requireTaxYear(input.year).statutory.estimatedTax;
  const today = requireIsoDate(input.today, "today");
  const withholdingCents = requireCents(input.withholdingCents ?? 0, "withholdingCents");
  const payments = (input.payments ?? []).map((payment, i) => ({
    date: requireIsoDate(payment.date, `payments[${i}].date`),
    amountCents: requireCents(payment.amountCents, `payments[${i}].amountCents`),
  }));
  const safeHarbor = computeSafeHarbor(input);

  const owedAfterWithholding = input.currentYearTaxCents - withholdingCents;
  const underMinimum = owedAfterWithholding < rules.minimumOwedCents.value;
  const requiredFromEstimatesCents = underMinimum
    ? 0
    : Math.max(0, safeHarbor.requiredAnnualPaymentCents - withholdingCents);
  const nothingRequired = underMinimum
    ? "under_minimum"
    : requiredFromEstimatesCents === 0
      ? "covered"
      : false;

  const [q1, q2, q3, q4] = estimatedTaxDueDates(input.year);
  const dueDates = [
    { quarter: 1, dueDate: q1 },
    { quarter: 2, dueDate: q2 },
    { quarter: 3, dueDate: q3 },
    { quarter: 4, dueDate: q4 },
  ] as const;
  const quarters: QuarterStatus[] = [];
  let previousCumulative = 0;
  for (const { quarter, dueDate } of dueDates) {
    // 25% per installment, cumulative: round k/4 of the total once so the four add up exactly.
    const cumulativeRequiredCents = mulDivCents(
      requiredFromEstimatesCents,
      rules.installmentBasisPoints.value * quarter,
      BASIS_POINTS_PER_WHOLE,
    );
    const paidByDueDateCents = sumPayments(payments, dueDate);
    quarters.push({
      quarter,
      dueDate,
      installmentCents: cumulativeRequiredCents - previousCumulative,
      cumulativeRequiredCents,
      paidByDueDateCents,
      shortfallCents: dueDate < today ? Math.max(0, cumulativeRequiredCents - paidByDueDateCents) : null,
    });
    previousCumulative = cumulativeRequiredCents;
  }

  const paidCents = sumPayments(payments, null);
  const upcoming = quarters.find((q) => q.dueDate >= today);
  return {
    year: input.year,
    safeHarbor,
    withholdingCents,
    nothingRequired,
    requiredFromEstimatesCents,
    quarters,
    paidCents,
    remainingForYearCents: Math.max(0, requiredFromEstimatesCents - paidCents),
    next:
      upcoming && !nothingRequired
        ? {
            quarter: upcoming.quarter,
            dueDate: upcoming.dueDate,
            amountCents: Math.max(0, upcoming.cumulativeRequiredCents - upcoming.paidByDueDateCents),
          }
        : null,
  };
}

function sumPayments(payments: readonly EstimatedPayment[], onOrBefore: string | null): number {
  return payments
    .filter((payment) => onOrBefore === null || payment.date <= onOrBefore)
    .reduce((total, payment) => total + payment.amountCents, 0);
}
