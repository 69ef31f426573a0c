import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { closedPeriods } from "../../db/schema/ledger.js";
import { practices } from "../../db/schema/practices.js";
import { yearOf } from "../../domain/ledger/classification.js";
import { ApiError } from "../../http/errors.js";
import type { AuthContext } from "../auth/auth-context.js";
import { recordPracticeEvent } from "../practices/practice-events.js";
import { type Executor, exclusiveLockPractice, type LedgerActor, shareLockPractice } from "./ledger-db.js";

export async function listClosedYears(db: Db, practiceId: string) {
  return db
    .select({ year: closedPeriods.year, closedAt: closedPeriods.closedAt })
    .from(closedPeriods)
    .where(eq(closedPeriods.practiceId, practiceId))
    .orderBy(asc(closedPeriods.year));
}

/** Which of the dates' years are closed; takes the practice's share lock first (ledger-db.ts). */
export async function findClosedYears(tx: Executor, practiceId: string, dates: string[]): Promise<number[]> {
  await shareLockPractice(tx, practiceId);
  const years = [...new Set(dates.map(yearOf))];
  if (years.length === 0) return [];
  const rows = await tx
    .select({ year: closedPeriods.year })
    .from(closedPeriods)
    .where(and(eq(closedPeriods.practiceId, practiceId), inArray(closedPeriods.year, years)));
  return rows.map((r) => r.year).sort();
}

/** Refuses (409) a change touching a date in a closed year; call inside the change's transaction. */
export async function requireOpenYears(tx: Executor, practiceId: string, dates: string[]): Promise<void> {
  const closed = await findClosedYears(tx, practiceId, dates);
  if (closed.length > 0) throw periodClosed(closed);
}

export function periodClosed(years: number[]): ApiError {
  const list = years.join(" and ");
  return new ApiError(
    409,
    "period_closed",
    `${list} ${years.length > 1 ? "are" : "is"} closed: transactions dated in a closed year cannot be ` +
      "added, changed or deleted. An Owner or Admin can reopen the year.",
    { closedYears: years },
  );
}

function currentYearIn(timeZone: string, now = new Date()): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(now));
}

/** Closes a year that has ended (in the practice's time zone); recorded as a practice event. */
export async function closeYear(
  ctx: AuthContext,
  actor: LedgerActor,
  year: number,
): Promise<{ closedAt: Date }> {
  return ctx.deps.database.db.transaction(async (tx) => {
    await exclusiveLockPractice(tx, actor.practiceId);
    const [practice] = await tx
      .select({ timeZone: practices.timeZone })
      .from(practices)
      .where(eq(practices.id, actor.practiceId));
    const current = currentYearIn(practice?.timeZone ?? "UTC");
    if (year >= current) {
      throw new ApiError(409, "conflict", `${year} has not ended yet; only a past year can be closed.`);
    }
    const [row] = await tx
      .insert(closedPeriods)
      .values({ practiceId: actor.practiceId, year, closedBy: actor.userId })
      .onConflictDoNothing()
      .returning({ closedAt: closedPeriods.closedAt });
    if (!row) throw new ApiError(409, "conflict", `${year} is already closed.`);
    await recordPracticeEvent(tx, {
      practiceId: actor.practiceId,
      type: "year_closed",
      actorUserId: actor.userId,
      ip: ctx.origin.ip,
      details: { year },
    });
    return row;
  });
}

/** Reopens a closed year so its transactions can change again; recorded as a practice event. */
export async function reopenYear(ctx: AuthContext, actor: LedgerActor, year: number): Promise<void> {
  await ctx.deps.database.db.transaction(async (tx) => {
    await exclusiveLockPractice(tx, actor.practiceId);
    const removed = await tx
      .delete(closedPeriods)
      .where(and(eq(closedPeriods.practiceId, actor.practiceId), eq(closedPeriods.year, year)))
      .returning({ year: closedPeriods.year });
    if (removed.length === 0) throw new ApiError(404, "not_found", `${year} is not closed.`);
    await recordPracticeEvent(tx, {
      practiceId: actor.practiceId,
      type: "year_reopened",
      actorUserId: actor.userId,
      ip: ctx.origin.ip,
      details: { year },
    });
  });
}
