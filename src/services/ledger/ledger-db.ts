import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { practices } from "../../db/schema/practices.js";
import type { Issue } from "../../domain/ledger/classification.js";
import { ApiError } from "../../http/errors.js";

/** The database or a transaction: what the ledger's queries need. */
export type Executor = Pick<Db, "select" | "insert" | "update" | "delete" | "execute">;

/** Who is acting, in which practice: the membership the access check established. */
export type LedgerActor = { practiceId: string; userId: string };

export function invalid(issues: Issue[], message = "Some fields are missing or invalid."): ApiError {
  return new ApiError(400, "validation_failed", message, issues);
}

export function notFoundIn(what: string): ApiError {
  return new ApiError(404, "not_found", `No such ${what} in this practice.`);
}

/**
 * Takes a share lock on the practice's row for the rest of the transaction. Every change to
 * transactions takes it (KEY SHARE, so changes do not wait for each other), and closing a year
 * takes the exclusive lock (see closed-years.ts): a change that checked its year was open
 * commits before the year closes, or waits and sees it closed.
 */
export async function shareLockPractice(tx: Executor, practiceId: string): Promise<void> {
  await tx.select({ id: practices.id }).from(practices).where(eq(practices.id, practiceId)).for("key share");
}

export async function exclusiveLockPractice(tx: Executor, practiceId: string): Promise<void> {
  await tx.select({ id: practices.id }).from(practices).where(eq(practices.id, practiceId)).for("update");
}

/** Only the properties present in `patch` (undefined means "not given"). */
export function given<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
