/**
 * The year's tax for a sole proprietor or single-member LLC taxed as one (S-corporations are out
 * of scope), itemized line by line so each figure can be shown and checked against the forms:
 * Schedule C line 30 → Schedule SE → Form 8959 → Form 1040 (AGI, standard deduction) → Form 8995 /
 * 8995-A → Tax Rate Schedules. Every amount is integer cents.
 *
 * Simplifications, each documented where it is made:
 * - one W-2 wage figure per person stands for Form W-2 boxes 1, 3 and 5 alike;
 * - "other income" is ordinary income (no capital-gain rates), and may be negative;
 * - the standard deduction is taken (no itemizing, no age-65/blind additions, no credits);
 * - retirement contributions are taken as entered, limited only to the practice's earnings;
 * - the state tax is a flat rate on federal AGI (most states start from AGI), not below zero.
 */
import { percentOfCents } from "../money.js";
import { taxFromBrackets } from "./income-tax.js";
import { computeQbiDeduction, type QbiDeduction } from "./qbi.js";
import {
  type AdditionalMedicareTax,
  computeAdditionalMedicareTax,
  computeSelfEmploymentTax,
  type SelfEmploymentTax,
} from "./self-employment.js";
import { FILING_STATUSES, type FilingStatus, requireTaxYear, type TaxYearFigures } from "./tax-years.js";
import { optionalCents, requireCents, TaxInputError } from "./validate.js";

export type HomeOffice =
  | { method: "simplified"; squareFeet: number }
  | { method: "actual"; expensesCents: number };

export type EstimateInput = {
  year: number;
  filingStatus: FilingStatus;
  /** Schedule C line 29 from the ledger: income less expenses, before the home office. */
  ledgerProfitCents: number;
  homeOffice?: HomeOffice;
  /** The self-employed person's own W-2 wages; they use up part of the Social Security wage base. */
  w2WagesCents?: number;
  /** A spouse's W-2 wages, on a joint return only. */
  spouseW2WagesCents?: number;
  otherIncomeCents?: number;
  selfEmployedHealthInsuranceCents?: number;
  retirementContributionsCents?: number;
  /** Wages the practice paid its employees, and its qualified property (UBIA), for Form 8995-A. */
  practiceW2WagesPaidCents?: number;
  practiceQualifiedPropertyCents?: number;
  /** Flat state income tax rate in basis points (4.95% = 495). */
  stateRateBasisPoints?: number;
};

export type FederalTaxEstimate = {
  year: number;
  filingStatus: FilingStatus;
  tentativeProfitCents: number;
  homeOfficeDeductionCents: number;
  /** Schedule C line 31. */
  netProfitCents: number;
  selfEmployment: SelfEmploymentTax;
  additionalMedicare: AdditionalMedicareTax;
  wagesCents: number;
  otherIncomeCents: number;
  /** Form 1040 line 9. */
  totalIncomeCents: number;
  halfSelfEmploymentTaxCents: number;
  selfEmployedHealthInsuranceCents: number;
  retirementContributionsCents: number;
  /** Form 1040 line 11; can be negative after a large loss. */
  adjustedGrossIncomeCents: number;
  standardDeductionCents: number;
  taxableIncomeBeforeQbiCents: number;
  qualifiedBusinessIncomeCents: number;
  qbi: QbiDeduction;
  taxableIncomeCents: number;
  incomeTaxCents: number;
  /** Income tax + SE tax + Additional Medicare Tax: the "total tax" the safe harbor compares. */
  totalFederalTaxCents: number;
  stateRateBasisPoints: number;
  stateBaseCents: number;
  stateTaxCents: number;
  totalTaxCents: number;
};

/** Schedule C line 30. Either method is limited to the tentative profit: it cannot make a loss. */
export function computeHomeOfficeDeduction(
  figures: TaxYearFigures,
  homeOffice: HomeOffice | undefined,
  tentativeProfitCents: number,
): number {
  if (!homeOffice) return 0;
  let claimed: number;
  if (homeOffice.method === "simplified") {
    const { squareFeet } = homeOffice;
    if (!Number.isSafeInteger(squareFeet) || squareFeet < 0) {
      throw new TaxInputError(
        `homeOffice.squareFeet must be a whole number of square feet, got ${squareFeet}`,
      );
    }
    const rules = figures.statutory.homeOfficeSimplified;
    claimed = Math.min(squareFeet, rules.maximumSquareFeet.value) * rules.centsPerSquareFoot.value;
  } else {
    // Form 8829 would carry the disallowed part forward; the planner does not.
    claimed = requireCents(homeOffice.expensesCents, "homeOffice.expensesCents");
  }
  return Math.min(claimed, Math.max(0, tentativeProfitCents));
}

function requireFilingStatus(value: string): FilingStatus {
  const found = FILING_STATUSES.find((status) => status === value);
  if (!found) throw new TaxInputError(`filingStatus must be one of ${FILING_STATUSES.join(", ")}`);
  return found;
}

export function estimateFederalTax(input: EstimateInput): FederalTaxEstimate {
  const figures = requireTaxYear(input.year);
  const filingStatus = requireFilingStatus(input.filingStatus);
  const tentativeProfitCents = requireCents(input.ledgerProfitCents, "ledgerProfitCents", {
    allowNegative: true,
  });
  const ownWages = optionalCents(input.w2WagesCents, "w2WagesCents");
  const spouseWages = optionalCents(input.spouseW2WagesCents, "spouseW2WagesCents");
  if (spouseWages > 0 && filingStatus !== "married_joint") {
    throw new TaxInputError("spouseW2WagesCents belongs on a joint return only (filingStatus married_joint)");
  }
  const otherIncomeCents = requireCents(input.otherIncomeCents ?? 0, "otherIncomeCents", {
    allowNegative: true,
  });
  const stateRateBasisPoints = input.stateRateBasisPoints ?? 0;
  if (
    !Number.isSafeInteger(stateRateBasisPoints) ||
    stateRateBasisPoints < 0 ||
    stateRateBasisPoints > 10_000
  ) {
    throw new TaxInputError("stateRateBasisPoints must be a whole number from 0 to 10000");
  }

  const homeOfficeDeductionCents = computeHomeOfficeDeduction(
    figures,
    input.homeOffice,
    tentativeProfitCents,
  );
  const netProfitCents = tentativeProfitCents - homeOfficeDeductionCents;

  const selfEmployment = computeSelfEmploymentTax(figures, netProfitCents, ownWages);
  // Form 8959 adds both spouses' Medicare wages on a joint return; the SE wage base is per person.
  const wagesCents = ownWages + spouseWages;
  const additionalMedicare = computeAdditionalMedicareTax(figures, filingStatus, wagesCents, selfEmployment);

  // Plan contributions and SE health insurance need earned income from the practice (§404(a)(8),
  // §162(l)(2)(A), Form 7206): a loss year or a tiny profit caps them, rather than letting them
  // create a deduction out of wages.
  const halfSelfEmploymentTaxCents = selfEmployment.deductibleHalfCents;
  const earnedIncome = Math.max(0, netProfitCents - halfSelfEmploymentTaxCents);
  const retirementContributionsCents = Math.min(
    optionalCents(input.retirementContributionsCents, "retirementContributionsCents"),
    earnedIncome,
  );
  const selfEmployedHealthInsuranceCents = Math.min(
    optionalCents(input.selfEmployedHealthInsuranceCents, "selfEmployedHealthInsuranceCents"),
    earnedIncome - retirementContributionsCents,
  );

  // A Schedule C loss offsets wages and other income here (Form 1040 line 8 via Schedule 1).
  const totalIncomeCents = wagesCents + otherIncomeCents + netProfitCents;
  const adjustedGrossIncomeCents =
    totalIncomeCents -
    halfSelfEmploymentTaxCents -
    selfEmployedHealthInsuranceCents -
    retirementContributionsCents;
  const standardDeductionCents = figures.standardDeductionCents.value[filingStatus];
  const taxableIncomeBeforeQbiCents = Math.max(0, adjustedGrossIncomeCents - standardDeductionCents);

  // QBI is the profit less the deductions attributable to the business (Form 8995 instructions).
  const qualifiedBusinessIncomeCents =
    netProfitCents -
    halfSelfEmploymentTaxCents -
    selfEmployedHealthInsuranceCents -
    retirementContributionsCents;
  const qbi = computeQbiDeduction(figures, {
    filingStatus,
    qualifiedBusinessIncomeCents,
    taxableIncomeBeforeQbiCents,
    practiceW2WagesCents: optionalCents(input.practiceW2WagesPaidCents, "practiceW2WagesPaidCents"),
    practiceQualifiedPropertyCents: optionalCents(
      input.practiceQualifiedPropertyCents,
      "practiceQualifiedPropertyCents",
    ),
  });
  const taxableIncomeCents = Math.max(0, taxableIncomeBeforeQbiCents - qbi.deductionCents);
  const incomeTaxCents = taxFromBrackets(taxableIncomeCents, figures.ordinaryBrackets.value[filingStatus]);
  const totalFederalTaxCents =
    incomeTaxCents + selfEmployment.selfEmploymentTaxCents + additionalMedicare.totalCents;

  const stateBaseCents = Math.max(0, adjustedGrossIncomeCents);
  const stateTaxCents = percentOfCents(stateBaseCents, stateRateBasisPoints);

  return {
    year: figures.year,
    filingStatus,
    tentativeProfitCents,
    homeOfficeDeductionCents,
    netProfitCents,
    selfEmployment,
    additionalMedicare,
    wagesCents,
    otherIncomeCents,
    totalIncomeCents,
    halfSelfEmploymentTaxCents,
    selfEmployedHealthInsuranceCents,
    retirementContributionsCents,
    adjustedGrossIncomeCents,
    standardDeductionCents,
    taxableIncomeBeforeQbiCents,
    qualifiedBusinessIncomeCents,
    qbi,
    taxableIncomeCents,
    incomeTaxCents,
    totalFederalTaxCents,
    stateRateBasisPoints,
    stateBaseCents,
    stateTaxCents,
    totalTaxCents: totalFederalTaxCents + stateTaxCents,
  };
}
