import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";
import { jobs } from "../db/schema/jobs.js";
import { messageOf } from "../lib/error-message.js";
import type { Logger } from "../lib/logger.js";

export type JobContext = { attempt: number; jobId: number; log: Logger };
export type JobHandler = (payload: unknown, context: JobContext) => Promise<void>;

export type EnqueueOptions = {
  /** Run inside the caller's transaction, so the job exists only if the change commits. */
  executor?: Pick<Db, "insert">;
  runAt?: Date;
  maxAttempts?: number;
  /** The person the job concerns; deleting their account deletes the job. */
  userId?: string;
};

export type JobQueueOptions = {
  db: Db;
  logger: Logger;
  pollIntervalMs: number;
  /** The first retry waits this long; each further one twice as long, up to `maxBackoffMs`. */
  backoffBaseMs?: number;
  maxBackoffMs?: number;
  /** A running job whose worker has been silent this long is taken up again (crash, restart). */
  leaseMs?: number;
  concurrency?: number;
  /** Finished jobs are deleted after this long; failed ones are kept until someone acts. */
  keepDoneMs?: number;
};

export type JobQueue = ReturnType<typeof createJobQueue>;

const ERROR_TEXT_LIMIT = 2000;

export function computeBackoffMs(attempt: number, baseMs: number, maxMs: number): number {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  return Math.min(maxMs, exponential);
}

export function createJobQueue(options: JobQueueOptions) {
  const {
    db,
    logger,
    pollIntervalMs,
    backoffBaseMs = 5_000,
    maxBackoffMs = 3_600_000,
    leaseMs = 300_000,
    concurrency = 2,
    keepDoneMs = 7 * 24 * 3_600_000,
  } = options;
  const workerId = randomUUID();
  const handlers = new Map<string, JobHandler>();
  const inFlight = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let polling: Promise<void> | undefined;
  let lastCleanup = 0;

  async function enqueue(kind: string, payload: unknown, opts: EnqueueOptions = {}): Promise<number> {
    const executor = opts.executor ?? db;
    const [row] = await executor
      .insert(jobs)
      .values({
        kind,
        payload,
        userId: opts.userId ?? null,
        runAt: opts.runAt ?? new Date(),
        maxAttempts: opts.maxAttempts ?? 8,
      })
      .returning({ id: jobs.id });
    if (!row) throw new Error("enqueue returned no row");
    if (running && !opts.runAt) schedule(0);
    return row.id;
  }

  /** Claims due jobs of the kinds this process can run. SKIP LOCKED lets instances share the table. */
  async function claim(limit: number) {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0 || limit <= 0) return [];
    const leaseSeconds = Math.ceil(leaseMs / 1000);
    const kindList = sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    );
    const rows = await queryRows<{
      id: string | number;
      kind: string;
      payload: unknown;
      attempts: number;
      max_attempts: number;
    }>(
      db,
      sql`
      update jobs set status = 'running', attempts = attempts + 1, locked_at = now(), locked_by = ${workerId}
      where id in (
        select id from jobs
        where kind in (${kindList})
          and ((status = 'pending' and run_at <= now())
            or (status = 'running' and locked_at < now() - make_interval(secs => ${leaseSeconds})))
        order by run_at, id
        limit ${limit}
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts`,
    );
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async function runOne(job: {
    id: number;
    kind: string;
    payload: unknown;
    attempts: number;
    max_attempts: number;
  }) {
    const handler = handlers.get(job.kind);
    const log = logger.child({ jobId: job.id, jobKind: job.kind, attempt: job.attempts });
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(job.payload, { attempt: job.attempts, jobId: job.id, log });
      await db
        .update(jobs)
        .set({ status: "done", finishedAt: new Date(), lockedAt: null, lockedBy: null, lastError: null })
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
    } catch (error) {
      const message = messageOf(error).slice(0, ERROR_TEXT_LIMIT);
      // An error that says retrying cannot help (a vendor refused the request) ends the job now.
      const hopeless = (error as { retryable?: unknown } | null)?.retryable === false;
      const exhausted = hopeless || job.attempts >= job.max_attempts;
      const delay = computeBackoffMs(job.attempts, backoffBaseMs, maxBackoffMs);
      await db
        .update(jobs)
        .set(
          exhausted
            ? { status: "failed", finishedAt: new Date(), lockedAt: null, lockedBy: null, lastError: message }
            : {
                status: "pending",
                runAt: new Date(Date.now() + delay),
                lockedAt: null,
                lockedBy: null,
                lastError: message,
              },
        )
        .where(and(eq(jobs.id, job.id), eq(jobs.lockedBy, workerId)));
      if (exhausted) log.error({ err: message }, "job failed for good; kept as failed");
      else log.warn({ err: message, retryInMs: delay }, "job failed; will retry");
    }
  }

  /** Runs every job that is due now, and returns how many ran. */
  async function runDueJobs(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await claim(concurrency);
      if (batch.length === 0) return total;
      await Promise.all(batch.map(track));
      total += batch.length;
    }
  }

  function track(job: Awaited<ReturnType<typeof claim>>[number]): Promise<void> {
    const p = runOne(job).finally(() => inFlight.delete(p));
    inFlight.add(p);
    return p;
  }

  async function cleanUp() {
    if (Date.now() - lastCleanup < 3_600_000) return;
    lastCleanup = Date.now();
    await db
      .delete(jobs)
      .where(and(eq(jobs.status, "done"), lt(jobs.finishedAt, new Date(Date.now() - keepDoneMs))));
  }

  function schedule(delayMs: number) {
    if (!running) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (polling) {
        schedule(pollIntervalMs);
        return;
      }
      polling = (async () => {
        try {
          await runDueJobs();
          await cleanUp();
        } catch (error) {
          logger.error({ err: messageOf(error) }, "job poll failed");
        } finally {
          polling = undefined;
          schedule(pollIntervalMs);
        }
      })();
    }, delayMs);
    timer.unref();
  }

  return {
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },
    enqueue,
    runDueJobs,
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    /** Stops polling and waits for the jobs in progress to finish. */
    async stop() {
      running = false;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await polling;
      await Promise.allSettled([...inFlight]);
    },
  };
}
