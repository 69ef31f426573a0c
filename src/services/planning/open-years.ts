import { ApiError } from "../../http/errors.js";
import { findClosedYears } from "../ledger/closed-years.js";
import type { Executor } from "../ledger/ledger-db.js";

/**
 * Refuses (409 period_closed, as for transactions) a change to what makes up a closed year's
 * Schedule C; `what` names it in the message. Call inside the change's database transaction: it
 * takes the practice's share lock, so a concurrent close waits for the change or sees it.
 */
export async function requireOpenYearsFor(
  tx: Executor,
  practiceId: string,
  dates: string[],
  what: string,
): Promise<void> {
  const closed = await findClosedYears(tx, practiceId, dates);
  if (closed.length === 0) return;
  const list = closed.join(" and ");
  throw new ApiError(
    409,
    "period_closed",
    `${list} ${closed.length > 1 ? "are" : "is"} closed: ${what} cannot change. An Owner or Admin can reopen the year.`,
    { closedYears: closed },
  );
}
