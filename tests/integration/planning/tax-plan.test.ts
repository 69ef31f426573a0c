// The tax plan: a worked example computed by hand from the forms, payments from both the planner
// and the ledger, the projection of a year in progress, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
  record,
} from "../ledger/ledger-support.js";
import { chicagoToday, type Plan, recordExpense, recordIncome, saveProfile } from "./planning-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const plan = async (year: number, g = f) =>
  expectJson<Plan>(await g.owner.client.get(`${g.base}/tax/plan/${year}`), 200);

describe("the 2025 plan of a single filer with $80,000 of profit", () => {
  it("computes SE tax, QBI, income tax and the safe harbor exactly as by hand", async () => {
    // Gross receipts $100,000 (two deposits), rent $20,000: Schedule C line 29 = $80,000.
    await recordIncome(f, "2025-02-10", 6_000_000);
    await recordIncome(f, "2025-08-10", 4_000_000);
    await recordExpense(f, "2025-03-01", 2_000_000);
    // Not profit: a transfer and an unreviewed deposit.
    await record(f.user, f, { date: "2025-05-05", amountCents: 99_900, classification: "transfer" });
    await record(f.user, f, { date: "2025-05-06", amountCents: 12_345 });
    await saveProfile(f.owner, f, 2025, { filingStatus: "single", stateRateBasisPoints: 500 });

    const p = await plan(2025);
    expect(p.scope).toBe("Sole proprietor or single-member LLC; S corporations are not covered");
    // 2025 has ended (the suite runs later): the whole year is the basis, nothing projected.
    expect(p.ledger.basis).toBe("full_year");
    expect(p.ledger.projectedFullYear).toBeNull();
    expect(p.ledger.yearToDate).toMatchObject({
      grossReceiptsCents: 10_000_000,
      totalExpensesCents: 2_000_000,
      profitCents: 8_000_000,
    });

    // Schedule SE: net earnings 92.35% × $80,000 = $73,880.00;
    //   Social Security 12.4% × 73,880 = $9,161.12; Medicare 2.9% × 73,880 = $2,142.52;
    //   SE tax $11,303.64; deductible half $5,651.82.
    expect(p.estimate.selfEmployment).toMatchObject({
      netEarningsCents: 7_388_000,
      socialSecurityTaxCents: 916_112,
      medicareTaxCents: 214_252,
      selfEmploymentTaxCents: 1_130_364,
      deductibleHalfCents: 565_182,
    });
    // AGI = 80,000 − 5,651.82 = $74,348.18; the 2025 single standard deduction is $15,750
    //   (P.L. 119-21), so taxable income before QBI = $58,598.18.
    // QBI = 80,000 − 5,651.82 = $74,348.18; 20% = $14,869.64 (14,869.636 rounded);
    //   limited to 20% × 58,598.18 = $11,719.64 (11,719.636): below the $197,300 threshold.
    // Taxable income = 58,598.18 − 11,719.64 = $46,878.54.
    // Tax: 10% × 11,925 = 1,192.50, + 12% × (46,878.54 − 11,925 = 34,953.54) = 4,194.4248
    //   → $5,386.92. Total federal = 5,386.92 + 11,303.64 = $16,690.56 (no Additional Medicare Tax).
    // State: 5% of AGI 74,348.18 = $3,717.409 → $3,717.41.
    expect(p.estimate).toMatchObject({
      tentativeProfitCents: 8_000_000,
      homeOfficeDeductionCents: 0,
      netProfitCents: 8_000_000,
      halfSelfEmploymentTaxCents: 565_182,
      adjustedGrossIncomeCents: 7_434_818,
      standardDeductionCents: 1_575_000,
      taxableIncomeBeforeQbiCents: 5_859_818,
      qualifiedBusinessIncomeCents: 7_434_818,
      taxableIncomeCents: 4_687_854,
      incomeTaxCents: 538_692,
      totalFederalTaxCents: 1_669_056,
      stateTaxCents: 371_741,
      totalTaxCents: 2_040_797,
    });
    expect(p.estimate.qbi).toMatchObject({
      zone: "below_threshold",
      qbiComponentCents: 1_486_964,
      incomeLimitationCents: 1_171_964,
      deductionCents: 1_171_964,
    });
    // Safe harbor: no prior year given, so 90% × 16,690.56 = $15,021.50 (15,021.504).
    // Cumulative 25/50/75/100%: 3,755.38 (3,755.375), 7,510.75, 11,266.13 (11,266.125), 15,021.50.
    expect(p.quarterly.safeHarbor).toMatchObject({
      currentYearShareCents: 1_502_150,
      priorYearShareCents: null,
      requiredAnnualPaymentCents: 1_502_150,
      basis: "current_year",
    });
    // June 15, 2025 was a Sunday: Q2 moves to Monday the 16th.
    expect(
      p.quarterly.quarters.map((q) => [q.dueDate, q.installmentCents, q.cumulativeRequiredCents]),
    ).toEqual([
      ["2025-04-15", 375_538, 375_538],
      ["2025-06-16", 375_537, 751_075],
      ["2025-09-15", 375_538, 1_126_613],
      ["2026-01-15", 375_537, 1_502_150],
    ]);
    // Nothing paid, every due date past: all four are short.
    expect(p.quarterly.quarters.map((q) => [q.status, q.shortfallCents])).toEqual([
      ["short", 375_538],
      ["short", 751_075],
      ["short", 1_126_613],
      ["short", 1_502_150],
    ]);
    expect(p.quarterly.next).toBeNull();
    expect(p.figures).toContainEqual(
      expect.objectContaining({
        key: "standard_deduction",
        amountCents: 1_575_000,
        source: expect.stringMatching(/P\.L\. 119-21/),
      }),
    );
    expect(p.figures).toContainEqual(
      expect.objectContaining({ key: "social_security_wage_base", amountCents: 17_610_000 }),
    );
  });

  it("counts recorded payments and estimated_tax transactions (January's toward the year before)", async () => {
    // Q1 paid by hand on its due date; Q2 from the bank (money out: −amount); Q3 late; Q4 paid
    // in January 2026 from the bank, which counts toward 2025.
    await expectJson(
      await f.owner.client.post(`${f.base}/tax/payments`, {
        date: "2025-04-15",
        amountCents: 375_538,
        note: "IRS Direct Pay",
      }),
      201,
    );
    await record(f.user, f, {
      date: "2025-06-13",
      amountCents: -375_537,
      classification: "estimated_tax",
      description: "IRS USATAXPYMT",
    });
    await expectJson(
      await f.owner.client.post(`${f.base}/tax/payments`, { date: "2025-10-01", amountCents: 375_538 }),
      201,
    );
    await record(f.user, f, { date: "2026-01-14", amountCents: -375_537, classification: "estimated_tax" });
    // A state payment is shown against the state tax, not the federal plan.
    await expectJson(
      await f.owner.client.post(`${f.base}/tax/payments`, {
        date: "2025-04-15",
        amountCents: 90_000,
        jurisdiction: "state",
      }),
      201,
    );
    // Neither counts toward 2025: a payment toward 2026, and a refund (money in) classified estimated_tax.
    await expectJson(
      await f.owner.client.post(`${f.base}/tax/payments`, { date: "2026-04-15", amountCents: 1_000 }),
      201,
    );
    await record(f.user, f, { date: "2025-07-01", amountCents: 5_000, classification: "estimated_tax" });

    const p = await plan(2025);
    expect(p.payments.map((x) => [x.source, x.date, x.amountCents, x.jurisdiction, x.taxYear])).toEqual([
      ["recorded", "2025-04-15", 375_538, "federal", 2025],
      ["recorded", "2025-04-15", 90_000, "state", 2025],
      ["ledger", "2025-06-13", 375_537, "federal", 2025],
      ["recorded", "2025-10-01", 375_538, "federal", 2025],
      ["ledger", "2026-01-14", 375_537, "federal", 2025],
    ]);
    expect(p.quarterly.quarters.map((q) => [q.paidByDueDateCents, q.shortfallCents, q.status])).toEqual([
      [375_538, 0, "met"],
      [751_075, 0, "met"],
      [751_075, 375_538, "short"],
      [1_502_150, 0, "met"],
    ]);
    expect(p.quarterly.paidCents).toBe(1_502_150);
    expect(p.quarterly.remainingForYearCents).toBe(0);
    expect(p.state).toEqual({ taxCents: 371_741, paidCents: 90_000, remainingCents: 281_741 });

    const listed = await expectJson<{ payments: unknown[]; totalCents: number }>(
      await f.owner.client.get(`${f.base}/tax/payments?year=2025`),
      200,
    );
    expect(listed.totalCents).toBe(1_502_150 + 90_000);
    // The payments are not profit: the P&L still says $80,000.
    expect((await plan(2025)).ledger.yearToDate.profitCents).toBe(8_000_000);
  });

  it("uses last year's tax when it is lower (110% after a high-AGI year), and says when nothing is due", async () => {
    await saveProfile(f.owner, f, 2025, {
      filingStatus: "single",
      priorYearTaxCents: 1_200_000,
      priorYearAgiCents: 16_000_000,
    });
    // 110% × $12,000 = $13,200 < 90% of this year's $16,690.56.
    const p = await plan(2025);
    expect(p.quarterly.safeHarbor).toMatchObject({
      priorYearBasisPoints: 11_000,
      priorYearShareCents: 1_320_000,
      requiredAnnualPaymentCents: 1_320_000,
      basis: "prior_year",
    });
    // Withholding of $16,000 leaves under $1,000 owed: no estimates are required.
    await saveProfile(f.owner, f, 2025, { filingStatus: "single", withholdingCents: 1_600_000 });
    const covered = await plan(2025);
    expect(covered.quarterly.nothingRequired).toBe("under_minimum");
    expect(covered.quarterly.quarters.every((q) => q.status === "not_required")).toBe(true);
  });

  it("recorded payments can be deleted by their Owner; ledger payments and strangers' ids are 404", async () => {
    const { payment } = await expectJson<{ payment: { id: string; taxYear: number } }>(
      await f.owner.client.post(`${f.base}/tax/payments`, { date: "2026-01-10", amountCents: 7_000 }),
      201,
    );
    expect(payment.taxYear).toBe(2025);
    const explicit = await expectJson<{ payment: { taxYear: number } }>(
      await f.owner.client.post(`${f.base}/tax/payments`, {
        date: "2026-01-10",
        amountCents: 7_000,
        taxYear: 2026,
      }),
      201,
    );
    expect(explicit.payment.taxYear).toBe(2026);
    await expectError(
      await f.owner.client.post(`${f.base}/tax/payments`, {
        date: "2026-01-10",
        amountCents: 7_000,
        taxYear: 2024,
      }),
      400,
      "validation_failed",
    );
    for (const amountCents of [0, -5, 1.5]) {
      await expectError(
        await f.owner.client.post(`${f.base}/tax/payments`, { date: "2025-05-01", amountCents }),
        400,
        "validation_failed",
      );
    }
    const ledgerPayment = await record(f.user, f, {
      date: "2025-09-12",
      amountCents: -100,
      classification: "estimated_tax",
    });
    await expectError(
      await f.owner.client.delete(`${f.base}/tax/payments/${ledgerPayment.id}`),
      404,
      "not_found",
    );
    expect((await f.owner.client.delete(`${f.base}/tax/payments/${payment.id}`)).status).toBe(204);
    await expectError(await f.owner.client.delete(`${f.base}/tax/payments/${payment.id}`), 404, "not_found");
  });
});

describe("a year in progress, and the refusals", () => {
  it("projects the profit so far to the full year and plans on the projection", async () => {
    const g = await createLedgerFixture(t);
    const today = chicagoToday();
    const year = Number(today.slice(0, 4));
    await saveProfile(g.owner, g, year, { filingStatus: "single" });
    await recordIncome(g, `${year}-01-02`, 3_650_000);
    const p = await plan(year, g);
    // Profit so far × days in year ÷ days elapsed (January 1 is day 1), rounded half away from zero.
    const elapsed = (Date.parse(`${today}T00:00:00Z`) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
    const days = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    const projected = Math.round((3_650_000 * days) / elapsed);
    expect(p.ledger.progress).toMatchObject({
      status: "in_progress",
      daysElapsed: elapsed,
      daysInYear: days,
    });
    expect(p.ledger.yearToDate.profitCents).toBe(3_650_000);
    expect(p.ledger.projectedFullYear?.profitCents).toBe(projected);
    expect(p.ledger.basis).toBe("projected_full_year");
    expect(p.estimate.tentativeProfitCents).toBe(projected);
  });

  it("asks for a profile first (409), and refuses a year without figures (422)", async () => {
    const g = await createLedgerFixture(t);
    const missing = await expectError(await g.owner.client.get(`${g.base}/tax/plan/2025`), 409, "conflict");
    expect(missing.message).toMatch(/tax profile for 2025/);
    expect(missing.details).toEqual({ needs: "tax_profile", year: 2025 });
    const unsupported = await expectError(
      await g.owner.client.get(`${g.base}/tax/plan/2027`),
      422,
      "validation_failed",
    );
    expect(unsupported.message).toBe(
      "No tax figures for 2027: the planner has figures for 2025 and 2026 only. A year is added once the IRS and SSA have published its figures.",
    );
    await expectError(await g.owner.client.get(`${g.base}/tax/plan/not-a-year`), 400, "validation_failed");
  });
});
