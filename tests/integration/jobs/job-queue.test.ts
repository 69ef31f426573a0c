import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { jobs } from "../../../src/db/schema/jobs.js";
import { listJobs, retryFailedJob } from "../../../src/jobs/job-admin.js";
import { computeBackoffMs, createJobQueue } from "../../../src/jobs/queue.js";
import { createLogger } from "../../../src/lib/logger.js";
import { captureLogs } from "../../support/test-app.js";
import { createTestDatabase } from "../../support/test-database.js";

let database: Database;
const logs = captureLogs();
const logger = createLogger({ level: "info", destination: logs.stream });

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

function queue(options: { backoffBaseMs?: number; leaseMs?: number } = {}) {
  return createJobQueue({ db: database.db, logger, pollIntervalMs: 20, backoffBaseMs: 0, ...options });
}

async function jobRow(id: number) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  return row;
}

describe("the job queue", () => {
  it("runs a job once and marks it done", async () => {
    const q = queue();
    const seen: unknown[] = [];
    q.register("test.ok", async (payload) => {
      seen.push(payload);
    });
    const id = await q.enqueue("test.ok", { n: 1 });
    expect(await q.runDueJobs()).toBe(1);
    expect(await q.runDueJobs()).toBe(0);
    expect(seen).toEqual([{ n: 1 }]);
    expect((await jobRow(id))?.status).toBe("done");
  });

  it("retries with exponential backoff, then keeps a job that fails for good, visible and retryable", async () => {
    expect([1, 2, 3, 4].map((a) => computeBackoffMs(a, 5000, 3_600_000))).toEqual([
      5000, 10000, 20000, 40000,
    ]);
    expect(computeBackoffMs(20, 5000, 3_600_000)).toBe(3_600_000);
    const q = queue();
    let calls = 0;
    q.register("test.flaky", async () => {
      calls += 1;
      throw new Error(`vendor said no (${calls})`);
    });
    const id = await q.enqueue("test.flaky", {}, { maxAttempts: 3 });
    // With no backoff each retry is due at once, so one pass runs all three attempts.
    await q.runDueJobs();
    expect(await jobRow(id)).toMatchObject({
      status: "failed",
      attempts: 3,
      lastError: "vendor said no (3)",
    });
    expect(calls).toBe(3);
    const failed = await listJobs(database.db, { status: "failed" });
    expect(failed.map((j) => j.id)).toContain(id);
    expect(await retryFailedJob(database.db, id)).toBe(true);
    expect(await jobRow(id)).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("waits out the backoff before trying again", async () => {
    const q = queue({ backoffBaseMs: 60_000 });
    q.register("test.later", async () => {
      throw new Error("not yet");
    });
    const id = await q.enqueue("test.later", {});
    await q.runDueJobs();
    const row = await jobRow(id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastError: "not yet" });
    expect((row?.runAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(50_000);
    expect(await q.runDueJobs()).toBe(0);
  });

  it("an error that says retrying cannot help fails the job at once", async () => {
    const q = queue();
    q.register("test.hopeless", async () => {
      throw Object.assign(new Error("rejected"), { retryable: false });
    });
    const id = await q.enqueue("test.hopeless", {}, { maxAttempts: 10 });
    await q.runDueJobs();
    expect(await jobRow(id)).toMatchObject({ status: "failed", attempts: 1 });
  });

  it("work survives a restart: a job left running by a dead worker is taken up after its lease", async () => {
    const id = await queue().enqueue("test.orphan", { n: 2 });
    await database.db.execute(
      sql`update jobs set status = 'running', locked_by = 'a-worker-that-died', locked_at = now() - interval '10 minutes' where id = ${id}`,
    );
    const restarted = queue({ leaseMs: 60_000 });
    const seen: unknown[] = [];
    restarted.register("test.orphan", async (payload) => {
      seen.push(payload);
    });
    expect(await restarted.runDueJobs()).toBe(1);
    expect(seen).toEqual([{ n: 2 }]);
    expect((await jobRow(id))?.status).toBe("done");
  });

  it("the polling worker picks up new jobs by itself and stops cleanly", async () => {
    const q = queue();
    const done = new Promise<void>((resolve) => q.register("test.poll", async () => resolve()));
    q.start();
    await q.enqueue("test.poll", {});
    await done;
    await q.stop();
  });
});
