// PDF exports: the text extracted from the PDF holds the same totals as the JSON, formatted
// "$1,234.56", with the title, the practice, the range and the generated-at line; long reports
// run to several pages with page numbers.
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatMoney } from "../../../src/domain/money.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { type GenLedger, insertLedger } from "./ledger-generator.js";
import {
  createReportFixture,
  fetchReport,
  HOSTILE_PAYER,
  type ReportFixture,
  reportUrl,
} from "./report-fixture.js";

let t: TestApp;
let f: ReportFixture;
const range = { from: "2025-01-01", to: "2025-12-31" };

/** A fixed ledger: every payer and category used, a split, fees, meals, an unreviewed row. */
function ledger(): GenLedger {
  const payers = f.targets.payers.length;
  const categories = f.targets.categories.length;
  const transactions: GenLedger["transactions"] = [];
  for (let i = 0; i < 60; i++) {
    const date = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`;
    transactions.push({
      date,
      classification: "income",
      amountCents: 123_457 + i * 1_001,
      target: i % payers,
      feeCents: i % 3 === 0 ? 375 : null,
      parts: [],
    });
    transactions.push({
      date,
      classification: "expense",
      amountCents: -(9_999 + i * 77),
      target: i % categories,
      feeCents: null,
      parts: [],
    });
  }
  transactions.push({
    date: "2025-06-30",
    classification: "income",
    amountCents: 30_000,
    target: null,
    feeCents: 0,
    parts: [
      { amountCents: 20_000, target: 0 },
      { amountCents: 10_000, target: 1 },
    ],
  });
  transactions.push({
    date: "2025-07-01",
    classification: "unreviewed",
    amountCents: -5_000,
    target: null,
    feeCents: null,
    parts: [],
  });
  return { transactions, trips: [{ date: "2025-08-08", hundredths: 4_242 }], methods: [] };
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createReportFixture(t);
  await insertLedger(t.database.db, f.practiceId, f.targets, ledger());
});
afterAll(async () => t?.close());

async function pdfText(report: string, q: { from: string; to: string } = range) {
  const res = await f.user.client.get(reportUrl(f.base, report, { ...q, format: "pdf" }));
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect(res.status, new TextDecoder().decode(bytes.slice(0, 300))).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  expect(res.headers.get("content-disposition")).toBe(
    `attachment; filename="${report}_${q.from}_${q.to}.pdf"`,
  );
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const pdf = await getDocumentProxy(bytes);
  const { totalPages, text: pages } = await extractText(pdf, { mergePages: false });
  const flat = pages.map((page) => page.replace(/\s+/g, " ").trim());
  return { totalPages, pages: flat, text: flat.join(" ") };
}

describe("PDF exports", () => {
  it("profit and loss: the JSON's totals, formatted, with title, practice, range and time of generation", async () => {
    const json = await fetchReport<{
      grossReceiptsCents: number;
      totalSpentCents: number;
      totalExpensesCents: number;
      tentativeProfitCents: number;
      processorFeesCents: number;
      lines: { line: string; label: string; spentCents: number; deductibleCents: number }[];
    }>(f, "profit-and-loss", "profitAndLoss", range);
    const { text } = await pdfText("profit-and-loss");
    expect(text).toContain("Profit and loss (Schedule C)");
    expect(text).toContain(f.name);
    expect(text).toContain("From 2025-01-01 to 2025-12-31");
    expect(text).toMatch(/Generated \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M \(America\/Chicago\)/);
    expect(text).toContain(`Gross receipts ${formatMoney(json.grossReceiptsCents)}`);
    expect(text).toContain(
      `Total expenses ${formatMoney(json.totalSpentCents)} ${formatMoney(json.totalExpensesCents)}`,
    );
    expect(text).toContain(`Tentative profit ${formatMoney(json.tentativeProfitCents)}`);
    const meals = json.lines.find((l) => l.line === "24b");
    expect(meals && meals.spentCents !== meals.deductibleCents).toBe(true);
    expect(text).toContain(
      `Deductible meals ${formatMoney(meals?.spentCents ?? 0)} ${formatMoney(meals?.deductibleCents ?? 0)}`,
    );
    expect(text).toContain("Not included: 1 unreviewed transactions ($0.00 in, $50.00 out).");
    expect(text).toContain("42.42 logged miles at the standard rate add $29.69 to line 9.");
  });

  it("income by payer and expenses by category: totals as in the JSON", async () => {
    const payers = await fetchReport<{ totalCents: number; feesCents: number; count: number }>(
      f,
      "income-by-payer",
      "incomeByPayer",
      range,
    );
    const byPayer = await pdfText("income-by-payer");
    expect(byPayer.text).toContain(
      `Total ${formatMoney(payers.totalCents)} ${formatMoney(payers.feesCents)} ${payers.count} 100.00%`,
    );
    // A user-controlled name is printed as it is: the PDF runs nothing.
    expect(byPayer.text).toContain(HOSTILE_PAYER.slice(0, 12));

    const categories = await fetchReport<{
      totalSpentCents: number;
      totalDeductibleCents: number;
      expenseCount: number;
    }>(f, "expenses-by-category", "expensesByCategory", range);
    const byCategory = await pdfText("expenses-by-category");
    expect(byCategory.text).toContain(
      `Total ${formatMoney(categories.totalSpentCents)} ${formatMoney(categories.totalDeductibleCents)} ${categories.expenseCount}`,
    );
  });

  it("a long report runs to several pages, the header repeated, with page numbers", async () => {
    const long = { from: "2006-01-01", to: "2025-12-31" };
    const json = await fetchReport<{
      months: unknown[];
      totals: { incomeCents: number; expenseCents: number; netCents: number };
    }>(f, "monthly", "monthly", long);
    expect(json.months).toHaveLength(240);
    const { totalPages, pages, text } = await pdfText("monthly", long);
    expect(totalPages).toBeGreaterThan(3);
    expect(text).toContain(`Page 1 of ${totalPages}`);
    expect(text).toContain(`Page ${totalPages} of ${totalPages}`);
    const tablePages = pages.filter((page) => /\d{4}-\d{2} \$/.test(page));
    expect(tablePages.length).toBeGreaterThan(3);
    tablePages.forEach((page, i) => {
      expect(
        page.startsWith(i === 0 ? "Month by month" : "Month Income Expenses Net"),
        page.slice(0, 60),
      ).toBe(true);
      expect(page.endsWith(`Page ${i + 1} of ${totalPages}`)).toBe(true);
    });
    expect(text).toContain("2006-01 $0.00 $0.00 $0.00");
    const t = json.totals;
    expect(text).toContain(
      `Total ${formatMoney(t.incomeCents)} ${formatMoney(t.expenseCents)} ${formatMoney(t.netCents)}`,
    );
  });

  it("year over year: both ranges in the header, totals and changes", async () => {
    const json = await fetchReport<{
      tentativeProfit: { currentCents: number; previousCents: number; changeCents: number };
    }>(f, "year-over-year", "yearOverYear", range);
    const { text } = await pdfText("year-over-year");
    expect(text).toContain("2025-01-01 to 2025-12-31");
    expect(text).toContain("2024-01-01 to 2024-12-31");
    const p = json.tentativeProfit;
    expect(text).toContain(
      `Tentative profit ${formatMoney(p.currentCents)} ${formatMoney(p.previousCents)} ${formatMoney(p.changeCents)}`,
    );
  });
});
