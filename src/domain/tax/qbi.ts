/**
 * The qualified business income deduction (IRC §199A) for one sole proprietorship that is a
 * specified service trade or business — a therapy practice is in the field of health, §199A(d)(2).
 *
 * Below the threshold it is Form 8995: 20% of QBI, limited to 20% of taxable income. Inside the
 * phase-in range it is Form 8995-A with Schedule A: only the "applicable percentage" of QBI, W-2
 * wages and property counts, and then the wage limitation phases in. For a practice that pays no
 * wages both steps bite, so the deduction falls faster than a straight line (20% × QBI × (1 − p)²
 * where p is how far into the range taxable income is). Above the range a specified service
 * business gets nothing — except, from 2026, the $400 minimum for $1,000 of active QBI (§199A(i)).
 *
 * Not modelled: net capital gain (the planner's "other income" is ordinary income), REIT/PTP
 * income, a negative-QBI carryforward from earlier years, and aggregation with other businesses.
 */
import { percentOfCents, type Ratio } from "../money.js";
import type { FilingStatus, TaxYearFigures } from "./tax-years.js";

export type QbiInput = {
  filingStatus: FilingStatus;
  /** Net profit less the deductible half of SE tax, SE health insurance and retirement contributions. */
  qualifiedBusinessIncomeCents: number;
  /** Form 8995 line 11: AGI less the standard deduction, not below zero. */
  taxableIncomeBeforeQbiCents: number;
  practiceW2WagesCents: number;
  practiceQualifiedPropertyCents: number;
};

export type QbiDeduction = {
  /** "below_threshold" (Form 8995), "phase_in" (Form 8995-A), "above_range" (nothing for a SSTB). */
  zone: "no_qbi" | "below_threshold" | "phase_in" | "above_range";
  thresholdCents: number;
  phaseInRangeCents: number;
  /** Share of QBI that still counts (Schedule A): 1 below the threshold, 0 above the range. */
  applicablePercentage: Ratio;
  /** QBI after the applicable percentage (Form 8995-A line 2). */
  qbiTakenIntoAccountCents: number;
  /** The business's QBI component (Form 8995 line 5 / 8995-A line 13), before the income limit. */
  qbiComponentCents: number;
  /** 20% of taxable income before the deduction (Form 8995 line 14 / 8995-A line 36). */
  incomeLimitationCents: number;
  /** True when the 2026 minimum ($400) replaced a smaller deduction. */
  minimumApplied: boolean;
  deductionCents: number;
};

export function computeQbiDeduction(figures: TaxYearFigures, input: QbiInput): QbiDeduction {
  const rates = figures.statutory.qbi;
  const thresholdCents = figures.qbiThresholdCents.value[input.filingStatus];
  const phaseInRangeCents = figures.qbiPhaseInRangeCents.value[input.filingStatus];
  const taxable = input.taxableIncomeBeforeQbiCents;
  const qbi = input.qualifiedBusinessIncomeCents;
  const incomeLimitationCents = percentOfCents(Math.max(0, taxable), rates.rateBasisPoints.value);
  const base = { thresholdCents, phaseInRangeCents, incomeLimitationCents };

  if (qbi <= 0) {
    // A loss year: no deduction, and (not modelled) the loss would carry to next year's QBI.
    return {
      ...base,
      zone: "no_qbi",
      applicablePercentage: { numerator: 0, denominator: 1 },
      qbiTakenIntoAccountCents: 0,
      qbiComponentCents: 0,
      minimumApplied: false,
      deductionCents: 0,
    };
  }

  const excess = taxable - thresholdCents;
  let zone: QbiDeduction["zone"];
  let applicablePercentage: Ratio;
  let qbiTakenIntoAccountCents: number;
  let qbiComponentCents: number;
  if (excess <= 0) {
    zone = "below_threshold";
    applicablePercentage = { numerator: 1, denominator: 1 };
    qbiTakenIntoAccountCents = qbi;
    qbiComponentCents = percentOfCents(qbi, rates.rateBasisPoints.value);
  } else if (excess >= phaseInRangeCents) {
    zone = "above_range";
    applicablePercentage = { numerator: 0, denominator: 1 };
    qbiTakenIntoAccountCents = 0;
    qbiComponentCents = 0;
  } else {
    zone = "phase_in";
    // Schedule A lines 3-5: applicable percentage = 1 − excess / range, kept as an exact fraction.
    applicablePercentage = { numerator: phaseInRangeCents - excess, denominator: phaseInRangeCents };
    qbiTakenIntoAccountCents = percentOfCents(qbi, applicablePercentage);
    const wages = percentOfCents(input.practiceW2WagesCents, applicablePercentage);
    const property = percentOfCents(input.practiceQualifiedPropertyCents, applicablePercentage);
    const line3 = percentOfCents(qbiTakenIntoAccountCents, rates.rateBasisPoints.value);
    const line10 = Math.max(
      percentOfCents(wages, rates.wageLimitBasisPoints.value),
      percentOfCents(wages, rates.altWageLimitBasisPoints.value) +
        percentOfCents(property, rates.altUbiaLimitBasisPoints.value),
    );
    const line11 = Math.min(line3, line10);
    // Part III (only when the wage limit is below 20% of QBI): the shortfall phases in by excess/range.
    const line12 =
      line10 < line3
        ? line3 - percentOfCents(line3 - line10, { numerator: excess, denominator: phaseInRangeCents })
        : 0;
    qbiComponentCents = Math.max(line11, line12);
  }

  let deductionCents = Math.min(qbiComponentCents, incomeLimitationCents);
  let minimumApplied = false;
  const minimum = figures.qbiMinimum.value;
  // A therapist's own practice is taken as an active business (material participation, §469(h)).
  if (
    minimum &&
    qbiTakenIntoAccountCents >= minimum.minimumActiveQbiCents &&
    deductionCents < minimum.deductionCents
  ) {
    deductionCents = minimum.deductionCents;
    minimumApplied = true;
  }
  return {
    ...base,
    zone,
    applicablePercentage,
    qbiTakenIntoAccountCents,
    qbiComponentCents,
    minimumApplied,
    deductionCents,
  };
}
