// Every report total, computed in SQL through the API, equals an independent sum worked out in
// JavaScript over the same randomly generated ledger (income with payers, fees and splits,
// expenses on every line with refunds and splits, rows the P&L leaves out, mileage and methods).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  expectedExpensesByCategory,
  expectedIncomeByPayer,
  expectedMonthly,
  expectedProfitAndLoss,
  type Range,
  roundedRatio,
  yearEarlier,
} from "./expected-reports.js";
import { dateArb, insertLedger, ledgerArb } from "./ledger-generator.js";
import { createReportFixture, fetchReport, type ReportFixture } from "./report-fixture.js";

let t: TestApp;
let f: ReportFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createReportFixture(t);
});
afterAll(async () => t?.close());

type Line = { line: string; spentCents: number; deductibleCents: number };
type ProfitAndLoss = {
  range: Range;
  grossReceiptsCents: number;
  returnsCents: number;
  incomeCount: number;
  expenseCount: number;
  processorFeesCents: number;
  lines: Line[];
  totalExpensesCents: number;
  tentativeProfitCents: number;
  uncategorizedExpenses: { count: number; spentCents: number };
  unreviewed: { count: number; inflowCents: number; outflowCents: number };
  excluded: { classification: string; count: number; inflowCents: number; outflowCents: number }[];
};
type PayerRow = {
  payerId: string | null;
  name: string;
  kind: string;
  amountCents: number;
  feesCents: number;
  count: number;
  shareBasisPoints: number;
};
type CategoryRow = {
  categoryId: string | null;
  source: string;
  spentCents: number;
  deductibleCents: number;
  count: number;
};
type Comparison = {
  currentCents: number;
  previousCents: number;
  changeCents: number;
  changeBasisPoints: number | null;
};

const rangeArb = fc.oneof(
  fc.constant({ from: "2025-01-01", to: "2025-12-31" }),
  fc.tuple(dateArb, dateArb).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
);

function linesOf(expected: ReturnType<typeof expectedProfitAndLoss>) {
  return Object.fromEntries([...expected.lines].filter(([line]) => line !== "none"));
}

function nonZeroLines(lines: Line[]) {
  return Object.fromEntries(
    lines
      .filter((l) => l.spentCents !== 0 || l.deductibleCents !== 0)
      .map((l) => [l.line, { spentCents: l.spentCents, deductibleCents: l.deductibleCents }]),
  );
}

function withoutZeros(lines: Record<string, { spentCents: number; deductibleCents: number }>) {
  return Object.fromEntries(
    Object.entries(lines).filter(([, l]) => l.spentCents !== 0 || l.deductibleCents !== 0),
  );
}

describe("report totals against an independent sum over generated data", () => {
  it("P&L, income by payer, expenses by category, monthly and year over year all agree", async () => {
    await fc.assert(
      fc.asyncProperty(
        ledgerArb(f.targets.payers.length, f.targets.categories.length),
        rangeArb,
        async (ledger, range) => {
          await insertLedger(t.database.db, f.practiceId, f.targets, ledger);

          const pl = await fetchReport<ProfitAndLoss>(f, "profit-and-loss", "profitAndLoss", range);
          const want = expectedProfitAndLoss(ledger, f.targets, range);
          expect(pl.range).toEqual(range);
          expect(pl.grossReceiptsCents).toBe(want.grossReceiptsCents);
          expect(pl.returnsCents).toBe(want.returnsCents);
          expect(pl.processorFeesCents).toBe(want.processorFeesCents);
          expect(pl.incomeCount).toBe(want.incomeCount);
          expect(pl.expenseCount).toBe(want.expenseCount);
          expect(pl.lines.map((l) => l.line)).toHaveLength(23);
          expect(nonZeroLines(pl.lines)).toEqual(withoutZeros(linesOf(want)));
          expect(pl.totalExpensesCents).toBe(want.totalExpensesCents);
          expect(pl.uncategorizedExpenses).toEqual(want.uncategorizedExpenses);
          expect(pl.tentativeProfitCents).toBe(want.tentativeProfitCents);
          expect(
            Object.fromEntries(pl.excluded.map(({ classification, ...rest }) => [classification, rest])),
          ).toEqual(Object.fromEntries(want.excluded));
          expect(pl.unreviewed).toEqual(
            want.excluded.get("unreviewed") ?? { count: 0, inflowCents: 0, outflowCents: 0 },
          );

          const byPayer = await fetchReport<{ payers: PayerRow[]; totalCents: number; count: number }>(
            f,
            "income-by-payer",
            "incomeByPayer",
            range,
          );
          const wantPayers = expectedIncomeByPayer(ledger, f.targets, range);
          expect(byPayer.totalCents).toBe(want.grossReceiptsCents);
          expect(byPayer.totalCents).toBe(wantPayers.totalCents);
          expect(byPayer.count).toBe(want.incomeCount);
          expect(
            new Map(byPayer.payers.map(({ payerId, name, kind, ...rest }) => [payerId ?? "none", rest])),
          ).toEqual(wantPayers.payers);
          for (const p of byPayer.payers) {
            const target = f.targets.payers.find((x) => x.id === p.payerId);
            expect({ name: p.name, kind: p.kind }).toEqual(
              target ? { name: target.name, kind: target.kind } : { name: "No payer", kind: null },
            );
          }

          const byCategory = await fetchReport<{
            categories: CategoryRow[];
            totalSpentCents: number;
            totalDeductibleCents: number;
            expenseCount: number;
          }>(f, "expenses-by-category", "expensesByCategory", range);
          const wantCategories = expectedExpensesByCategory(ledger, f.targets, range);
          expect(
            new Map(
              byCategory.categories.map(({ categoryId, source, spentCents, deductibleCents, count }) => [
                categoryId ?? source,
                { spentCents, deductibleCents, count },
              ]),
            ),
          ).toEqual(wantCategories);
          const rows = [...wantCategories.values()];
          expect(byCategory.totalSpentCents).toBe(rows.reduce((s, r) => s + r.spentCents, 0));
          expect(byCategory.totalDeductibleCents).toBe(rows.reduce((s, r) => s + r.deductibleCents, 0));
          expect(byCategory.totalSpentCents).toBe(pl.lines.reduce((s, l) => s + l.spentCents, 0));
          expect(byCategory.expenseCount).toBe(want.expenseCount - want.uncategorizedExpenses.count);

          const monthly = await fetchReport<{
            months: { month: string; incomeCents: number; expenseCents: number; netCents: number }[];
            totals: { incomeCents: number; expenseCents: number; netCents: number };
          }>(f, "monthly", "monthly", range);
          const wantMonths = expectedMonthly(ledger, f.targets, range);
          expect(monthly.months).toEqual(wantMonths);
          expect(monthly.totals.incomeCents).toBe(want.grossReceiptsCents);
          expect(monthly.totals.netCents).toBe(monthly.totals.incomeCents - monthly.totals.expenseCents);

          const yoy = await fetchReport<{
            previousRange: Range;
            grossReceipts: Comparison;
            totalExpenses: Comparison;
            tentativeProfit: Comparison;
            lines: (Comparison & { line: string })[];
          }>(f, "year-over-year", "yearOverYear", range);
          const previousRange = { from: yearEarlier(range.from), to: yearEarlier(range.to) };
          const before = expectedProfitAndLoss(ledger, f.targets, previousRange);
          expect(yoy.previousRange).toEqual(previousRange);
          const compare = (current: number, previous: number) => ({
            currentCents: current,
            previousCents: previous,
            changeCents: current - previous,
            changeBasisPoints:
              previous === 0 ? null : roundedRatio(current - previous, 10_000, Math.abs(previous)),
          });
          expect(yoy.grossReceipts).toEqual(compare(want.grossReceiptsCents, before.grossReceiptsCents));
          expect(yoy.totalExpenses).toEqual(compare(want.totalExpensesCents, before.totalExpensesCents));
          expect(yoy.tentativeProfit).toEqual(
            compare(want.tentativeProfitCents, before.tentativeProfitCents),
          );
          for (const l of yoy.lines) {
            const now = want.lines.get(l.line)?.deductibleCents ?? 0;
            const then = before.lines.get(l.line)?.deductibleCents ?? 0;
            expect(l, l.line).toMatchObject({
              currentCents: now,
              previousCents: then,
              changeCents: now - then,
            });
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});
