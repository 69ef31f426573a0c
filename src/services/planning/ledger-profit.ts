import type { Db } from "../../db/client.js";
import { mulDivCents } from "../../domain/money.js";
import { computeScheduleC, type ScheduleCSummary } from "../reports/schedule-c.js";
import { type YearProgress, yearProgress } from "./practice-calendar.js";

/**
 * What the ledger says of a tax year's profit so far (Schedule C line 29, the mileage log on line
 * 9 included, by the reports' own computation), and, for a year in progress, the annualised
 * projection: profit so far × days in the year ÷ days elapsed. A practice's income is seasonal, so
 * the projection is a rough guide that sharpens as the year goes on; the plan shows both.
 */

export type LedgerFigures = {
  grossReceiptsCents: number;
  totalExpensesCents: number;
  profitCents: number;
  /** Schedule C line 26, wages the practice paid (for the QBI wage limit). */
  wagesPaidCents: number;
};

/** The figures the tax computation takes from the ledger. */
export type ProfitFigures = { profitCents: number; wagesPaidCents: number };

export type LedgerProfit = {
  progress: YearProgress;
  yearToDate: LedgerFigures;
  /** Only for a year in progress. */
  projectedFullYear: ProfitFigures | null;
  /** Which figures the tax is computed on. */
  basis: "full_year" | "projected_full_year" | "entered_so_far";
  used: ProfitFigures;
};

/** The P&L's figures the planner uses. */
export function ledgerFiguresOf(summary: ScheduleCSummary): LedgerFigures {
  return {
    grossReceiptsCents: summary.grossReceiptsCents,
    totalExpensesCents: summary.totalExpensesCents,
    profitCents: summary.tentativeProfitCents,
    wagesPaidCents: summary.lines.find((l) => l.line === "26")?.deductibleCents ?? 0,
  };
}

function project(figures: LedgerFigures, progress: YearProgress): ProfitFigures {
  const scale = (cents: number) => mulDivCents(cents, progress.daysInYear, progress.daysElapsed);
  return { profitCents: scale(figures.profitCents), wagesPaidCents: scale(figures.wagesPaidCents) };
}

export async function readLedgerProfit(
  db: Db,
  practiceId: string,
  year: number,
  today: string,
): Promise<LedgerProfit> {
  const progress = yearProgress(year, today);
  // A year not started yet counts whatever is already dated in it.
  const summary = await computeScheduleC(db, practiceId, {
    from: `${year}-01-01`,
    to: progress.through ?? `${year}-12-31`,
  });
  const yearToDate = ledgerFiguresOf(summary);
  if (progress.status === "in_progress") {
    const projected = project(yearToDate, progress);
    return {
      progress,
      yearToDate,
      projectedFullYear: projected,
      basis: "projected_full_year",
      used: projected,
    };
  }
  return {
    progress,
    yearToDate,
    projectedFullYear: null,
    basis: progress.status === "ended" ? "full_year" : "entered_so_far",
    used: yearToDate,
  };
}
