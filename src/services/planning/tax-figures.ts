import type { FilingStatus, TaxYearFigures } from "../../domain/tax/tax-years.js";

/**
 * The year's figures a plan used, each with the document it comes from, so the page can show
 * what every number in the plan rests on. Amounts in cents, rates in basis points, a count
 * (square feet) as a plain quantity; whichever does not apply is null.
 */
export type CitedFigure = {
  key: string;
  label: string;
  amountCents: number | null;
  basisPoints: number | null;
  quantity: number | null;
  source: string;
};

type Value = { amountCents?: number; basisPoints?: number; quantity?: number };

function cite(key: string, label: string, value: Value, source: string): CitedFigure {
  return {
    key,
    label,
    amountCents: value.amountCents ?? null,
    basisPoints: value.basisPoints ?? null,
    quantity: value.quantity ?? null,
    source,
  };
}

function bracketFigures(figures: TaxYearFigures, filingStatus: FilingStatus): CitedFigure[] {
  const { source } = figures.ordinaryBrackets;
  return figures.ordinaryBrackets.value[filingStatus].map((b, i) =>
    b.upToCents === null
      ? cite(
          `bracket_${i + 1}`,
          "Income tax rate on taxable income above the last edge",
          { basisPoints: b.rateBasisPoints },
          source,
        )
      : cite(
          `bracket_${i + 1}`,
          "Income tax rate on taxable income up to",
          { amountCents: b.upToCents, basisPoints: b.rateBasisPoints },
          source,
        ),
  );
}

export function citedFigures(
  figures: TaxYearFigures,
  filingStatus: FilingStatus,
  options: { simplifiedHomeOffice: boolean },
): CitedFigure[] {
  const {
    selfEmployment: se,
    additionalMedicare: medicare,
    qbi,
    homeOfficeSimplified: home,
  } = figures.statutory;
  const est = figures.statutory.estimatedTax;
  const separate = filingStatus === "married_separate";
  const highAgi = separate ? est.highIncomeAgiSeparateCents : est.highIncomeAgiCents;
  const list: CitedFigure[] = [
    ...bracketFigures(figures, filingStatus),
    cite(
      "standard_deduction",
      "Standard deduction",
      { amountCents: figures.standardDeductionCents.value[filingStatus] },
      figures.standardDeductionCents.source,
    ),
    cite(
      "social_security_wage_base",
      "Social Security wage base",
      { amountCents: figures.socialSecurityWageBaseCents.value },
      figures.socialSecurityWageBaseCents.source,
    ),
    cite(
      "se_net_earnings",
      "Share of profit subject to SE tax",
      { basisPoints: se.netEarningsBasisPoints.value },
      se.netEarningsBasisPoints.source,
    ),
    cite(
      "se_social_security",
      "Social Security part of SE tax",
      { basisPoints: se.socialSecurityRateBasisPoints.value },
      se.socialSecurityRateBasisPoints.source,
    ),
    cite(
      "se_medicare",
      "Medicare part of SE tax",
      { basisPoints: se.medicareRateBasisPoints.value },
      se.medicareRateBasisPoints.source,
    ),
    cite(
      "se_deductible_share",
      "Deductible share of SE tax",
      { basisPoints: se.deductibleShareBasisPoints.value },
      se.deductibleShareBasisPoints.source,
    ),
    cite(
      "se_minimum",
      "No SE tax on net earnings under",
      { amountCents: se.minimumNetEarningsCents.value },
      se.minimumNetEarningsCents.source,
    ),
    cite(
      "additional_medicare",
      "Additional Medicare Tax rate",
      { basisPoints: medicare.rateBasisPoints.value },
      medicare.rateBasisPoints.source,
    ),
    cite(
      "additional_medicare_threshold",
      "Additional Medicare Tax threshold",
      { amountCents: medicare.thresholdCents.value[filingStatus] },
      medicare.thresholdCents.source,
    ),
    cite(
      "qbi_rate",
      "Qualified business income deduction rate",
      { basisPoints: qbi.rateBasisPoints.value },
      qbi.rateBasisPoints.source,
    ),
    cite(
      "qbi_threshold",
      "QBI threshold for a specified service business",
      { amountCents: figures.qbiThresholdCents.value[filingStatus] },
      figures.qbiThresholdCents.source,
    ),
    cite(
      "qbi_phase_in_range",
      "QBI phase-out range",
      { amountCents: figures.qbiPhaseInRangeCents.value[filingStatus] },
      figures.qbiPhaseInRangeCents.source,
    ),
    cite(
      "safe_harbor_current_year",
      "Safe harbor: share of this year's tax",
      { basisPoints: est.currentYearBasisPoints.value },
      est.currentYearBasisPoints.source,
    ),
    cite(
      "safe_harbor_prior_year",
      "Safe harbor: share of last year's tax",
      { basisPoints: est.priorYearBasisPoints.value },
      est.priorYearBasisPoints.source,
    ),
    cite(
      "safe_harbor_prior_year_high_income",
      "Safe harbor: share of last year's tax after a high-income year",
      { basisPoints: est.highIncomePriorYearBasisPoints.value },
      est.highIncomePriorYearBasisPoints.source,
    ),
    cite(
      "safe_harbor_high_income_agi",
      "Last year's AGI above which that share applies",
      { amountCents: highAgi.value },
      highAgi.source,
    ),
    cite(
      "estimated_tax_minimum",
      "No estimated tax required when owing less than",
      { amountCents: est.minimumOwedCents.value },
      est.minimumOwedCents.source,
    ),
    cite(
      "installment",
      "Each quarterly installment",
      { basisPoints: est.installmentBasisPoints.value },
      est.installmentBasisPoints.source,
    ),
    cite("due_dates", "Due dates, moved past weekends and legal holidays", {}, est.dueMonthDays.source),
    cite("holidays", "Legal holidays in the due-date months", {}, figures.dueMonthHolidays.source),
  ];
  const minimum = figures.qbiMinimum.value;
  if (minimum) {
    list.push(
      cite(
        "qbi_minimum",
        "Minimum QBI deduction",
        { amountCents: minimum.deductionCents },
        figures.qbiMinimum.source,
      ),
    );
  }
  if (options.simplifiedHomeOffice) {
    list.push(
      cite(
        "home_office_rate",
        "Home office (simplified): per square foot",
        { amountCents: home.centsPerSquareFoot.value },
        home.centsPerSquareFoot.source,
      ),
      cite(
        "home_office_area",
        "Home office (simplified): most square feet",
        { quantity: home.maximumSquareFeet.value },
        home.maximumSquareFeet.source,
      ),
    );
  }
  return list;
}
