// CSV exports: RFC 4180 with a header and totals row, amounts as plain decimal dollars, and
// user-controlled names that begin with =, +, -, @ neutralised so a spreadsheet shows them as text.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { expectJson, record } from "../ledger/ledger-support.js";
import {
  createReportFixture,
  fetchReport,
  HOSTILE_CATEGORY,
  HOSTILE_PAYER,
  HOSTILE_PAYER_2,
  type ReportFixture,
  reportUrl,
} from "./report-fixture.js";

let t: TestApp;
let f: ReportFixture;
const range = { from: "2025-01-01", to: "2025-12-31" };
const payerId = (name: string) => f.targets.payers.find((p) => p.name === name)?.id;
const categoryId = (name: string) => f.targets.categories.find((c) => c.name === name)?.id;

beforeAll(async () => {
  t = await createTestApp();
  f = await createReportFixture(t);
  const income = (date: string, amountCents: number, payer: string | undefined, fee?: number) =>
    record(f.owner, f, {
      date,
      amountCents,
      classification: "income",
      payerId: payer,
      processorFeeCents: fee,
    });
  await income("2025-01-15", 123_456, payerId(HOSTILE_PAYER), 350);
  await income("2025-02-15", 50_000, payerId(HOSTILE_PAYER_2));
  await income("2025-03-15", -7_525, f.aetnaId); // a recoupment: Aetna's total is negative
  await income("2025-03-20", 20_000, f.privatePayId);
  // A category whose refund is larger than its spending: a negative amount in a numeric column.
  await record(f.owner, f, {
    date: "2025-04-01",
    amountCents: -1_000,
    classification: "expense",
    categoryId: categoryId(HOSTILE_CATEGORY),
  });
  await record(f.owner, f, {
    date: "2025-04-02",
    amountCents: 2_250,
    classification: "expense",
    categoryId: categoryId(HOSTILE_CATEGORY),
  });
  await record(f.owner, f, {
    date: "2025-05-01",
    amountCents: -4_321,
    classification: "expense",
    categoryId: f.category.meals,
  });
});
afterAll(async () => t?.close());

async function download(report: string) {
  const res = await f.user.client.get(reportUrl(f.base, report, { ...range, format: "csv" }));
  const text = await res.text();
  expect(res.status, text).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toBe(
    `attachment; filename="${report}_2025-01-01_2025-12-31.csv"`,
  );
  return { text, rows: parse(text, { relax_column_count: false }) as string[][] };
}

const dollars = (cents: number) => (cents / 100).toFixed(2);

describe("CSV exports", () => {
  it("income by payer: neutralised names, plain decimal amounts, numbers left numeric, a totals row", async () => {
    const json = await fetchReport<{
      payers: { name: string; amountCents: number; count: number }[];
      totalCents: number;
      feesCents: number;
      count: number;
    }>(f, "income-by-payer", "incomeByPayer", range);
    const { text, rows } = await download("income-by-payer");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(
      text
        .split("\r\n")
        .slice(0, -1)
        .every((line) => !line.includes("\n")),
    ).toBe(true);
    expect(rows[0]).toEqual([
      "Payer",
      "Kind",
      "Gross receipts",
      "Processor fees",
      "Transactions",
      "Share (%)",
    ]);
    const byName = new Map(rows.slice(1, -1).map((r) => [r[0], r]));
    expect(byName.get(`'${HOSTILE_PAYER}`)?.slice(2, 5)).toEqual(["1238.06", "3.50", "1"]);
    expect(byName.get(`'${HOSTILE_PAYER_2}`)?.slice(2, 5)).toEqual(["500.00", "0.00", "1"]);
    expect(byName.get("Aetna")?.[2]).toBe("-75.25");
    // The raw text: names quoted with the apostrophe inside; the negative amount a bare number.
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
    expect(text).toContain(`"'-2+3"`);
    expect(text).toMatch(/"Aetna","Insurance",-75\.25,0\.00,1,-\d+\.\d\d\r\n/);
    for (const row of rows.slice(1)) {
      expect(row[0]?.[0], "no text cell may start a formula").not.toMatch(/[=+\-@\t\r]/);
    }
    expect(rows.length - 2).toBe(json.payers.length);
    expect(rows.at(-1)).toEqual([
      "Total",
      "",
      dollars(json.totalCents),
      dollars(json.feesCents),
      String(json.count),
      "100.00",
    ]);
    expect(json.totalCents).toBe(123_456 + 350 + 50_000 - 7_525 + 20_000);
  });

  it("expenses by category: a category named @SUM(…) is neutralised; a net refund stays a number", async () => {
    const json = await fetchReport<{
      totalSpentCents: number;
      totalDeductibleCents: number;
      expenseCount: number;
    }>(f, "expenses-by-category", "expensesByCategory", range);
    const { text, rows } = await download("expenses-by-category");
    expect(rows[0]).toEqual(["Category", "Line", "Spent", "Deductible", "Transactions"]);
    const hostile = rows.find((r) => r[0] === `'${HOSTILE_CATEGORY}`);
    expect(hostile).toEqual([`'${HOSTILE_CATEGORY}`, "27a", "-12.50", "-12.50", "2"]);
    expect(text).toContain(`"'${HOSTILE_CATEGORY}","27a",-12.50,-12.50,2\r\n`);
    // Meals: $43.21 spent, 50% = $21.605 → $21.61 (half away from zero).
    expect(rows.find((r) => r[1] === "24b")?.slice(2, 4)).toEqual(["43.21", "21.61"]);
    expect(rows.at(-1)).toEqual([
      "Total",
      "",
      dollars(json.totalSpentCents),
      dollars(json.totalDeductibleCents),
      String(json.expenseCount),
    ]);
  });

  it("P&L, monthly and year over year: header, every line, totals equal to the JSON", async () => {
    const pl = await fetchReport<{
      grossReceiptsCents: number;
      totalExpensesCents: number;
      tentativeProfitCents: number;
    }>(f, "profit-and-loss", "profitAndLoss", range);
    const { rows } = await download("profit-and-loss");
    expect(rows[0]).toEqual(["Line", "Description", "Amount", "Deductible"]);
    expect(rows).toHaveLength(1 + 1 + 23 + 2);
    expect(rows[1]).toEqual([
      "1",
      "Gross receipts",
      dollars(pl.grossReceiptsCents),
      dollars(pl.grossReceiptsCents),
    ]);
    expect(rows.at(-2)?.slice(0, 2)).toEqual(["28", "Total expenses"]);
    expect(rows.at(-2)?.[3]).toBe(dollars(pl.totalExpensesCents));
    expect(rows.at(-1)).toEqual(["29", "Tentative profit", "", dollars(pl.tentativeProfitCents)]);

    const monthly = await download("monthly");
    expect(monthly.rows).toHaveLength(1 + 12 + 1);
    expect(monthly.rows.at(-1)?.[1]).toBe(dollars(pl.grossReceiptsCents));

    const yoy = await download("year-over-year");
    expect(yoy.rows[0]).toEqual([
      "Line",
      "Description",
      "2025-01-01 to 2025-12-31",
      "2024-01-01 to 2024-12-31",
      "Change",
      "Change (%)",
    ]);
    // Nothing a year earlier: the change is the whole figure and has no percentage.
    expect(yoy.rows.at(-1)).toEqual([
      "29",
      "Tentative profit",
      dollars(pl.tentativeProfitCents),
      "0.00",
      dollars(pl.tentativeProfitCents),
      "",
    ]);
  });

  it("another practice's member gets 404, not the CSV", async () => {
    const res = await f.outsider.client.get(
      reportUrl(f.base, "income-by-payer", { ...range, format: "csv" }),
    );
    await expectJson(res, 404);
  });
});
