import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { jobs } from "../../../src/db/schema/jobs.js";
import { createFieldCipher } from "../../../src/identity/field-encryption.js";
import {
  EMAIL_JOB_KIND,
  EMAIL_MAX_ATTEMPTS,
  enqueueEmail,
  type PayloadProtector,
  registerEmailJob,
} from "../../../src/integrations/email/email-job.js";
import { createMailgunSender } from "../../../src/integrations/email/mailgun-sender.js";
import { createOutboxSender, readOutbox } from "../../../src/integrations/email/outbox-sender.js";
import { createJobQueue } from "../../../src/jobs/queue.js";
import { createLogger } from "../../../src/lib/logger.js";
import { emailPayloadProtector } from "../../../src/services/mailer.js";
import { type FakeMailgun, startFakeMailgun } from "../../fakes/mailgun-server.js";
import { captureLogs, type LogCapture } from "../../support/test-app.js";
import { createTestDatabase } from "../../support/test-database.js";

/** The production protector (field encryption), so these tests also show the stored payload is not readable. */
function testProtector(): PayloadProtector {
  return emailPayloadProtector(createFieldCipher([{ id: "test", key: randomBytes(32) }]));
}

const TOKEN = "rst_Hq8ZpL2vN4xK7c";
const RECIPIENT = "therapist@example.com";
const resetEmail = {
  to: RECIPIENT,
  template: {
    kind: "password_reset" as const,
    resetUrl: `https://app.therapyledger.test/reset-password#token=${TOKEN}`,
  },
};

let database: Database;
let fake: FakeMailgun;
let logs: LogCapture;
let protect: PayloadProtector;

function setUp(options: { backoffBaseMs: number }) {
  const logger = createLogger({ level: "trace", destination: logs.stream });
  const queue = createJobQueue({
    db: database.db,
    logger,
    pollIntervalMs: 50,
    backoffBaseMs: options.backoffBaseMs,
  });
  const sender = createMailgunSender({
    apiKey: fake.apiKey,
    domain: fake.domain,
    url: fake.url,
    from: "TherapyLedger <no-reply@mg.therapyledger.test>",
  });
  registerEmailJob(queue, { sender, logger, protect });
  return queue;
}

async function onlyJob() {
  const rows = await database.db.select().from(jobs).where(eq(jobs.kind, EMAIL_JOB_KIND));
  expect(rows).toHaveLength(1);
  return rows[0] as typeof jobs.$inferSelect;
}

// One database for the file (a fresh one costs seconds); each test starts with no jobs.
beforeAll(async () => {
  fake = await startFakeMailgun();
  database = await createTestDatabase();
});
afterAll(async () => {
  await fake.close();
  await database.close();
});
beforeEach(async () => {
  await database.db.delete(jobs);
  logs = captureLogs();
  protect = testProtector();
  fake.messages.length = 0;
  fake.failNext(0, { status: 500 });
});
afterEach(async () => {
  // Logs must never carry the link's token or the Mailgun key, whatever happened in the test.
  expect(logs.text()).not.toContain(TOKEN);
  expect(logs.text()).not.toContain(fake.apiKey);
  expect(fake.unexpected).toEqual([]);
});

describe("email job", () => {
  it("enqueue, run: Mailgun receives the rendered email with the link", async () => {
    const queue = setUp({ backoffBaseMs: 0 });
    await enqueueEmail(queue, resetEmail, { protect });
    expect(await queue.runDueJobs()).toBe(1);

    expect(fake.messages).toHaveLength(1);
    const sent = fake.messages[0];
    expect(sent?.to).toEqual([RECIPIENT]);
    expect(sent?.subject).toBe("Reset your TherapyLedger password");
    expect(sent?.text).toContain(resetEmail.template.resetUrl);
    expect(sent?.html).toContain(resetEmail.template.resetUrl);
    expect((await onlyJob()).status).toBe("done");
    expect(logs.text()).toContain("email sent");
  });

  // Attack: someone with read access to the database (a backup, a support query) harvests reset
  // links from queued emails. The payload is sealed and holds template data, not rendered HTML.
  it("stores a sealed payload: neither the token nor the recipient is readable in the jobs table", async () => {
    const queue = setUp({ backoffBaseMs: 0 });
    await enqueueEmail(queue, resetEmail, { protect });
    const [row] = (
      (await database.db.execute(sql`select payload::text as payload from jobs`)) as unknown as {
        rows: { payload: string }[];
      }
    ).rows;
    expect(row?.payload).not.toContain(TOKEN);
    expect(row?.payload).not.toContain(RECIPIENT);
    const job = await onlyJob();
    const opened = JSON.parse(await protect.open((job.payload as { sealed: string }).sealed));
    expect(opened).toEqual(resetEmail);
    expect(job.maxAttempts).toBe(EMAIL_MAX_ATTEMPTS);
  });

  it("two 500s leave the job pending with the error; it later succeeds, delivering exactly once", async () => {
    // A long backoff, so each run does one attempt and the state between attempts is visible.
    const queue = setUp({ backoffBaseMs: 60_000 });
    fake.failNext(2, { status: 500 });
    await enqueueEmail(queue, resetEmail, { protect });

    expect(await queue.runDueJobs()).toBe(1);
    let job = await onlyJob();
    expect(job).toMatchObject({ status: "pending", attempts: 1 });
    expect(job.lastError).toContain("500");
    expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await queue.runDueJobs()).toBe(0);

    for (const attempt of [2, 3]) {
      await database.db.update(jobs).set({ runAt: new Date(Date.now() - 1000) });
      expect(await queue.runDueJobs()).toBe(1);
      job = await onlyJob();
      expect(job.attempts).toBe(attempt);
    }
    expect(job.status).toBe("done");
    expect(fake.messages).toHaveLength(1);
  });

  it("a rejection (400) never loses the message: the job is kept with its payload and error", async () => {
    const queue = setUp({ backoffBaseMs: 0 });
    fake.failNext(Number.POSITIVE_INFINITY, {
      status: 400,
      body: { message: "'to' parameter is not a valid address" },
    });
    await enqueueEmail(queue, resetEmail, { protect });
    await queue.runDueJobs();

    const job = await onlyJob();
    // Retrying a rejection cannot help, and with no backoff the attempts run out at once.
    expect(job.status).toBe("failed");
    expect(job.lastError).toContain("400");
    expect(job.lastError).toContain("not a valid address");
    // The sealed payload is intact, so the email can be re-queued once the cause is fixed.
    expect(JSON.parse(await protect.open((job.payload as { sealed: string }).sealed))).toEqual(resetEmail);
    expect(fake.messages).toHaveLength(0);
    expect(logs.text()).toContain("retrying will not help");
  });

  it("an email enqueued in a transaction that rolls back is never sent", async () => {
    const queue = setUp({ backoffBaseMs: 0 });
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueEmail(queue, resetEmail, { protect, executor: tx });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await queue.runDueJobs()).toBe(0);
    expect(fake.messages).toHaveLength(0);
  });

  it("refuses bad data at enqueue time, in the caller", async () => {
    const queue = setUp({ backoffBaseMs: 0 });
    // Mailgun reads a comma in `to` as a second recipient.
    await expect(
      enqueueEmail(queue, { ...resetEmail, to: "a@example.com, b@example.com" }, { protect }),
    ).rejects.toThrow();
    await expect(
      enqueueEmail(
        queue,
        { to: RECIPIENT, template: { kind: "password_reset", resetUrl: "javascript:alert(1)" } },
        { protect },
      ),
    ).rejects.toThrow();
    expect(await database.db.select().from(jobs)).toHaveLength(0);
  });

  it("stamps security notices with the time they were enqueued", async () => {
    const queue = setUp({ backoffBaseMs: 0 });
    await enqueueEmail(queue, { to: RECIPIENT, template: { kind: "two_factor_disabled" } }, { protect });
    const job = await onlyJob();
    const opened = JSON.parse(await protect.open((job.payload as { sealed: string }).sealed));
    expect(Date.now() - Date.parse(opened.template.occurredAt)).toBeLessThan(60_000);
    await queue.runDueJobs();
    expect(fake.messages[0]?.text).toMatch(/turned off for your account on .+ UTC/);
  });

  it("works with the outbox sender too", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-outbox-job-"));
    try {
      const logger = createLogger({ level: "info", destination: logs.stream });
      const queue = createJobQueue({ db: database.db, logger, pollIntervalMs: 50, backoffBaseMs: 0 });
      registerEmailJob(queue, { sender: createOutboxSender({ dir, logger }), logger, protect });
      await enqueueEmail(queue, resetEmail, { protect });
      await queue.runDueJobs();
      const [message] = await readOutbox(dir);
      expect(message?.to).toBe(RECIPIENT);
      expect(message?.text).toContain(resetEmail.template.resetUrl);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
