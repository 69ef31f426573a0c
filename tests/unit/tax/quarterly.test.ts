// Safe harbor (IRC §6654(d), Form 1040-ES worksheet lines 12a-12c), the $1,000 floor (§6654(e)(1)),
// due dates moved past weekends and holidays (§7503), and what is still due.
import { describe, expect, it } from "vitest";
import { estimatedTaxDueDates, nextBusinessDay } from "../../../src/domain/tax/due-dates.js";
import { estimateFederalTax } from "../../../src/domain/tax/estimate.js";
import { computeSafeHarbor, planQuarterlyPayments } from "../../../src/domain/tax/quarterly.js";
import { UnsupportedTaxYearError } from "../../../src/domain/tax/tax-years.js";
import { usd } from "./usd.js";

describe("due dates", () => {
  it("2025: June 15 was a Sunday, so the second payment was due Monday June 16", () => {
    expect(estimatedTaxDueDates(2025)).toEqual(["2025-04-15", "2025-06-16", "2025-09-15", "2026-01-15"]);
  });

  it("2026: all four fall on weekdays; the fourth is January 15, 2027", () => {
    expect(estimatedTaxDueDates(2026)).toEqual(["2026-04-15", "2026-06-15", "2026-09-15", "2027-01-15"]);
  });

  it("moves past a legal holiday as well as a weekend", () => {
    // 2022: Emancipation Day (Saturday April 16) was observed Friday April 15 → Monday April 18.
    expect(nextBusinessDay("2022-04-15", ["2022-04-15"])).toBe("2022-04-18");
    // January 15, 2029 is Martin Luther King Jr. Day → Tuesday January 16.
    expect(nextBusinessDay("2029-01-15", ["2029-01-15"])).toBe("2029-01-16");
    expect(nextBusinessDay("2025-09-15", [])).toBe("2025-09-15");
  });

  it("refuses a year without figures", () => {
    expect(() => estimatedTaxDueDates(2027)).toThrow(UnsupportedTaxYearError);
  });
});

describe("safe harbor — the smaller of 90% of this year and 100%/110% of last year", () => {
  const thisYear = { year: 2025, filingStatus: "single", currentYearTaxCents: usd("30,000") } as const;

  it("uses 110% of last year when last year's AGI was over $150,000", () => {
    // 90% × 30,000 = 27,000; 110% × 20,000 = 22,000 → required 22,000
    const harbor = computeSafeHarbor({
      ...thisYear,
      priorYear: { taxCents: usd("20,000"), agiCents: usd("160,000") },
    });
    expect(harbor.currentYearShareCents).toBe(usd("27,000"));
    expect(harbor.priorYearBasisPoints).toBe(11_000);
    expect(harbor.priorYearShareCents).toBe(usd("22,000"));
    expect(harbor.requiredAnnualPaymentCents).toBe(usd("22,000"));
    expect(harbor.basis).toBe("prior_year");
  });

  it("uses 100% at exactly $150,000 (the law says 'exceeds')", () => {
    const harbor = computeSafeHarbor({
      ...thisYear,
      priorYear: { taxCents: usd("20,000"), agiCents: usd("150,000") },
    });
    expect(harbor.priorYearBasisPoints).toBe(10_000);
    expect(harbor.requiredAnnualPaymentCents).toBe(usd("20,000"));
  });

  it.each([
    ["married_separate", "75,000.00", 10_000, "20,000"],
    ["married_separate", "75,000.01", 11_000, "22,000"],
    ["single", "75,000.01", 10_000, "20,000"],
  ] as const)("%s with last year's AGI %s → %i bp", (filingStatus, agi, basisPoints, required) => {
    const harbor = computeSafeHarbor({
      ...thisYear,
      filingStatus,
      priorYear: { taxCents: usd("20,000"), agiCents: usd(agi) },
    });
    expect(harbor.priorYearBasisPoints).toBe(basisPoints);
    expect(harbor.requiredAnnualPaymentCents).toBe(usd(required));
  });

  it("uses 90% of this year when it is smaller, or when there is no full prior year", () => {
    const smaller = computeSafeHarbor({ ...thisYear, priorYear: { taxCents: usd("40,000"), agiCents: 0 } });
    expect(smaller.basis).toBe("current_year");
    expect(smaller.requiredAnnualPaymentCents).toBe(usd("27,000"));
    const none = computeSafeHarbor({ ...thisYear, priorYear: null });
    expect(none.priorYearShareCents).toBeNull();
    expect(none.requiredAnnualPaymentCents).toBe(usd("27,000"));
  });
});

describe("the quarterly plan", () => {
  // The single 2025 example of estimate-filing-status.test.ts: total federal tax 16,690.56.
  // Last year: tax 12,000, AGI 70,000 → 100% × 12,000 = 12,000 < 90% × 16,690.56 = 15,021.50.
  // Required 12,000; no withholding → 3,000 by each due date (cumulative 3,000/6,000/9,000/12,000).
  const estimate = estimateFederalTax({
    year: 2025,
    filingStatus: "single",
    ledgerProfitCents: usd("80,000"),
  });
  const base = {
    year: 2025,
    filingStatus: "single",
    currentYearTaxCents: estimate.totalFederalTaxCents,
    priorYear: { taxCents: usd("12,000"), agiCents: usd("70,000") },
    payments: [{ date: "2025-04-10", amountCents: usd("3,000") }],
  } as const;

  it("says what is due by the next date", () => {
    const plan = planQuarterlyPayments({ ...base, today: "2025-06-01" });
    expect(estimate.totalFederalTaxCents).toBe(usd("16,690.56"));
    expect(plan.safeHarbor.currentYearShareCents).toBe(usd("15,021.50"));
    expect(plan.safeHarbor.requiredAnnualPaymentCents).toBe(usd("12,000"));
    expect(plan.nothingRequired).toBe(false);
    expect(plan.quarters.map((q) => q.installmentCents)).toEqual(
      [3000, 3000, 3000, 3000].map((d) => d * 100),
    );
    expect(plan.quarters.map((q) => q.cumulativeRequiredCents)).toEqual(
      [3000, 6000, 9000, 12_000].map((d) => d * 100),
    );
    expect(plan.quarters.map((q) => q.shortfallCents)).toEqual([0, null, null, null]);
    expect(plan.paidCents).toBe(usd("3,000"));
    expect(plan.next).toEqual({ quarter: 2, dueDate: "2025-06-16", amountCents: usd("3,000") });
    expect(plan.remainingForYearCents).toBe(usd("9,000"));
  });

  it("counts the due date itself as still ahead", () => {
    const plan = planQuarterlyPayments({ ...base, today: "2025-06-16" });
    expect(plan.next?.quarter).toBe(2);
  });

  it("shows a missed installment and carries it into the next one", () => {
    const plan = planQuarterlyPayments({ ...base, today: "2025-07-01" });
    expect(plan.quarters[1]?.shortfallCents).toBe(usd("3,000"));
    // By September 15: cumulative 9,000 less the 3,000 paid = 6,000.
    expect(plan.next).toEqual({ quarter: 3, dueDate: "2025-09-15", amountCents: usd("6,000") });
  });

  it("has no next date after the January payment, only what remains for the year", () => {
    const plan = planQuarterlyPayments({ ...base, today: "2026-01-16" });
    expect(plan.next).toBeNull();
    expect(plan.remainingForYearCents).toBe(usd("9,000"));
  });

  it("spreads withholding evenly over the four dates", () => {
    // (12,000 − 2,000) ÷ 4 = 2,500 each
    const plan = planQuarterlyPayments({ ...base, withholdingCents: usd("2,000"), today: "2025-01-01" });
    expect(plan.requiredFromEstimatesCents).toBe(usd("10,000"));
    expect(plan.quarters.map((q) => q.installmentCents)).toEqual([250_000, 250_000, 250_000, 250_000]);
  });

  it("rounds the cumulative amounts once, so the installments add up to the cent", () => {
    // 10,000.01 × 25% = 2,500.0025 → 2,500.00; × 50% = 5,000.005 → 5,000.01; × 75% = 7,500.0075 → 7,500.01
    const plan = planQuarterlyPayments({
      ...base,
      priorYear: { taxCents: usd("10,000.01"), agiCents: usd("100,000") },
      today: "2025-01-01",
    });
    expect(plan.quarters.map((q) => q.installmentCents)).toEqual([250_000, 250_001, 250_000, 250_000]);
  });
});

describe("nothing required", () => {
  const base = {
    year: 2026,
    filingStatus: "single",
    currentYearTaxCents: usd("5,000"),
    priorYear: null,
  } as const;

  it("when this year's tax less withholding is under $1,000", () => {
    const plan = planQuarterlyPayments({ ...base, withholdingCents: usd("4,000.01"), today: "2026-03-01" });
    expect(plan.nothingRequired).toBe("under_minimum");
    expect(plan.requiredFromEstimatesCents).toBe(0);
    expect(plan.next).toBeNull();
  });

  it("but at exactly $1,000 the installments are due", () => {
    // 90% × 5,000 = 4,500 − 4,000 withheld = 500 → 125 a quarter
    const plan = planQuarterlyPayments({ ...base, withholdingCents: usd("4,000"), today: "2026-03-01" });
    expect(plan.nothingRequired).toBe(false);
    expect(plan.quarters.map((q) => q.installmentCents)).toEqual([12_500, 12_500, 12_500, 12_500]);
    expect(plan.next).toEqual({ quarter: 1, dueDate: "2026-04-15", amountCents: usd("125") });
  });

  it("when last year's tax was zero", () => {
    const plan = planQuarterlyPayments({
      ...base,
      priorYear: { taxCents: 0, agiCents: 0 },
      today: "2026-03-01",
    });
    expect(plan.nothingRequired).toBe("covered");
    expect(plan.next).toBeNull();
  });

  it("refuses a malformed date", () => {
    expect(() => planQuarterlyPayments({ ...base, today: "2026-02-30" })).toThrow(/YYYY-MM-DD/);
  });
});
