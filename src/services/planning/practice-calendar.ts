import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { practices } from "../../db/schema/practices.js";
import { notFoundIn } from "../ledger/ledger-db.js";

/**
 * Dates as the practice sees them: "today" and "this year" follow the practice's time zone, so a
 * therapist in Honolulu does not see next year's dashboard at 2 p.m. on December 31.
 */

const MS_PER_DAY = 86_400_000;

export type PracticeToday = { today: string; year: number; timeZone: string };

/** YYYY-MM-DD of `now` in `timeZone`. */
export function isoDateIn(timeZone: string, now = new Date()): string {
  // en-CA formats a date as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export async function findPracticeToday(
  db: Db,
  practiceId: string,
  now = new Date(),
): Promise<PracticeToday> {
  const [row] = await db
    .select({ timeZone: practices.timeZone })
    .from(practices)
    .where(eq(practices.id, practiceId));
  if (!row) throw notFoundIn("practice");
  const today = isoDateIn(row.timeZone, now);
  return { today, year: Number(today.slice(0, 4)), timeZone: row.timeZone };
}

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / MS_PER_DAY;
}

/** 1 for January 1. */
export function dayOfYear(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return (Date.parse(`${isoDate}T00:00:00Z`) - Date.UTC(year, 0, 1)) / MS_PER_DAY + 1;
}

export type YearProgress = {
  status: "ended" | "in_progress" | "not_started";
  /** The last date counted "so far": December 31 for an ended year, today for the current one. */
  through: string | null;
  daysElapsed: number;
  daysInYear: number;
};

/** How far a calendar year has gone, seen from `today`. */
export function yearProgress(year: number, today: string): YearProgress {
  const total = daysInYear(year);
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear)
    return { status: "ended", through: `${year}-12-31`, daysElapsed: total, daysInYear: total };
  if (year > currentYear) return { status: "not_started", through: null, daysElapsed: 0, daysInYear: total };
  return { status: "in_progress", through: today, daysElapsed: dayOfYear(today), daysInYear: total };
}
