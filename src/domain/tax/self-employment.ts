/**
 * Self-employment tax (Schedule SE, Part I) and the Additional Medicare Tax (Form 8959, Parts I
 * and II), line by line. Each money line is rounded to the cent, half away from zero, as a
 * preparer writing the line would; the line numbers are those of the 2025 forms.
 */
import { percentOfCents } from "../money.js";
import type { FilingStatus, TaxYearFigures } from "./tax-years.js";

export type SelfEmploymentTax = {
  /** Schedule SE line 4a/6: 92.35% of a profit; a loss passes through unchanged. */
  netEarningsCents: number;
  /** False when line 4c is under $400 (or a loss): no SE tax at all. */
  owesSelfEmploymentTax: boolean;
  /** Line 9: wage base less the person's own Social Security wages, not below zero. */
  socialSecurityRoomCents: number;
  /** Line 10: 12.4% of the smaller of line 6 and line 9. */
  socialSecurityTaxCents: number;
  /** Line 11: 2.9% of line 6, uncapped. */
  medicareTaxCents: number;
  /** Line 12. */
  selfEmploymentTaxCents: number;
  /** Line 13: half of line 12, an adjustment to income (Schedule 1 line 15). */
  deductibleHalfCents: number;
};

export function computeSelfEmploymentTax(
  figures: TaxYearFigures,
  netProfitCents: number,
  ownSocialSecurityWagesCents: number,
): SelfEmploymentTax {
  const se = figures.statutory.selfEmployment;
  const netEarningsCents =
    netProfitCents > 0 ? percentOfCents(netProfitCents, se.netEarningsBasisPoints.value) : netProfitCents;
  if (netEarningsCents < se.minimumNetEarningsCents.value) {
    return {
      netEarningsCents,
      owesSelfEmploymentTax: false,
      socialSecurityRoomCents: 0,
      socialSecurityTaxCents: 0,
      medicareTaxCents: 0,
      selfEmploymentTaxCents: 0,
      deductibleHalfCents: 0,
    };
  }
  // W-2 wages already used up part (or all) of the year's Social Security wage base.
  const socialSecurityRoomCents = Math.max(
    0,
    figures.socialSecurityWageBaseCents.value - ownSocialSecurityWagesCents,
  );
  const socialSecurityTaxCents = percentOfCents(
    Math.min(netEarningsCents, socialSecurityRoomCents),
    se.socialSecurityRateBasisPoints.value,
  );
  const medicareTaxCents = percentOfCents(netEarningsCents, se.medicareRateBasisPoints.value);
  const selfEmploymentTaxCents = socialSecurityTaxCents + medicareTaxCents;
  return {
    netEarningsCents,
    owesSelfEmploymentTax: true,
    socialSecurityRoomCents,
    socialSecurityTaxCents,
    medicareTaxCents,
    selfEmploymentTaxCents,
    deductibleHalfCents: percentOfCents(selfEmploymentTaxCents, se.deductibleShareBasisPoints.value),
  };
}

export type AdditionalMedicareTax = {
  thresholdCents: number;
  /** Form 8959 line 7: 0.9% of Medicare wages (both spouses on a joint return) over the threshold. */
  onWagesCents: number;
  /** Line 13: 0.9% of SE earnings over what the wages left of the threshold. */
  onSelfEmploymentCents: number;
  /** Line 18 (no railroad compensation here). */
  totalCents: number;
};

/**
 * Wages and self-employment earnings share one threshold, wages first, so the SE part is taxed
 * only above what the wages left (Form 8959 lines 9-12). A loss or earnings under $400 count as 0.
 * The 0.9% withheld by an employer is not subtracted here: it is part of the withholding credit.
 */
export function computeAdditionalMedicareTax(
  figures: TaxYearFigures,
  filingStatus: FilingStatus,
  medicareWagesCents: number,
  selfEmployment: SelfEmploymentTax,
): AdditionalMedicareTax {
  const { rateBasisPoints, thresholdCents } = figures.statutory.additionalMedicare;
  const threshold = thresholdCents.value[filingStatus];
  const onWagesCents = percentOfCents(Math.max(0, medicareWagesCents - threshold), rateBasisPoints.value);
  const seEarnings = selfEmployment.owesSelfEmploymentTax ? Math.max(0, selfEmployment.netEarningsCents) : 0;
  const thresholdLeft = Math.max(0, threshold - medicareWagesCents);
  const onSelfEmploymentCents = percentOfCents(
    Math.max(0, seEarnings - thresholdLeft),
    rateBasisPoints.value,
  );
  return {
    thresholdCents: threshold,
    onWagesCents,
    onSelfEmploymentCents,
    totalCents: onWagesCents + onSelfEmploymentCents,
  };
}
