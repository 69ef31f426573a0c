import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type JobStatus, jobs } from "../db/schema/jobs.js";

/** Jobs for an operator to look at: the failed ones first of all. Payloads are not shown. */
export async function listJobs(db: Db, options: { status?: JobStatus; limit?: number } = {}) {
  return db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      attempts: jobs.attempts,
      maxAttempts: jobs.maxAttempts,
      runAt: jobs.runAt,
      lastError: jobs.lastError,
      createdAt: jobs.createdAt,
      finishedAt: jobs.finishedAt,
    })
    .from(jobs)
    .where(options.status ? eq(jobs.status, options.status) : undefined)
    .orderBy(desc(jobs.createdAt))
    .limit(options.limit ?? 50);
}

/** Puts a failed job back in line with a fresh set of attempts. */
export async function retryFailedJob(db: Db, id: number): Promise<boolean> {
  const updated = await db
    .update(jobs)
    .set({ status: "pending", attempts: 0, runAt: sql`now()`, finishedAt: null })
    .where(and(eq(jobs.id, id), eq(jobs.status, "failed")))
    .returning({ id: jobs.id });
  return updated.length > 0;
}
