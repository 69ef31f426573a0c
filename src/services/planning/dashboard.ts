import { and, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactions } from "../../db/schema/ledger.js";
import type { LedgerActor } from "../ledger/ledger-db.js";
import type { CategoryExpense, PayerIncome } from "../reports/breakdowns.js";
import type { MonthSummary } from "../reports/monthly.js";
import {
  computeScheduleC,
  expensesByCategory,
  incomeByPayer,
  monthlyIncomeAndExpenses,
  type ReportRange,
} from "../reports/schedule-c.js";
import { ledgerFiguresOf } from "./ledger-profit.js";
import { findPracticeToday, type YearProgress, yearProgress } from "./practice-calendar.js";
import { computeSetAside, type SetAside } from "./tax-set-aside.js";

/**
 * Everything the dashboard shows, in one request: the year's figures so far by the reports' own
 * computations (so they equal the P&L for the same dates), the tax set-aside, the monthly trend,
 * the payer mix, the largest expense categories and the review inbox.
 */

export const TOP_CATEGORIES = 5;

export type Dashboard = {
  year: number;
  today: string;
  progress: YearProgress;
  range: ReportRange;
  totals: { incomeCents: number; expensesCents: number; profitCents: number };
  setAside: SetAside;
  monthly: MonthSummary[];
  payerMix: PayerIncome[];
  topCategories: CategoryExpense[];
  /** Transactions waiting for review, of any date, and those dated in the range. */
  unreviewed: { count: number; inRangeCount: number };
};

async function countUnreviewed(db: Db, practiceId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(transactions)
    .where(and(eq(transactions.practiceId, practiceId), eq(transactions.classification, "unreviewed")));
  return Number(row?.n ?? 0);
}

export async function buildDashboard(
  db: Db,
  member: LedgerActor & { isOwner: boolean },
  requestedYear: number | undefined,
): Promise<Dashboard> {
  const { today, year: currentYear } = await findPracticeToday(db, member.practiceId);
  const year = requestedYear ?? currentYear;
  const progress = yearProgress(year, today);
  const range = { from: `${year}-01-01`, to: progress.through ?? `${year}-12-31` };
  const [summary, monthly, payerMix, categories, unreviewedCount] = await Promise.all([
    computeScheduleC(db, member.practiceId, range),
    monthlyIncomeAndExpenses(db, member.practiceId, range),
    incomeByPayer(db, member.practiceId, range),
    expensesByCategory(db, member.practiceId, range),
    countUnreviewed(db, member.practiceId),
  ]);
  const setAside = await computeSetAside(db, member, year, ledgerFiguresOf(summary));
  return {
    year,
    today,
    progress,
    range,
    totals: {
      incomeCents: summary.grossReceiptsCents,
      expensesCents: summary.totalExpensesCents,
      profitCents: summary.tentativeProfitCents,
    },
    setAside,
    monthly,
    payerMix,
    topCategories: [...categories]
      .sort((a, b) => b.deductibleCents - a.deductibleCents || a.name.localeCompare(b.name))
      .slice(0, TOP_CATEGORIES),
    unreviewed: { count: unreviewedCount, inRangeCount: summary.unreviewed.count },
  };
}
