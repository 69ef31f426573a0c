// The mileage log feeds Schedule C line 9 at the year's IRS standard rate (70¢ in 2025; 72.5¢ in
// 2026 before July 1 and 76¢ from July 1), unless the year uses actual car expenses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mileageEntries, vehicleMethods } from "../../../src/db/schema/planning.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { record } from "../ledger/ledger-support.js";
import { createReportFixture, fetchReport, type ReportFixture } from "./report-fixture.js";

let t: TestApp;
let f: ReportFixture;
type Line = { line: string; spentCents: number; deductibleCents: number };
type MileageYear = {
  year: number;
  method: string;
  hundredthsOfMiles: number;
  valueCents: number;
  valued: boolean;
};
type ProfitAndLoss = {
  lines: Line[];
  mileage: MileageYear[];
  totalExpensesCents: number;
  tentativeProfitCents: number;
};

const line9 = (pl: ProfitAndLoss) => pl.lines.find((l) => l.line === "9");
const pl = (from: string, to: string) =>
  fetchReport<ProfitAndLoss>(f, "profit-and-loss", "profitAndLoss", { from, to });

beforeAll(async () => {
  t = await createTestApp();
  f = await createReportFixture(t);
  const trip = (date: string, hundredthsOfMiles: number) => ({
    practiceId: f.practiceId,
    date,
    hundredthsOfMiles,
    purpose: "Home visit",
  });
  await t.database.db.insert(mileageEntries).values([
    trip("2024-12-30", 10_000), // no 2024 rate in the data file
    trip("2025-03-04", 10_050), // 100.5 miles
    trip("2025-03-05", 1_233), // 12.33 miles
    trip("2026-06-30", 1_000), // 10 miles at 72.5¢
    trip("2026-07-01", 1_000), // 10 miles at 76¢
    trip("2026-07-02", 333), // 3.33 miles at 76¢
  ]);
  // A categorised car expense (parking) in each year: line 9 under either method.
  await record(f.owner, f, {
    date: "2025-05-01",
    amountCents: -2_500,
    classification: "expense",
    categoryId: f.category.car_and_truck,
  });
  await record(f.owner, f, {
    date: "2026-05-01",
    amountCents: -4_000,
    classification: "expense",
    categoryId: f.category.car_and_truck,
  });
});
afterAll(async () => t?.close());

describe("the mileage log on line 9", () => {
  it("2025: 112.83 miles at 70¢ = $78.98, plus the categorised parking", async () => {
    const report = await pl("2025-01-01", "2025-12-31");
    // 11,283 hundredths × 700 mills ÷ 1000 = 7,898.1 → 7,898 cents.
    expect(report.mileage).toEqual([
      {
        year: 2025,
        method: "standard_mileage",
        hundredthsOfMiles: 11_283,
        trips: 2,
        valueCents: 7_898,
        valued: true,
      },
    ]);
    expect(line9(report)).toMatchObject({ spentCents: 7_898 + 2_500, deductibleCents: 7_898 + 2_500 });
  });

  it("2026: 72.5¢ before July 1 and 76¢ from July 1, each rate rounded once", async () => {
    const report = await pl("2026-01-01", "2026-12-31");
    // 1,000 × 725 / 1000 = 725; 1,333 × 760 / 1000 = 1,013.08 → 1,013.
    expect(report.mileage[0]).toMatchObject({
      year: 2026,
      hundredthsOfMiles: 2_333,
      valueCents: 725 + 1_013,
    });
    expect(line9(report)?.spentCents).toBe(725 + 1_013 + 4_000);
  });

  it("only the part of the range is valued: June 2026 alone is at 72.5¢", async () => {
    const report = await pl("2026-06-01", "2026-06-30");
    expect(line9(report)?.spentCents).toBe(725);
  });

  it("a range across years values each year at its own rate", async () => {
    const report = await pl("2024-07-01", "2026-12-31");
    expect(report.mileage.map((m) => [m.year, m.valueCents, m.valued])).toEqual([
      [2024, 0, false],
      [2025, 7_898, true],
      [2026, 1_738, true],
    ]);
    expect(line9(report)?.spentCents).toBe(7_898 + 1_738 + 2_500 + 4_000);
  });

  it("actual car expenses for 2026: only the categorised expenses reach line 9; 2025 keeps the standard rate", async () => {
    await t.database.db
      .insert(vehicleMethods)
      .values({ practiceId: f.practiceId, year: 2026, method: "actual_expenses" });
    const year2026 = await pl("2026-01-01", "2026-12-31");
    expect(year2026.mileage[0]).toMatchObject({
      method: "actual_expenses",
      hundredthsOfMiles: 2_333,
      valueCents: 0,
    });
    expect(line9(year2026)?.spentCents).toBe(4_000);
    const both = await pl("2025-01-01", "2026-12-31");
    expect(line9(both)?.spentCents).toBe(7_898 + 2_500 + 4_000);
    const monthly = await fetchReport<{ months: { month: string; expenseCents: number }[] }>(
      f,
      "monthly",
      "monthly",
      {
        from: "2025-03-01",
        to: "2026-07-31",
      },
    );
    const month = (m: string) => monthly.months.find((x) => x.month === m)?.expenseCents;
    expect(month("2025-03")).toBe(7_898);
    expect(month("2026-07")).toBe(0);
  });
});
