// The dashboard: one request answers every part of the page, with totals equal to the reports'
// for the same dates; the tax set-aside is the Owner's alone, as the profile it rests on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createLedgerFixture, expectJson, type LedgerFixture, record } from "../ledger/ledger-support.js";
import { chicagoToday, profitAndLoss, recordExpense, recordIncome, saveProfile } from "./planning-support.js";

type Dashboard = {
  year: number;
  today: string;
  progress: { status: string; through: string | null };
  range: { from: string; to: string };
  totals: { incomeCents: number; expensesCents: number; profitCents: number };
  setAside: {
    status: string;
    message: string | null;
    figures: null | {
      federalTaxCents: number;
      stateTaxCents: number;
      totalTaxCents: number;
      withholdingCents: number;
      paymentsCents: number;
      setAsideCents: number;
    };
  };
  monthly: { month: string; incomeCents: number; expenseCents: number; netCents: number }[];
  payerMix: { payerId: string | null; amountCents: number; shareBasisPoints: number }[];
  topCategories: { name: string; deductibleCents: number }[];
  unreviewed: { count: number; inRangeCount: number };
};

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
  await recordIncome(f, "2025-02-10", 6_000_000);
  await record(f.user, f, {
    date: "2025-07-01",
    amountCents: 2_450_000,
    processorFeeCents: 50_000,
    classification: "income",
    payerId: f.privatePayId,
  });
  await recordExpense(f, "2025-03-01", 1_200_000);
  await recordExpense(f, "2025-03-15", 80_000, "supplies");
  await recordExpense(f, "2025-04-20", 100_000, "meals");
  for (const [key, cents] of [
    ["advertising", 30_000],
    ["utilities", 20_000],
    ["licenses", 10_000],
  ] as const) {
    await recordExpense(f, "2025-05-01", cents, key);
  }
  await expectJson(
    await f.user.client.post(`${f.base}/mileage`, { date: "2025-05-05", miles: 100, purpose: "Home visits" }),
    201,
  );
  await record(f.user, f, { date: "2025-06-13", amountCents: -200_000, classification: "estimated_tax" });
  // Waiting for review: one in 2025, one in 2024.
  await record(f.user, f, { date: "2025-09-09", amountCents: 4_321 });
  await record(f.user, f, { date: "2024-12-30", amountCents: -999 });
});
afterAll(async () => t?.close());

const dashboard = async (who = f.owner, query = "?year=2025") =>
  expectJson<Dashboard>(await who.client.get(`${f.base}/dashboard${query}`), 200);

describe("the dashboard", () => {
  it("answers every part in one request, with the reports' own totals for the same dates", async () => {
    const d = await dashboard(f.user);
    expect(d.year).toBe(2025);
    expect(d.range).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(d.progress.status).toBe("ended");

    // Gross receipts $85,000 (fees added back); expenses 12,000 + 800 + 500 (half of meals) +
    // 300 + 200 + 100 + $500 fees + $70 mileage = $14,470; profit $70,530.
    expect(d.totals).toEqual({ incomeCents: 8_500_000, expensesCents: 1_447_000, profitCents: 7_053_000 });
    const pl = await profitAndLoss(f.user, f, "2025-01-01", "2025-12-31");
    expect(d.totals).toEqual({
      incomeCents: pl.grossReceiptsCents,
      expensesCents: pl.totalExpensesCents,
      profitCents: pl.tentativeProfitCents,
    });

    const reports = async <T>(name: string) =>
      expectJson<T>(await f.user.client.get(`${f.base}/reports/${name}?from=2025-01-01&to=2025-12-31`), 200);
    const { monthly } = await reports<{ monthly: { months: Dashboard["monthly"] } }>("monthly");
    expect(d.monthly).toEqual(monthly.months);
    expect(d.monthly).toHaveLength(12);
    const { incomeByPayer } = await reports<{ incomeByPayer: { payers: Dashboard["payerMix"] } }>(
      "income-by-payer",
    );
    expect(d.payerMix).toEqual(incomeByPayer.payers);
    expect(d.payerMix.map((p) => [p.payerId, p.amountCents, p.shareBasisPoints])).toEqual([
      [f.aetnaId, 6_000_000, 7059],
      [f.privatePayId, 2_500_000, 2941],
    ]);
    const { expensesByCategory } = await reports<{
      expensesByCategory: { categories: Dashboard["topCategories"] };
    }>("expenses-by-category");
    // The five largest deductible amounts; a tie goes by name.
    const largest = [...expensesByCategory.categories]
      .sort((a, b) => b.deductibleCents - a.deductibleCents || a.name.localeCompare(b.name))
      .slice(0, 5);
    expect(d.topCategories).toEqual(largest);
    expect(d.topCategories.map((c) => c.deductibleCents)).toEqual([
      1_200_000, 80_000, 50_000, 50_000, 30_000,
    ]);

    expect(d.unreviewed).toEqual({ count: 2, inRangeCount: 1 });
  });

  it("gives the Owner the set-aside from their profile: tax on the profit so far less payments", async () => {
    const before = await dashboard(f.owner);
    expect(before.setAside).toMatchObject({ status: "no_profile", figures: null });
    expect(before.setAside.message).toMatch(/tax profile for 2025/);

    await saveProfile(f.owner, f, 2025, {
      filingStatus: "single",
      stateRateBasisPoints: 400,
      withholdingCents: 10_000,
    });
    await expectJson(
      await f.owner.client.post(`${f.base}/tax/payments`, {
        date: "2025-09-15",
        amountCents: 50_000,
        jurisdiction: "state",
      }),
      201,
    );
    const d = await dashboard(f.owner);
    // 2025 has ended, so "so far" is the whole year: the same tax as the plan's.
    const plan = await expectJson<{
      estimate: { totalFederalTaxCents: number; stateTaxCents: number; totalTaxCents: number };
    }>(await f.owner.client.get(`${f.base}/tax/plan/2025`), 200);
    expect(d.setAside).toEqual({
      status: "computed",
      message: null,
      figures: {
        federalTaxCents: plan.estimate.totalFederalTaxCents,
        stateTaxCents: plan.estimate.stateTaxCents,
        totalTaxCents: plan.estimate.totalTaxCents,
        withholdingCents: 10_000,
        // $2,000 from the ledger's estimated_tax transaction + $500 recorded for the state.
        paymentsCents: 250_000,
        setAsideCents: plan.estimate.totalTaxCents - 10_000 - 250_000,
      },
    });
    // Everything else is the same for every role.
    const { setAside: _owner, ...ownerView } = d;
    for (const who of [f.admin, f.user]) {
      const { setAside, ...view } = await dashboard(who);
      expect(setAside.status).toBe("owner_only");
      expect(setAside.figures).toBeNull();
      expect(view).toEqual(ownerView);
    }
  });

  it("defaults to the practice's current year, and names a year without tax figures", async () => {
    const today = chicagoToday();
    const d = await dashboard(f.owner, "");
    expect(d.year).toBe(Number(today.slice(0, 4)));
    expect(d.today).toBe(today);
    expect(d.range).toEqual({ from: `${d.year}-01-01`, to: today });
    expect(d.progress).toMatchObject({ status: "in_progress", through: today });
    expect(d.monthly.map((m) => m.month).at(-1)).toBe(today.slice(0, 7));

    const old = await dashboard(f.owner, "?year=2024");
    expect(old.setAside.status).toBe("unsupported_year");
    expect(old.totals).toEqual({ incomeCents: 0, expensesCents: 0, profitCents: 0 });
    expect(old.unreviewed).toEqual({ count: 2, inRangeCount: 1 });
    const res = await f.owner.client.get(`${f.base}/dashboard?year=twenty`);
    expect(res.status).toBe(400);
  });
});
