import { z } from "@hono/zod-openapi";
import type { TaxPlan } from "../../services/planning/tax-plan.js";
import { TaxPaymentSchema } from "./planning-tax-payments.js";
import { FilingStatusSchema, TaxProfileSchema, taxProfileJson } from "./planning-tax-profile-schemas.js";

/** The tax plan's answer: every figure of the computation, so the page can show its working. */

const int = () => z.number().int();
const Ratio = z.object({ numerator: int(), denominator: int() });

const ProgressSchema = z.object({
  status: z.enum(["ended", "in_progress", "not_started"]),
  through: z.string().nullable(),
  daysElapsed: int(),
  daysInYear: int(),
});

const LedgerFiguresSchema = z.object({
  grossReceiptsCents: int(),
  totalExpensesCents: int(),
  profitCents: int(),
  wagesPaidCents: int(),
});
const ProfitFiguresSchema = z.object({ profitCents: int(), wagesPaidCents: int() });

export const LedgerProfitSchema = z.object({
  progress: ProgressSchema,
  yearToDate: LedgerFiguresSchema,
  projectedFullYear: ProfitFiguresSchema.nullable().openapi({
    description: "For a year in progress: profit so far × days in the year ÷ days elapsed",
  }),
  basis: z.enum(["full_year", "projected_full_year", "entered_so_far"]),
  used: ProfitFiguresSchema,
});

const EstimateSchema = z.object({
  year: int(),
  filingStatus: FilingStatusSchema,
  tentativeProfitCents: int(),
  homeOfficeDeductionCents: int(),
  netProfitCents: int(),
  selfEmployment: z.object({
    netEarningsCents: int(),
    owesSelfEmploymentTax: z.boolean(),
    socialSecurityRoomCents: int(),
    socialSecurityTaxCents: int(),
    medicareTaxCents: int(),
    selfEmploymentTaxCents: int(),
    deductibleHalfCents: int(),
  }),
  additionalMedicare: z.object({
    thresholdCents: int(),
    onWagesCents: int(),
    onSelfEmploymentCents: int(),
    totalCents: int(),
  }),
  wagesCents: int(),
  otherIncomeCents: int(),
  totalIncomeCents: int(),
  halfSelfEmploymentTaxCents: int(),
  selfEmployedHealthInsuranceCents: int(),
  retirementContributionsCents: int(),
  adjustedGrossIncomeCents: int(),
  standardDeductionCents: int(),
  taxableIncomeBeforeQbiCents: int(),
  qualifiedBusinessIncomeCents: int(),
  qbi: z.object({
    zone: z.enum(["no_qbi", "below_threshold", "phase_in", "above_range"]),
    thresholdCents: int(),
    phaseInRangeCents: int(),
    applicablePercentage: Ratio,
    qbiTakenIntoAccountCents: int(),
    qbiComponentCents: int(),
    incomeLimitationCents: int(),
    minimumApplied: z.boolean(),
    deductionCents: int(),
  }),
  taxableIncomeCents: int(),
  incomeTaxCents: int(),
  totalFederalTaxCents: int(),
  stateRateBasisPoints: int(),
  stateBaseCents: int(),
  stateTaxCents: int(),
  totalTaxCents: int(),
});

const QuarterSchema = z.object({
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  dueDate: z.string(),
  installmentCents: int(),
  cumulativeRequiredCents: int(),
  paidByDueDateCents: int(),
  shortfallCents: int().nullable(),
  status: z.enum(["not_required", "met", "short", "next", "upcoming"]),
});

const QuarterlySchema = z.object({
  year: int(),
  safeHarbor: z.object({
    currentYearShareCents: int(),
    priorYearShareCents: int().nullable(),
    priorYearBasisPoints: int().nullable(),
    requiredAnnualPaymentCents: int(),
    basis: z.enum(["current_year", "prior_year"]),
  }),
  withholdingCents: int(),
  nothingRequired: z.union([z.literal(false), z.enum(["under_minimum", "covered"])]),
  requiredFromEstimatesCents: int(),
  quarters: z.array(QuarterSchema),
  paidCents: int(),
  remainingForYearCents: int(),
  next: z
    .object({
      quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
      dueDate: z.string(),
      amountCents: int(),
    })
    .nullable(),
});

const CitedFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  amountCents: int().nullable(),
  basisPoints: int().nullable(),
  quantity: int().nullable(),
  source: z.string(),
});

export const TaxPlanSchema = z
  .object({
    year: int(),
    today: z.string(),
    scope: z.string(),
    profile: TaxProfileSchema,
    ledger: LedgerProfitSchema,
    estimate: EstimateSchema,
    quarterly: QuarterlySchema,
    payments: z.array(TaxPaymentSchema),
    state: z.object({ taxCents: int(), paidCents: int(), remainingCents: int() }),
    figures: z.array(CitedFigureSchema),
  })
  .openapi("TaxPlan");

export function taxPlanJson(plan: TaxPlan): z.infer<typeof TaxPlanSchema> {
  const { applicablePercentage: ratio } = plan.estimate.qbi;
  return {
    ...plan,
    profile: taxProfileJson(plan.profile),
    estimate: {
      ...plan.estimate,
      qbi: {
        ...plan.estimate.qbi,
        applicablePercentage: { numerator: Number(ratio.numerator), denominator: Number(ratio.denominator) },
      },
    },
  };
}
