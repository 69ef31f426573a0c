/**
 * THE data file of the tax planner: every yearly figure and statutory constant it uses, each next
 * to the document and section it comes from. Nothing else in src/domain/tax holds a tax number, so
 * a new year is one new entry here. Amounts are integer cents, rates basis points.
 *
 * How the figures were checked (2026-11, through the search tool's stored copies of public
 * material, not the live web): each yearly figure was found in at least two independent sources
 * citing the primary document named beside it, and the bracket edges were re-derived from the
 * cumulative-tax column of the Rev. Proc. tables (tests/unit/tax/tax-years.test.ts). The primary
 * PDFs themselves were not retrievable, so Rev. Proc. section numbers are as those sources quote
 * them. Where a figure rests on secondary sources only, its comment says so. The holiday dates
 * are computed from the rules of 5 U.S.C. §6103, not looked up.
 *
 * This module imports nothing, on purpose: it is data, and everything else reads it.
 */

export const FILING_STATUSES = [
  "single",
  "married_joint",
  "married_separate",
  "head_of_household",
  "qualifying_surviving_spouse",
] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** A figure with the document it comes from. */
export type Cited<T> = { readonly value: T; readonly source: string };
export type ByStatus<T> = Readonly<Record<FilingStatus, T>>;
/** One band of a rate schedule: the rate applies up to `upToCents` (null: no upper limit). */
export type Bracket = { readonly upToCents: number | null; readonly rateBasisPoints: number };
/** A mill is a tenth of a cent: 72.5¢ a mile is 725 mills, so the rate stays an integer. */
export type MileageRate = {
  readonly fromDate: string;
  readonly millsPerMile: number;
  readonly source: string;
};

export type TaxYearFigures = {
  readonly year: number;
  readonly ordinaryBrackets: Cited<ByStatus<readonly Bracket[]>>;
  readonly standardDeductionCents: Cited<ByStatus<number>>;
  readonly socialSecurityWageBaseCents: Cited<number>;
  readonly qbiThresholdCents: Cited<ByStatus<number>>;
  readonly qbiPhaseInRangeCents: Cited<ByStatus<number>>;
  /** null before 2026: the minimum deduction did not exist. */
  readonly qbiMinimum: Cited<{ deductionCents: number; minimumActiveQbiCents: number } | null>;
  readonly mileageRates: readonly MileageRate[];
  /**
   * Legal holidays (YYYY-MM-DD) in the four due-date months (April, June, September and the next
   * January): a due date moved from the 15th can never leave its month, so no other matters.
   */
  readonly dueMonthHolidays: Cited<readonly string[]>;
  readonly statutory: typeof STATUTORY;
};

const usd = (dollars: number): number => dollars * 100;
const RATES = [1000, 1200, 2200, 2400, 3200, 3500, 3700] as const;
/** Builds a seven-band schedule from its six upper edges, in dollars. */
function schedule(...edges: [number, number, number, number, number, number]): readonly Bracket[] {
  return RATES.map((rateBasisPoints, i) => {
    const edge = edges[i];
    return { upToCents: edge === undefined ? null : usd(edge), rateBasisPoints };
  });
}
/** Joint-return and "all other" amounts, with the married-separate amount where it differs. */
function byStatus(joint: number, others: number, separate = others): ByStatus<number> {
  return {
    single: others,
    married_joint: joint,
    married_separate: separate,
    head_of_household: others,
    qualifying_surviving_spouse: others,
  };
}

/** A surviving spouse takes the joint amount (IRC §63(c)(2)(A)); married-separate the single one. */
function standardDeduction(joint: number, single: number, headOfHousehold: number): ByStatus<number> {
  return {
    single: usd(single),
    married_joint: usd(joint),
    married_separate: usd(single),
    head_of_household: usd(headOfHousehold),
    qualifying_surviving_spouse: usd(joint),
  };
}

/**
 * Figures fixed in the Internal Revenue Code, not indexed for inflation. They sit in every year's
 * record so that a future change in law is again one edit here.
 */
export const STATUTORY = {
  selfEmployment: {
    socialSecurityRateBasisPoints: { value: 1240, source: "IRC §1401(a); Schedule SE line 10" },
    medicareRateBasisPoints: { value: 290, source: "IRC §1401(b)(1); Schedule SE line 11" },
    netEarningsBasisPoints: { value: 9235, source: "IRC §1402(a)(12) (7.65% off); Schedule SE line 4a" },
    minimumNetEarningsCents: { value: usd(400), source: "IRC §1402(b)(2); Schedule SE line 4c" },
    deductibleShareBasisPoints: { value: 5000, source: "IRC §164(f); Schedule SE line 13" },
  },
  additionalMedicare: {
    rateBasisPoints: { value: 90, source: "IRC §1401(b)(2)(A), §3101(b)(2); Form 8959" },
    // Qualifying surviving spouse falls in "any other case" ($200,000), not the joint amount.
    thresholdCents: {
      value: byStatus(usd(250_000), usd(200_000), usd(125_000)),
      source: "IRC §1401(b)(2)(A) and §3101(b)(2): $250,000 joint, $125,000 separate, $200,000 other",
    },
  },
  qbi: {
    rateBasisPoints: { value: 2000, source: "IRC §199A(a), (b)(2)(A); Form 8995 lines 5 and 13" },
    wageLimitBasisPoints: { value: 5000, source: "IRC §199A(b)(2)(B)(i); Form 8995-A line 5" },
    altWageLimitBasisPoints: { value: 2500, source: "IRC §199A(b)(2)(B)(ii); Form 8995-A line 6" },
    altUbiaLimitBasisPoints: { value: 250, source: "IRC §199A(b)(2)(B)(ii); Form 8995-A line 8" },
  },
  homeOfficeSimplified: {
    centsPerSquareFoot: { value: 500, source: "Rev. Proc. 2013-13 (safe harbor, $5 a square foot)" },
    maximumSquareFeet: { value: 300, source: "Rev. Proc. 2013-13 (at most 300 square feet)" },
  },
  estimatedTax: {
    installmentBasisPoints: { value: 2500, source: "IRC §6654(d)(1)(A): each installment is 25%" },
    currentYearBasisPoints: { value: 9000, source: "IRC §6654(d)(1)(B)(i): 90% of this year's tax" },
    priorYearBasisPoints: { value: 10_000, source: "IRC §6654(d)(1)(B)(ii): 100% of last year's tax" },
    highIncomePriorYearBasisPoints: { value: 11_000, source: "IRC §6654(d)(1)(C)(i): 110%" },
    highIncomeAgiCents: { value: usd(150_000), source: "IRC §6654(d)(1)(C)(i): prior AGI over $150,000" },
    highIncomeAgiSeparateCents: { value: usd(75_000), source: "IRC §6654(d)(1)(C)(ii): $75,000 if separate" },
    minimumOwedCents: { value: usd(1000), source: "IRC §6654(e)(1): tax less withholding under $1,000" },
    // Month and day for the tax year's Q1–Q3, and Q4 in January of the next year; a date on a
    // Saturday, Sunday or legal holiday moves to the next business day (IRC §7503).
    dueMonthDays: {
      value: [
        { month: 4, day: 15, nextYear: false },
        { month: 6, day: 15, nextYear: false },
        { month: 9, day: 15, nextYear: false },
        { month: 1, day: 15, nextYear: true },
      ],
      source: "IRC §6654(c)(2); IRC §7503 (weekend and legal-holiday rule); Form 1040-ES",
    },
  },
} as const;

const HOLIDAY_SOURCE =
  "5 U.S.C. §6103(a)-(b) (dates computed from its rules); D.C. Code §1-612.02 (Emancipation Day, " +
  "April 16), a legal holiday in the District of Columbia and so one under IRC §7503";

const TAX_YEARS: Readonly<Record<number, TaxYearFigures>> = {
  2025: {
    year: 2025,
    ordinaryBrackets: {
      value: {
        single: schedule(11_925, 48_475, 103_350, 197_300, 250_525, 626_350),
        married_joint: schedule(23_850, 96_950, 206_700, 394_600, 501_050, 751_600),
        married_separate: schedule(11_925, 48_475, 103_350, 197_300, 250_525, 375_800),
        head_of_household: schedule(17_000, 64_850, 103_350, 197_300, 250_500, 626_350),
        qualifying_surviving_spouse: schedule(23_850, 96_950, 206_700, 394_600, 501_050, 751_600),
      },
      source: "Rev. Proc. 2024-40 §2.01, Tables 1-4 (unchanged by P.L. 119-21)",
    },
    standardDeductionCents: {
      // Rev. Proc. 2024-40 §2.15(1) had published $15,000 / $30,000 / $22,500; the July 2025 law
      // raised the 2025 amounts, and Rev. Proc. 2025-32 restates them.
      value: standardDeduction(31_500, 15_750, 23_625),
      source: "P.L. 119-21 (One Big Beautiful Bill Act, July 4, 2025) §70102, amending IRC §63(c)(7)",
    },
    socialSecurityWageBaseCents: {
      value: usd(176_100),
      source: "SSA Fact Sheet, 2025 Social Security Changes (contribution and benefit base)",
    },
    qbiThresholdCents: {
      value: byStatus(usd(394_600), usd(197_300)),
      source: "Rev. Proc. 2024-40 §2.27 (IRC §199A(e)(2)); Form 8995 instructions (2025)",
    },
    qbiPhaseInRangeCents: {
      value: byStatus(usd(100_000), usd(50_000)),
      source: "IRC §199A(b)(3)(B), (d)(3) before P.L. 119-21: $50,000 ($100,000 joint)",
    },
    qbiMinimum: { value: null, source: "P.L. 119-21 §70105: the minimum applies from 2026" },
    mileageRates: [
      { fromDate: "2025-01-01", millsPerMile: 700, source: "IRS Notice 2025-5 (IR-2024-312): 70¢" },
    ],
    dueMonthHolidays: {
      // Emancipation Day, Juneteenth, Labor Day, New Year's Day, Martin Luther King Jr. Day.
      value: ["2025-04-16", "2025-06-19", "2025-09-01", "2026-01-01", "2026-01-19"],
      source: HOLIDAY_SOURCE,
    },
    statutory: STATUTORY,
  },
  2026: {
    year: 2026,
    ordinaryBrackets: {
      // Head of household's 24%/32% edges are $25 below single's: that is in the Rev. Proc.
      value: {
        single: schedule(12_400, 50_400, 105_700, 201_775, 256_225, 640_600),
        married_joint: schedule(24_800, 100_800, 211_400, 403_550, 512_450, 768_700),
        married_separate: schedule(12_400, 50_400, 105_700, 201_775, 256_225, 384_350),
        head_of_household: schedule(17_700, 67_450, 105_700, 201_750, 256_200, 640_600),
        qualifying_surviving_spouse: schedule(24_800, 100_800, 211_400, 403_550, 512_450, 768_700),
      },
      source: "Rev. Proc. 2025-32 §4.01, Tables 1-4 (P.L. 119-21 §70101)",
    },
    standardDeductionCents: {
      value: standardDeduction(32_200, 16_100, 24_150),
      source: "Rev. Proc. 2025-32 §4.14(1); IRS IR-2025-103",
    },
    socialSecurityWageBaseCents: {
      value: usd(184_500),
      source: "SSA Fact Sheet, 2026 Social Security Changes; 90 FR (Nov. 3, 2025) 2025-19763",
    },
    qbiThresholdCents: {
      // Married-separate really is $25 above the others this year (independent rounding).
      value: byStatus(usd(403_500), usd(201_750), usd(201_775)),
      source: "Rev. Proc. 2025-32 §4.26 (IRC §199A(e)(2))",
    },
    qbiPhaseInRangeCents: {
      value: byStatus(usd(150_000), usd(75_000)),
      source: "P.L. 119-21 §70105, amending IRC §199A(b)(3)(B) and (d)(3): $75,000 ($150,000 joint)",
    },
    qbiMinimum: {
      value: { deductionCents: usd(400), minimumActiveQbiCents: usd(1000) },
      source: "P.L. 119-21 §70105, new IRC §199A(i); Rev. Proc. 2025-32 §4.26",
    },
    mileageRates: [
      { fromDate: "2026-01-01", millsPerMile: 725, source: "IRS Notice 2026-10 (IR-2025-128): 72.5¢" },
      // Found only in secondary sources (several independent ones, all citing this announcement and
      // quoting its "on or after July 1, 2026" language); the IRB text itself was not retrievable.
      { fromDate: "2026-07-01", millsPerMile: 760, source: "IRS Announcement 2026-11, IRB 2026-29: 76¢" },
    ],
    dueMonthHolidays: {
      // Emancipation Day, Juneteenth, Labor Day, New Year's Day, Martin Luther King Jr. Day.
      value: ["2026-04-16", "2026-06-19", "2026-09-07", "2027-01-01", "2027-01-18"],
      source: HOLIDAY_SOURCE,
    },
    statutory: STATUTORY,
  },
};

export const SUPPORTED_TAX_YEARS: readonly number[] = Object.keys(TAX_YEARS).map(Number);

export class UnsupportedTaxYearError extends Error {
  override readonly name = "UnsupportedTaxYearError";
  constructor(readonly year: number) {
    super(
      `No tax figures for ${year}: the planner has figures for ${SUPPORTED_TAX_YEARS.join(" and ")} ` +
        "only. A year is added once the IRS and SSA have published its figures.",
    );
  }
}

export function findTaxYear(year: number): TaxYearFigures | undefined {
  return Object.hasOwn(TAX_YEARS, year) ? TAX_YEARS[year] : undefined;
}

/** The year's figures, or an UnsupportedTaxYearError that says which years exist. */
export function requireTaxYear(year: number): TaxYearFigures {
  const figures = findTaxYear(year);
  if (!figures) throw new UnsupportedTaxYearError(year);
  return figures;
}
