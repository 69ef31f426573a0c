import { eq } from "drizzle-orm";
import { practices } from "../../db/schema/practices.js";
import type { Executor } from "../ledger/ledger-db.js";

/**
 * Serialises changes to the order of a practice's rules (adding one at the end, reordering) for
 * the rest of the transaction. It takes FOR NO KEY UPDATE on the practice's row: that conflicts
 * with itself, so two such changes run one after the other, but not with the FOR KEY SHARE every
 * change to transactions takes (ledger-db.ts), so classifying never waits for a reorder.
 * Take it first in a transaction, before the ledger's share lock, so that nothing upgrades a lock
 * it already holds while a year's close waits in between.
 */
export async function lockRuleOrder(tx: Executor, practiceId: string): Promise<void> {
  await tx
    .select({ id: practices.id })
    .from(practices)
    .where(eq(practices.id, practiceId))
    .for("no key update");
}
