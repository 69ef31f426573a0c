// Worked examples at the edges: the Social Security wage base, the QBI phase-in range and
// beyond it, a loss, net earnings under $400, and the 2026 $400 QBI minimum. Derived by hand
// from Schedule SE, Form 8959, Form 8995 / 8995-A (Schedule A, Part III) and the rate schedules.
import { describe, expect, it } from "vitest";
import { estimateFederalTax } from "../../../src/domain/tax/estimate.js";
import { usd } from "./usd.js";

describe("profit above the Social Security wage base", () => {
  it("caps the 12.4% at the base (single 2025, $200,000, no wages)", () => {
    // 4a 200,000 × 92.35% = 184,700.00 > 176,100 → line 10 = 176,100 × 12.4% = 21,836.40
    // 11 184,700 × 2.9% = 5,356.30; 12 = 27,192.70; 13 = 13,596.35
    // Form 8959: 184,700 < $200,000 → no Additional Medicare Tax
    // AGI 186,403.65; before QBI − 15,750 = 170,653.65 (≤ $197,300: full QBI)
    // QBI 186,403.65 × 20% = 37,280.73; limit 34,130.73 → 34,130.73
    // Taxable 136,522.92; tax 17,651 + 24% × 33,172.92 = 7,961.5008 → 25,612.50
    // Federal 25,612.50 + 27,192.70 = 52,805.20
    const e = estimateFederalTax({ year: 2025, filingStatus: "single", ledgerProfitCents: usd("200,000") });
    expect(e.selfEmployment.netEarningsCents).toBe(usd("184,700"));
    expect(e.selfEmployment.socialSecurityTaxCents).toBe(usd("21,836.40"));
    expect(e.selfEmployment.medicareTaxCents).toBe(usd("5,356.30"));
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("27,192.70"));
    expect(e.additionalMedicare.totalCents).toBe(0);
    expect(e.qbi.deductionCents).toBe(usd("34,130.73"));
    expect(e.taxableIncomeCents).toBe(usd("136,522.92"));
    expect(e.totalFederalTaxCents).toBe(usd("52,805.20"));
  });

  it("lets own W-2 wages use up the base and charges Additional Medicare above $200,000", () => {
    // Single 2025, profit 250,000, own W-2 wages 50,000.
    // 4a 230,875.00; line 9 176,100 − 50,000 = 126,100; 10 = 126,100 × 12.4% = 15,636.40
    // 11 230,875 × 2.9% = 6,695.375 → 6,695.38; 12 = 22,331.78; 13 = 11,165.89
    // Form 8959: wages 50,000 under 200,000 → line 7 = 0; line 11 = 200,000 − 50,000 = 150,000;
    //   line 12 = 230,875 − 150,000 = 80,875; line 13 × 0.9% = 727.875 → 727.88
    // AGI 300,000 − 11,165.89 = 288,834.11; before QBI 273,084.11 > 197,300 + 50,000 → QBI 0
    // Tax 57,231 + 35% × 22,559.11 = 7,895.6885 → 65,126.69
    // Federal 65,126.69 + 22,331.78 + 727.88 = 88,186.35
    const e = estimateFederalTax({
      year: 2025,
      filingStatus: "single",
      ledgerProfitCents: usd("250,000"),
      w2WagesCents: usd("50,000"),
    });
    expect(e.selfEmployment.socialSecurityRoomCents).toBe(usd("126,100"));
    expect(e.selfEmployment.socialSecurityTaxCents).toBe(usd("15,636.40"));
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("22,331.78"));
    expect(e.additionalMedicare.onWagesCents).toBe(0);
    expect(e.additionalMedicare.onSelfEmploymentCents).toBe(usd("727.88"));
    expect(e.adjustedGrossIncomeCents).toBe(usd("288,834.11"));
    expect(e.qbi.zone).toBe("above_range");
    expect(e.qbi.deductionCents).toBe(0);
    expect(e.incomeTaxCents).toBe(usd("65,126.69"));
    expect(e.totalFederalTaxCents).toBe(usd("88,186.35"));
  });

  it("charges no Social Security part when wages exceed the base", () => {
    const e = estimateFederalTax({
      year: 2026,
      filingStatus: "single",
      ledgerProfitCents: usd("10,000"),
      w2WagesCents: usd("190,000"),
    });
    // 4a 9,235.00; room max(0, 184,500 − 190,000) = 0; Medicare 9,235 × 2.9% = 267.815 → 267.82
    expect(e.selfEmployment.socialSecurityRoomCents).toBe(0);
    expect(e.selfEmployment.socialSecurityTaxCents).toBe(0);
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd("267.82"));
  });
});

describe("QBI phase-in for a specified service business (single 2025, $197,300 + $50,000)", () => {
  // Profit 240,000 and interest 12,181.98, chosen so taxable income before QBI is exactly halfway.
  // 4a 221,640.00; 10 = 21,836.40 (base); 11 = 6,427.56; 12 = 28,263.96; 13 = 14,131.98
  // Form 8959: (221,640 − 200,000) × 0.9% = 194.76
  // AGI 240,000 + 12,181.98 − 14,131.98 = 238,050.00; before QBI − 15,750 = 222,300.00
  // Schedule A: excess 222,300 − 197,300 = 25,000; ÷ 50,000 = 50%; applicable percentage 50%
  //   QBI 240,000 − 14,131.98 = 225,868.02 × 50% = 112,934.01 (8995-A line 2)
  const base = {
    year: 2025,
    filingStatus: "single",
    ledgerProfitCents: usd("240,000"),
    otherIncomeCents: usd("12,181.98"),
  } as const;

  it("with no employees the wage limit also phases in: 20% × QBI × 50% × 50%", () => {
    // Line 3 112,934.01 × 20% = 22,586.802 → 22,586.80; lines 4-10: no wages, no property → 0
    // Line 11 min(22,586.80, 0) = 0. Part III: 19 = 22,586.80; 24 = 50%; 25 = 11,293.40;
    //   26 = 11,293.40 → line 12. Line 13 = max(0, 11,293.40) = 11,293.40 (limit 44,460)
    // Taxable 222,300 − 11,293.40 = 211,006.60; tax 40,199 + 32% × 13,706.60 = 4,386.112 → 44,585.11
    // Federal 44,585.11 + 28,263.96 + 194.76 = 73,043.83
    const e = estimateFederalTax(base);
    expect(e.adjustedGrossIncomeCents).toBe(usd("238,050.00"));
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("222,300.00"));
    expect(e.qbi.zone).toBe("phase_in");
    expect(e.qbi.applicablePercentage).toEqual({ numerator: usd("25,000"), denominator: usd("50,000") });
    expect(e.qbi.qbiTakenIntoAccountCents).toBe(usd("112,934.01"));
    expect(e.qbi.qbiComponentCents).toBe(usd("11,293.40"));
    expect(e.qbi.deductionCents).toBe(usd("11,293.40"));
    expect(e.additionalMedicare.totalCents).toBe(usd("194.76"));
    expect(e.taxableIncomeCents).toBe(usd("211,006.60"));
    expect(e.incomeTaxCents).toBe(usd("44,585.11"));
    expect(e.totalFederalTaxCents).toBe(usd("73,043.83"));
  });

  it("with $30,000 of staff wages the wage limit softens the cut", () => {
    // Wages × 50% = 15,000. Line 5 = 7,500; line 6 = 3,750; line 10 = 7,500; line 11 = 7,500
    // Part III: 19 = 22,586.80 − 7,500 = 15,086.80; 25 = 7,543.40; 26 = 15,043.40
    // Line 13 = max(7,500, 15,043.40) = 15,043.40; taxable 207,256.60
    // Tax 40,199 + 32% × 9,956.60 = 3,186.112 → 43,385.11
    const e = estimateFederalTax({ ...base, practiceW2WagesPaidCents: usd("30,000") });
    expect(e.qbi.deductionCents).toBe(usd("15,043.40"));
    expect(e.taxableIncomeCents).toBe(usd("207,256.60"));
    expect(e.incomeTaxCents).toBe(usd("43,385.11"));
  });

  it("above the range a specified service business gets nothing", () => {
    const e = estimateFederalTax({ ...base, otherIncomeCents: usd("37,181.98") });
    // Before QBI 222,300 + 25,000 = 247,300.00 = threshold + range → applicable percentage 0
    expect(e.taxableIncomeBeforeQbiCents).toBe(usd("247,300.00"));
    expect(e.qbi.zone).toBe("above_range");
    expect(e.qbi.deductionCents).toBe(0);
  });
});

describe("a net loss", () => {
  it("has no SE tax and no QBI, and offsets wages (single 2025)", () => {
    // Schedule C loss −10,000 → SE line 4a −10,000 < $400: no SE tax
    // SE health insurance 3,000 and SEP 2,000 need earned income → both limited to 0
    // AGI 70,000 − 10,000 = 60,000; taxable 60,000 − 15,750 = 44,250; QBI negative → 0
    // Tax 1,192.50 + 12% × 32,325 = 3,879 → 5,071.50
    const e = estimateFederalTax({
      year: 2025,
      filingStatus: "single",
      ledgerProfitCents: usd("-10,000"),
      w2WagesCents: usd("70,000"),
      selfEmployedHealthInsuranceCents: usd("3,000"),
      retirementContributionsCents: usd("2,000"),
      homeOffice: { method: "simplified", squareFeet: 300 },
    });
    expect(e.homeOfficeDeductionCents).toBe(0); // line 30 cannot deepen a loss
    expect(e.selfEmployment.owesSelfEmploymentTax).toBe(false);
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(0);
    expect(e.selfEmployedHealthInsuranceCents).toBe(0);
    expect(e.retirementContributionsCents).toBe(0);
    expect(e.adjustedGrossIncomeCents).toBe(usd("60,000"));
    expect(e.qbi.zone).toBe("no_qbi");
    expect(e.qbi.deductionCents).toBe(0);
    expect(e.taxableIncomeCents).toBe(usd("44,250"));
    expect(e.totalFederalTaxCents).toBe(usd("5,071.50"));
  });
});

describe("net earnings under $400", () => {
  it("owes no SE tax though the profit is still income (single 2025, $430)", () => {
    // 4a 430 × 92.35% = 397.105 → 397.11 < 400: stop, no SE tax
    // AGI 20,000 + 430 = 20,430; before QBI 4,680; QBI 430 × 20% = 86.00 (limit 936)
    // Taxable 4,594; tax 10% = 459.40
    const e = estimateFederalTax({
      year: 2025,
      filingStatus: "single",
      ledgerProfitCents: usd("430"),
      w2WagesCents: usd("20,000"),
    });
    expect(e.selfEmployment.netEarningsCents).toBe(usd("397.11"));
    expect(e.selfEmployment.owesSelfEmploymentTax).toBe(false);
    expect(e.qbi.deductionCents).toBe(usd("86"));
    expect(e.totalFederalTaxCents).toBe(usd("459.40"));
  });

  it.each([
    ["433.12", false, "0"], // 399.98632 → 399.99
    ["433.14", true, "61.20"], // 400.00479 → 400.00: 49.60 + 11.60
  ])("profit %s: owes SE tax %s (%s)", (profit, owes, seTax) => {
    const e = estimateFederalTax({ year: 2025, filingStatus: "single", ledgerProfitCents: usd(profit) });
    expect(e.selfEmployment.owesSelfEmploymentTax).toBe(owes);
    expect(e.selfEmployment.selfEmploymentTaxCents).toBe(usd(seTax));
  });
});

describe("the 2026 $400 minimum QBI deduction", () => {
  it("lifts a $297.39 deduction to $400 when active QBI is at least $1,000", () => {
    // Single 2026, profit 1,600, own wages 60,000.
    // 4a 1,477.60; 10 = 183.2224 → 183.22; 11 = 42.8504 → 42.85; 12 = 226.07; 13 = 113.035 → 113.04
    // QBI 1,600 − 113.04 = 1,486.96 (≥ 1,000); × 20% = 297.392 → 297.39 < 400 → 400
    // AGI 61,486.96; before QBI − 16,100 = 45,386.96; taxable 45,386.96 − 400 = 44,986.96
    // Tax 1,240 + 12% × 32,586.96 = 3,910.4352 → 5,150.44; federal + 226.07 = 5,376.51
    const e = estimateFederalTax({
      year: 2026,
      filingStatus: "single",
      ledgerProfitCents: usd("1,600"),
      w2WagesCents: usd("60,000"),
    });
    expect(e.qualifiedBusinessIncomeCents).toBe(usd("1,486.96"));
    expect(e.qbi.qbiComponentCents).toBe(usd("297.39"));
    expect(e.qbi.minimumApplied).toBe(true);
    expect(e.qbi.deductionCents).toBe(usd("400"));
    expect(e.taxableIncomeCents).toBe(usd("44,986.96"));
    expect(e.totalFederalTaxCents).toBe(usd("5,376.51"));
  });

  it("applies even above the income limit, while taxable income stays at zero", () => {
    // Profit 1,500 alone: half SE 105.97, QBI 1,394.03; before QBI max(0, 1,394.03 − 16,100) = 0
    const e = estimateFederalTax({ year: 2026, filingStatus: "single", ledgerProfitCents: usd("1,500") });
    expect(e.qbi.incomeLimitationCents).toBe(0);
    expect(e.qbi.deductionCents).toBe(usd("400"));
    expect(e.taxableIncomeCents).toBe(0);
  });

  it("does not apply under $1,000 of QBI, nor in 2025", () => {
    // Profit 1,000: 4a 923.50; SE 114.51 + 26.78 = 141.29; half 70.65; QBI 929.35 → 185.87
    const under = estimateFederalTax({
      year: 2026,
      filingStatus: "single",
      ledgerProfitCents: usd("1,000"),
      w2WagesCents: usd("60,000"),
    });
    expect(under.qbi.minimumApplied).toBe(false);
    expect(under.qbi.deductionCents).toBe(usd("185.87"));
    const in2025 = estimateFederalTax({
      year: 2025,
      filingStatus: "single",
      ledgerProfitCents: usd("1,600"),
      w2WagesCents: usd("60,000"),
    });
    expect(in2025.qbi.minimumApplied).toBe(false);
  });
});
