/**
 * Income by payer and expenses by category for a date range. Both add up to the P&L: the payers'
 * amounts to line 1 (gross receipts), the categories' deductible amounts to line 28, because the
 * processor fees (line 10) and the mileage log (line 9) appear as rows of their own.
 */

import { SCHEDULE_C_LINES, type ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import type { PayerKind } from "../../domain/ledger/vocabulary.js";
import { BASIS_POINTS_PER_WHOLE, mulDivCents } from "../../domain/money.js";
import { deductibleOf } from "./deductible.js";
import { type PayerSum, sumExpensesByCategory, sumIncomeByPayer } from "./ledger-aggregates.js";
import { valueMileageForRange } from "./mileage-value.js";
import type { ReportDb, ReportRange } from "./report-range.js";
import { inReportSnapshot } from "./snapshot.js";

export type PayerIncome = {
  /** null: income whose payer no longer exists (a safety net the services never rely on). */
  payerId: string | null;
  name: string;
  kind: PayerKind | null;
  /** Gross receipts from the payer (net + processor fees), recoupments subtracted. */
  amountCents: number;
  feesCents: number;
  /** Transactions naming the payer, split parts included (a split counts once per payer). */
  count: number;
  /** The payer's share of all gross receipts, in basis points (0 when the total is not positive). */
  shareBasisPoints: number;
};

export type IncomeByPayerReport = {
  range: ReportRange;
  payers: PayerIncome[];
  /** Gross receipts: Schedule C line 1. */
  totalCents: number;
  feesCents: number;
  /** Income transactions (a split one counts once). */
  count: number;
};

/** Fees are charged on the first part of a split deposit, so they sit with that part's payer. */
export async function incomeByPayer(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<PayerIncome[]> {
  return toPayerIncome(await inReportSnapshot(db, (tx) => sumIncomeByPayer(tx, practiceId, range)));
}

export async function incomeByPayerReport(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<IncomeByPayerReport> {
  const sums = await inReportSnapshot(db, (tx) => sumIncomeByPayer(tx, practiceId, range));
  const payers = toPayerIncome(sums);
  return {
    range,
    payers,
    totalCents: payers.reduce((sum, p) => sum + p.amountCents, 0),
    feesCents: payers.reduce((sum, p) => sum + p.feesCents, 0),
    count: sums.reduce((sum, p) => sum + p.firstPartCount, 0),
  };
}

function toPayerIncome(sums: readonly PayerSum[]): PayerIncome[] {
  const total = sums.reduce((sum, p) => sum + p.grossCents, 0);
  return sums
    .map((p) => ({
      payerId: p.payerId,
      name: p.name ?? "No payer",
      kind: p.kind,
      amountCents: p.grossCents,
      feesCents: p.feesCents,
      count: p.count,
      shareBasisPoints: total > 0 ? mulDivCents(p.grossCents, BASIS_POINTS_PER_WHOLE, total) : 0,
    }))
    .sort((a, b) => b.amountCents - a.amountCents || a.name.localeCompare(b.name));
}

export type CategoryExpense = {
  /** null on the rows that are not categories: processor fees and the mileage log. */
  categoryId: string | null;
  name: string;
  line: ScheduleCLineCode;
  source: "category" | "processor_fees" | "mileage";
  spentCents: number;
  /** The line's deductible share of this row, rounded per row (so 24b rows may differ by a cent from the line). */
  deductibleCents: number;
  count: number;
};

export type ExpensesByCategoryReport = {
  range: ReportRange;
  categories: CategoryExpense[];
  totalSpentCents: number;
  /** The rows' deductible amounts added up (24b rounded per row; see CategoryExpense). */
  totalDeductibleCents: number;
  /** Expense transactions on the rows (a split one counts once); fees and trips not included. */
  expenseCount: number;
};

const LINE_ORDER = new Map<string, number>(SCHEDULE_C_LINES.map((l, i) => [l.line, i]));

export async function expensesByCategory(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<CategoryExpense[]> {
  return (await expensesByCategoryReport(db, practiceId, range)).categories;
}

export async function expensesByCategoryReport(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<ExpensesByCategoryReport> {
  const { categories, payers, mileage } = await inReportSnapshot(db, async (tx) => ({
    categories: await sumExpensesByCategory(tx, practiceId, range),
    payers: await sumIncomeByPayer(tx, practiceId, range),
    mileage: await valueMileageForRange(tx, practiceId, range),
  }));
  const rows: CategoryExpense[] = [];
  for (const c of categories) {
    if (!c.line || !c.categoryId || c.name === null) continue;
    rows.push({
      categoryId: c.categoryId,
      name: c.name,
      line: c.line,
      source: "category",
      spentCents: c.spentCents,
      deductibleCents: deductibleOf(c.line, c.spentCents),
      count: c.count,
    });
  }
  const feesCents = payers.reduce((sum, p) => sum + p.feesCents, 0);
  const feeCount = payers.reduce((sum, p) => sum + p.feeCount, 0);
  if (feeCount > 0) {
    rows.push({
      categoryId: null,
      name: "Processor fees kept from income",
      line: "10",
      source: "processor_fees",
      spentCents: feesCents,
      deductibleCents: feesCents,
      count: feeCount,
    });
  }
  const valued = mileage.filter((m) => m.valueCents !== 0);
  if (valued.length > 0) {
    const mileageCents = valued.reduce((sum, m) => sum + m.valueCents, 0);
    rows.push({
      categoryId: null,
      name: "Mileage log at the standard rate",
      line: "9",
      source: "mileage",
      spentCents: mileageCents,
      deductibleCents: mileageCents,
      count: valued.reduce((sum, m) => sum + m.trips, 0),
    });
  }
  rows.sort(
    (a, b) => (LINE_ORDER.get(a.line) ?? 0) - (LINE_ORDER.get(b.line) ?? 0) || a.name.localeCompare(b.name),
  );
  return {
    range,
    categories: rows,
    totalSpentCents: rows.reduce((sum, r) => sum + r.spentCents, 0),
    totalDeductibleCents: rows.reduce((sum, r) => sum + r.deductibleCents, 0),
    expenseCount: categories.filter((c) => c.line).reduce((sum, c) => sum + c.firstPartCount, 0),
  };
}
