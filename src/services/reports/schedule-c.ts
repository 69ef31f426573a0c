/**
 * Profit and loss by Schedule C line for any date range (issue 5), from the ledger's sums
 * (ledger-aggregates.ts) and the mileage log (mileage-value.ts).
 *
 * - Line 1, gross receipts: income's net amounts plus the processor fees kept from them. Negative
 *   income (an insurer's recoupment, a chargeback) reduces line 1 directly rather than going to
 *   line 2; `returnsCents` says how much of that is in the figure.
 * - Expenses: −sum(amount) over expenses, so a refund reduces its category. Split expenses count
 *   each part on its own category's line. Processor fees of income are added to line 10; the
 *   mileage log, valued at the year's standard rate, to line 9 (not under actual expenses).
 * - Deductible: the line's share (`deductibleBasisPoints`, 50% on line 24b) of what was spent,
 *   rounded once per line, half away from zero.
 * - Line 29, tentative profit: gross receipts − total deductible expenses.
 * - Left out, and reported so the user knows: transfers, owner draws and contributions,
 *   estimated tax, personal and unreviewed transactions, and expenses with no category.
 */

import { SCHEDULE_C_LINES, type ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import { deductibleOf } from "./deductible.js";
import {
  type ClassSum,
  sumExcludedClasses,
  sumExpensesByCategory,
  sumIncomeByPayer,
} from "./ledger-aggregates.js";
import { type MileageYear, valueMileageForRange } from "./mileage-value.js";
import type { ReportDb, ReportExecutor, ReportRange } from "./report-range.js";
import { inReportSnapshot } from "./snapshot.js";

export { expensesByCategory, incomeByPayer } from "./breakdowns.js";
export { monthlyIncomeAndExpenses } from "./monthly.js";
export type { ReportRange } from "./report-range.js";

export type ScheduleCLineSummary = {
  line: ScheduleCLineCode;
  label: string;
  spentCents: number;
  deductibleCents: number;
};

export type ScheduleCSummary = {
  range: ReportRange;
  /** Line 1: net income + processor fees, recoupments subtracted. */
  grossReceiptsCents: number;
  /** The negative income inside line 1, as a positive number (not subtracted again). */
  returnsCents: number;
  incomeCount: number;
  /** Every Part II line in form order, with zeros. */
  lines: ScheduleCLineSummary[];
  /** Processor fees on income, inside line 10. */
  processorFeesCents: number;
  /** The mileage log per year of the range, inside line 9 when valued at the standard rate. */
  mileage: MileageYear[];
  totalSpentCents: number;
  /** Line 28: total deductible expenses. */
  totalExpensesCents: number;
  /** Line 29: gross receipts − total deductible expenses. */
  tentativeProfitCents: number;
  expenseCount: number;
  /** Expenses naming no category and no parts (only if a category vanished): not on any line. */
  uncategorizedExpenses: { count: number; spentCents: number };
  /** Not yet classified: not in the P&L until someone reviews them. */
  unreviewed: { count: number; inflowCents: number; outflowCents: number };
  /** Every class the P&L leaves out, unreviewed included. */
  excluded: ClassSum[];
};

/** The P&L of a range, from one snapshot of the ledger. */
export function computeScheduleC(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<ScheduleCSummary> {
  return inReportSnapshot(db, (tx) => scheduleCIn(tx, practiceId, range));
}

/** The P&L's queries, on a snapshot already open. */
export async function scheduleCIn(
  db: ReportExecutor,
  practiceId: string,
  range: ReportRange,
): Promise<ScheduleCSummary> {
  const payers = await sumIncomeByPayer(db, practiceId, range);
  const categories = await sumExpensesByCategory(db, practiceId, range);
  const excluded = await sumExcludedClasses(db, practiceId, range);
  const mileage = await valueMileageForRange(db, practiceId, range);
  const processorFeesCents = payers.reduce((sum, p) => sum + p.feesCents, 0);
  const spentByLine = new Map<string, number>();
  const add = (line: string, cents: number) => spentByLine.set(line, (spentByLine.get(line) ?? 0) + cents);
  for (const c of categories) if (c.line) add(c.line, c.spentCents);
  add("10", processorFeesCents);
  add(
    "9",
    mileage.reduce((sum, m) => sum + m.valueCents, 0),
  );

  const lines = SCHEDULE_C_LINES.map(({ line, label }) => {
    const spentCents = spentByLine.get(line) ?? 0;
    return { line, label, spentCents, deductibleCents: deductibleOf(line, spentCents) };
  });
  const grossReceiptsCents = payers.reduce((sum, p) => sum + p.grossCents, 0);
  const totalExpensesCents = lines.reduce((sum, l) => sum + l.deductibleCents, 0);
  const uncategorized = categories.filter((c) => !c.line);
  const unreviewed = excluded.find((e) => e.classification === "unreviewed");
  return {
    range,
    grossReceiptsCents,
    returnsCents: payers.reduce((sum, p) => sum + p.returnsCents, 0),
    incomeCount: payers.reduce((sum, p) => sum + p.firstPartCount, 0),
    lines,
    processorFeesCents,
    mileage,
    totalSpentCents: lines.reduce((sum, l) => sum + l.spentCents, 0),
    totalExpensesCents,
    tentativeProfitCents: grossReceiptsCents - totalExpensesCents,
    expenseCount: categories.reduce((sum, c) => sum + c.firstPartCount, 0),
    uncategorizedExpenses: {
      count: uncategorized.reduce((sum, c) => sum + c.count, 0),
      spentCents: uncategorized.reduce((sum, c) => sum + c.spentCents, 0),
    },
    unreviewed: {
      count: unreviewed?.count ?? 0,
      inflowCents: unreviewed?.inflowCents ?? 0,
      outflowCents: unreviewed?.outflowCents ?? 0,
    },
    excluded,
  };
}
