/**
 * This range against the same range a year earlier: every Schedule C line's deductible amount,
 * gross receipts, total expenses and tentative profit, with the change in cents and in basis
 * points of the earlier figure (null when the earlier figure is zero).
 */

import { SCHEDULE_C_LINES, type ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import { BASIS_POINTS_PER_WHOLE, mulDivCents } from "../../domain/money.js";
import type { ReportDb, ReportRange } from "./report-range.js";
import { type ScheduleCSummary, scheduleCIn } from "./schedule-c.js";
import { inReportSnapshot } from "./snapshot.js";

export type Comparison = {
  currentCents: number;
  previousCents: number;
  changeCents: number;
  changeBasisPoints: number | null;
};

export type YearOverYear = {
  range: ReportRange;
  previousRange: ReportRange;
  grossReceipts: Comparison;
  lines: ({ line: ScheduleCLineCode; label: string } & Comparison)[];
  totalExpenses: Comparison;
  tentativeProfit: Comparison;
};

function isLastDayOfFebruary(year: number, month: number, day: number): boolean {
  return month === 2 && day === new Date(Date.UTC(year, 2, 0)).getUTCDate();
}

/** The same day a year earlier; the last day of February stays the last day of February. */
export function aYearEarlier(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const earlier = year - 1;
  const lastOfFeb = new Date(Date.UTC(earlier, 2, 0)).getUTCDate();
  const newDay = isLastDayOfFebruary(year, month, day) ? lastOfFeb : day;
  return `${String(earlier).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(newDay).padStart(2, "0")}`;
}

export function compare(currentCents: number, previousCents: number): Comparison {
  const changeCents = currentCents - previousCents;
  return {
    currentCents,
    previousCents,
    changeCents,
    changeBasisPoints:
      previousCents === 0 ? null : mulDivCents(changeCents, BASIS_POINTS_PER_WHOLE, Math.abs(previousCents)),
  };
}

export function compareSummaries(current: ScheduleCSummary, previous: ScheduleCSummary): YearOverYear {
  const previousLine = new Map(previous.lines.map((l) => [l.line, l.deductibleCents]));
  return {
    range: current.range,
    previousRange: previous.range,
    grossReceipts: compare(current.grossReceiptsCents, previous.grossReceiptsCents),
    lines: SCHEDULE_C_LINES.map(({ line, label }) => ({
      line,
      label,
      ...compare(
        current.lines.find((l) => l.line === line)?.deductibleCents ?? 0,
        previousLine.get(line) ?? 0,
      ),
    })),
    totalExpenses: compare(current.totalExpensesCents, previous.totalExpensesCents),
    tentativeProfit: compare(current.tentativeProfitCents, previous.tentativeProfitCents),
  };
}

/** Both ranges' P&L from one snapshot of the ledger. */
export async function yearOverYear(
  db: ReportDb,
  practiceId: string,
  range: ReportRange,
): Promise<YearOverYear> {
  const previousRange = { from: aYearEarlier(range.from), to: aYearEarlier(range.to) };
  const { current, previous } = await inReportSnapshot(db, async (tx) => ({
    current: await scheduleCIn(tx, practiceId, range),
    previous: await scheduleCIn(tx, practiceId, previousRange),
  }));
  return compareSummaries(current, previous);
}
