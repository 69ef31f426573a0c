import { sql } from "drizzle-orm";
import type { ReportDb, ReportExecutor } from "./report-range.js";

/**
 * Runs a report's queries in one REPEATABLE READ, READ ONLY transaction, so every figure of the
 * report (lines, counts, totals) comes from the same snapshot even while someone edits the ledger.
 * The queries inside run one after another: a transaction is one connection.
 *
 * JIT is turned off for it: over a range of several years the sums of a large practice pass
 * `jit_above_cost`, and PostgreSQL would spend tens of milliseconds compiling expressions for
 * grouped sums that run in less; the planner also overestimates the split rows (it cannot know
 * that only split transactions lack a payer), which inflates the cost further.
 */
export function inReportSnapshot<T>(db: ReportDb, run: (tx: ReportExecutor) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return run(tx);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
