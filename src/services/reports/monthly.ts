/**
 * The month-by-month trend: gross receipts and deductible expenses per calendar month of the
 * range, every month listed (zeros included). Each month is worked out like the P&L (fees on line
 * 10, meals at 50%, the mileage log at the standard rate when the year uses it), but rounded per
 * month, so the months of a year can differ from the yearly P&L by a cent per month on lines 9
 * and 24b. Expenses with no category are left out, as in the P&L.
 */
import type { ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import { deductibleOf } from "./deductible.js";
import { sumExpensesByMonthAndLine, sumIncomeByMonth } from "./ledger-aggregates.js";
import { loadMileageDays, loadVehicleMethods, valueDays } from "./mileage-value.js";
import type { ReportDb, ReportRange } from "./report-range.js";
import { inReportSnapshot } from "./snapshot.js";

export type MonthSummary = { month: string; incomeCents: number; expenseCents: number; netCents: number };

/** "YYYY-MM" for every month from the range's first to its last. */
export function monthsOf(range: ReportRange): string[] {
  const months: string[] = [];
  let year = Number(range.from.slice(0, 4));
  let month = Number(range.from.slice(5, 7));
  const last = range.to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

export async function monthlyIncomeAndExpenses(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<MonthSummary[]> {
  const { income, spending, days, methods } = await inReportSnapshot(db, async (tx) => ({
    income: await sumIncomeByMonth(tx, practiceId, range),
    spending: await sumExpensesByMonthAndLine(tx, practiceId, range),
    days: await loadMileageDays(tx, practiceId, range),
    methods: await loadVehicleMethods(tx, practiceId, range),
  }));
  const incomeByMonth = new Map(income.map((m) => [m.month, m]));
  return monthsOf(range).map((month) => {
    const received = incomeByMonth.get(month);
    const spentByLine = new Map<ScheduleCLineCode, number>();
    for (const s of spending) {
      if (s.month === month) spentByLine.set(s.line, (spentByLine.get(s.line) ?? 0) + s.spentCents);
    }
    let expenseCents = received?.feesCents ?? 0;
    for (const [line, spent] of spentByLine) expenseCents += deductibleOf(line, spent);
    const year = Number(month.slice(0, 4));
    const trips = days.filter((d) => d.date.startsWith(`${month}-`));
    expenseCents += valueDays(year, methods.get(year) ?? "standard_mileage", trips).valueCents;
    const incomeCents = received?.grossCents ?? 0;
    return { month, incomeCents, expenseCents, netCents: incomeCents - expenseCents };
  });
}

export type MonthlyReport = {
  range: ReportRange;
  months: MonthSummary[];
  totals: { incomeCents: number; expenseCents: number; netCents: number };
};

export async function monthlyReport(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<MonthlyReport> {
  const months = await monthlyIncomeAndExpenses(db, practiceId, range);
  const incomeCents = months.reduce((sum, m) => sum + m.incomeCents, 0);
  const expenseCents = months.reduce((sum, m) => sum + m.expenseCents, 0);
  return { range, months, totals: { incomeCents, expenseCents, netCents: incomeCents - expenseCents } };
}
