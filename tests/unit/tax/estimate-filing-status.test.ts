// Worked examples, one per filing status, derived by hand from the 2025/2026 Schedule SE, Form
// 1040 (Schedule 1 adjustments), Form 8995 and the Tax Rate Schedules. Each money line is rounded
// to the cent, half away from zero, as it would be written on the form.
import { describe, expect, it } from "vitest";
import { estimateFederalTax } from "../../../src/domain/tax/estimate.js";
import { TaxInputError } from "../../../src/domain/tax/validate.js";
import { usd } from "./usd.js";

describe("single, 2025 — an $80,000 practice, 5% state rate", () => {
  // Schedule SE: 4a  80,000 × 92.35%            = 73,880.00
  //              10  73,880.00 × 12.4%          =  9,161.12  (under the $176,100 base)
  //              11  73,880.00 × 2.9%           =  2,142.52
  //              12  SE tax                     = 11,303.64
  //              13  half                       =  5,651.82
  // AGI           80,000 − 5,651.82             = 74,348.18
  // Form 8995 l.11 74,348.18 − 15,750 (std)     = 58,598.18
  //   QBI 80,000 − 5,651.82 = 74,348.18; × 20%  = 14,869.64 (l.5)
  //   income limit 58,598.18 × 20%              = 11,719.64 (l.14) → deduction 11,719.64
  // Taxable income 58,598.18 − 11,719.64        = 46,878.54
  // Tax: 10% × 11,925 = 1,192.50; 12% × 34,953.54 = 4,194.4248 → 5,386.92
  // Federal 5,386.92 + 11,303.64 = 16,690.56; state 5% × AGI 74,348.18 = 3,717.41
  const e = estimateFederalTax({
    year: 2025,
    filingStatus: "single",
    ledgerProfitCents: usd("80,000"),
    stateRateBasisPoints: 500,
  });

  it("computes every line", () => {
    expect(e.netProfitCents).toBe(usd("80,000.00"));
    expect(e.selfEmployment.netEarningsCents).toBe(usd("73,880.00"));
    expect(e.selfEmployment.socialSecurityTaxCents).toBe(usd("9,161.12"));
    expect(e.selfEmployment.medicareTaxCents).toBe(usd("2,142.52"));
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("11,303.64"));
    expect(e.halfSelfEmploymentTaxCents).toBe(usd("5,651.82"));
    expect(e.additionalMedicare.totalCents).toBe(0);
    expect(e.adjustedGrossIncomeCents).toBe(usd("74,348.18"));
    expect(e.standardDeductionCents).toBe(usd("15,750"));
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("58,598.18"));
    expect(e.qualifiedBusinessIncomeCents).toBe(usd("74,348.18"));
    expect(e.qbi.zone).toBe("below_threshold");
    expect(e.qbi.qbiComponentCents).toBe(usd("14,869.64"));
    expect(e.qbi.incomeLimitationCents).toBe(usd("11,719.64"));
    expect(e.qbi.deductionCents).toBe(usd("11,719.64"));
    expect(e.taxableIncomeCents).toBe(usd("46,878.54"));
    expect(e.incomeTaxCents).toBe(usd("5,386.92"));
    expect(e.totalFederalTaxCents).toBe(usd("16,690.56"));
    expect(e.stateBaseCents).toBe(usd("74,348.18"));
    expect(e.stateTaxCents).toBe(usd("3,717.41"));
    expect(e.totalTaxCents).toBe(usd("20,407.97"));
  });
});

describe("married filing jointly, 2025 — spouse's wages, home office, health insurance, SEP", () => {
  // Schedule C: line 29 120,000; line 30 simplified 200 sq ft × $5 = 1,000; line 31 = 119,000
  // Schedule SE: 4a 119,000 × 92.35% = 109,896.50; 10 × 12.4% = 13,627.166 → 13,627.17;
  //   11 × 2.9% = 3,186.9985 → 3,187.00; 12 = 16,814.17; 13 = 8,407.085 → 8,407.09
  // Form 8959: Medicare wages 60,000 (spouse) + SE 109,896.50 < $250,000 joint threshold → 0
  // Total income 60,000 + 119,000 = 179,000
  // AGI 179,000 − 8,407.09 − 6,000 (SE health) − 10,000 (SEP) = 154,592.91
  // Taxable before QBI 154,592.91 − 31,500 = 123,092.91 (under $394,600: Form 8995)
  // QBI 119,000 − 8,407.09 − 6,000 − 10,000 = 94,592.91; × 20% = 18,918.582 → 18,918.58
  //   limit 123,092.91 × 20% = 24,618.58 → deduction 18,918.58
  // Taxable income 123,092.91 − 18,918.58 = 104,174.33
  // Tax: 2,385 + 12% × 73,100 = 8,772 + 22% × 7,224.33 = 1,589.3526 → 12,746.35
  // Federal 12,746.35 + 16,814.17 = 29,560.52
  const e = estimateFederalTax({
    year: 2025,
    filingStatus: "married_joint",
    ledgerProfitCents: usd("120,000"),
    homeOffice: { method: "simplified", squareFeet: 200 },
    spouseW2WagesCents: usd("60,000"),
    selfEmployedHealthInsuranceCents: usd("6,000"),
    retirementContributionsCents: usd("10,000"),
  });

  it("computes every line", () => {
    expect(e.homeOfficeDeductionCents).toBe(usd("1,000"));
    expect(e.netProfitCents).toBe(usd("119,000"));
    expect(e.selfEmployment.netEarningsCents).toBe(usd("109,896.50"));
    expect(e.selfEmployment.socialSecurityTaxCents).toBe(usd("13,627.17"));
    expect(e.selfEmployment.medicareTaxCents).toBe(usd("3,187.00"));
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("16,814.17"));
    expect(e.halfSelfEmploymentTaxCents).toBe(usd("8,407.09"));
    expect(e.additionalMedicare.totalCents).toBe(0);
    expect(e.totalIncomeCents).toBe(usd("179,000"));
    expect(e.adjustedGrossIncomeCents).toBe(usd("154,592.91"));
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("123,092.91"));
    expect(e.qualifiedBusinessIncomeCents).toBe(usd("94,592.91"));
    expect(e.qbi.deductionCents).toBe(usd("18,918.58"));
    expect(e.taxableIncomeCents).toBe(usd("104,174.33"));
    expect(e.incomeTaxCents).toBe(usd("12,746.35"));
    expect(e.totalFederalTaxCents).toBe(usd("29,560.52"));
    expect(e.stateTaxCents).toBe(0);
  });
});

describe("married filing separately, 2025 — own W-2 wages and interest", () => {
  // Schedule SE: 4a 60,000 × 92.35% = 55,410.00; line 9 176,100 − 20,000 wages = 156,100 (room);
  //   10 55,410 × 12.4% = 6,870.84; 11 × 2.9% = 1,606.89; 12 = 8,477.73; 13 = 4,238.865 → 4,238.87
  // Form 8959: $125,000 separate threshold, 20,000 + 55,410 under it → 0
  // AGI 20,000 + 1,000 + 60,000 − 4,238.87 = 76,761.13; before QBI − 15,750 = 61,011.13
  // QBI 55,761.13 × 20% = 11,152.226 → 11,152.23; limit 12,202.23 → 11,152.23
  // Taxable 49,858.90; tax 5,578.50 + 22% × 1,383.90 = 304.458 → 5,882.96
  // Federal 5,882.96 + 8,477.73 = 14,360.69
  const e = estimateFederalTax({
    year: 2025,
    filingStatus: "married_separate",
    ledgerProfitCents: usd("60,000"),
    w2WagesCents: usd("20,000"),
    otherIncomeCents: usd("1,000"),
  });

  it("computes every line", () => {
    expect(e.selfEmployment.socialSecurityRoomCents).toBe(usd("156,100"));
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("8,477.73"));
    expect(e.halfSelfEmploymentTaxCents).toBe(usd("4,238.87"));
    expect(e.additionalMedicare.thresholdCents).toBe(usd("125,000"));
    expect(e.adjustedGrossIncomeCents).toBe(usd("76,761.13"));
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("61,011.13"));
    expect(e.qbi.deductionCents).toBe(usd("11,152.23"));
    expect(e.taxableIncomeCents).toBe(usd("49,858.90"));
    expect(e.incomeTaxCents).toBe(usd("5,882.96"));
    expect(e.totalFederalTaxCents).toBe(usd("14,360.69"));
  });
});

describe("head of household, 2025 — actual home-office expenses", () => {
  // Schedule C: 50,000 − 3,000 (line 30, actual) = 47,000
  // Schedule SE: 4a 43,404.50; 10 × 12.4% = 5,382.158 → 5,382.16; 11 × 2.9% = 1,258.7305 → 1,258.73;
  //   12 = 6,640.89; 13 = 3,320.445 → 3,320.45
  // AGI 43,679.55; before QBI − 23,625 = 20,054.55
  // QBI 43,679.55 × 20% = 8,735.91; limit 20,054.55 × 20% = 4,010.91 → 4,010.91 (the limit binds)
  // Taxable 16,043.64, all in the 10% band (HoH's runs to $17,000) → 1,604.364 → 1,604.36
  // Federal 1,604.36 + 6,640.89 = 8,245.25
  const e = estimateFederalTax({
    year: 2025,
    filingStatus: "head_of_household",
    ledgerProfitCents: usd("50,000"),
    homeOffice: { method: "actual", expensesCents: usd("3,000") },
  });

  it("computes every line", () => {
    expect(e.netProfitCents).toBe(usd("47,000"));
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("6,640.89"));
    expect(e.halfSelfEmploymentTaxCents).toBe(usd("3,320.45"));
    expect(e.standardDeductionCents).toBe(usd("23,625"));
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("20,054.55"));
    expect(e.qbi.qbiComponentCents).toBe(usd("8,735.91"));
    expect(e.qbi.deductionCents).toBe(usd("4,010.91"));
    expect(e.taxableIncomeCents).toBe(usd("16,043.64"));
    expect(e.incomeTaxCents).toBe(usd("1,604.36"));
    expect(e.totalFederalTaxCents).toBe(usd("8,245.25"));
  });
});

describe("qualifying surviving spouse, 2026 — joint schedule and deduction", () => {
  // Schedule SE: 4a 100,000 × 92.35% = 92,350.00; 10 = 11,451.40; 11 = 2,678.15; 12 = 14,129.55;
  //   13 = 7,064.775 → 7,064.78
  // AGI 92,935.22; standard deduction $32,200 (same as joint) → before QBI 60,735.22
  // QBI 92,935.22 × 20% = 18,587.04; limit 12,147.04 → 12,147.04
  // Taxable 48,588.18 on the joint schedule: 2,480 + 12% × 23,788.18 = 2,854.5816 → 5,334.58
  // Federal 5,334.58 + 14,129.55 = 19,464.13
  const e = estimateFederalTax({
    year: 2026,
    filingStatus: "qualifying_surviving_spouse",
    ledgerProfitCents: usd("100,000"),
  });

  it("computes every line", () => {
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("14,129.55"));
    expect(e.halfSelfEmploymentTaxCents).toBe(usd("7,064.78"));
    expect(e.standardDeductionCents).toBe(usd("32,200"));
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("60,735.22"));
    expect(e.qbi.deductionCents).toBe(usd("12,147.04"));
    expect(e.taxableIncomeCents).toBe(usd("48,588.18"));
    expect(e.incomeTaxCents).toBe(usd("5,334.58"));
    expect(e.totalFederalTaxCents).toBe(usd("19,464.13"));
  });
});

describe("input checks", () => {
  it("refuses a spouse's wages on a return that is not joint", () => {
    expect(() =>
      estimateFederalTax({
        year: 2025,
        filingStatus: "single",
        ledgerProfitCents: 0,
        spouseW2WagesCents: 100,
      }),
    ).toThrow(TaxInputError);
  });

  it.each([
    [{ ledgerProfitCents: 10.5 }, /whole number of cents/],
    [{ ledgerProfitCents: 0, w2WagesCents: -1 }, /cannot be negative/],
    [{ ledgerProfitCents: 0, stateRateBasisPoints: 10_001 }, /stateRateBasisPoints/],
    [{ ledgerProfitCents: 0, homeOffice: { method: "simplified", squareFeet: 1.5 } }, /square feet/],
  ] as const)("refuses %j", (fields, message) => {
    expect(() => estimateFederalTax({ year: 2025, filingStatus: "single", ...fields })).toThrow(message);
  });
});
