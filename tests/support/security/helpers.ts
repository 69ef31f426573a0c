import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { sessions } from "../../../src/db/schema/identity.js";
import { readOutbox } from "../../../src/integrations/email/outbox-sender.js";
import { TestClient } from "../http-client.js";
import { createTestApp, type TestApp } from "../test-app.js";
import { createTestDatabase } from "../test-database.js";

export type ErrorJson = { error: { code: string; message: string; details?: unknown } };

/** The `error` object of a JSON error answer. */
export async function errorOf(res: Response): Promise<ErrorJson["error"]> {
  const body = (await res.json()) as ErrorJson;
  return body.error;
}

/**
 * An app on a PostgreSQL database with a pool large enough for requests to really run at once.
 * Only meaningful with TEST_DATABASE_URL set: PGlite serialises every query.
 */
export async function createConcurrencyApp(): Promise<TestApp> {
  return createTestApp({ database: await createTestDatabase({ poolSize: 12 }) });
}

/** Signs in with the password of a two-factor account; the client then holds a pending session. */
export async function signInPending(
  t: Pick<TestApp, "request">,
  email: string,
  password: string,
  client: TestClient = new TestClient(t),
): Promise<TestClient> {
  const res = await client.post("/api/auth/login", { email, password });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(await res.json()).toMatchObject({ mfaRequired: true });
  return client;
}

/**
 * With `Date` faked the app computes in the simulated time but PostgreSQL's clock does not
 * follow: move the user's sessions' `last_seen_at` to the simulated now, or they look idle.
 */
export async function alignSessionClock(t: TestApp, userId: string): Promise<void> {
  await t.database.db
    .update(sessions)
    .set({ lastSeenAt: new Date(Date.now()) })
    .where(eq(sessions.userId, userId));
}

/** Every row of every table in every non-system schema, each as its text form. */
export async function dumpDatabase(t: TestApp): Promise<string> {
  const db = t.database.db;
  const tables = await queryRows<{ table_schema: string; table_name: string }>(
    db,
    sql`select table_schema, table_name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by table_schema, table_name`,
  );
  expect(tables.some((r) => r.table_name === "users")).toBe(true);
  const parts: string[] = [];
  for (const { table_schema, table_name } of tables) {
    const ident = sql.raw(`"${table_schema.replace(/"/g, '""')}"."${table_name.replace(/"/g, '""')}"`);
    const rows = await queryRows<{ row: string }>(db, sql`select r::text as row from ${ident} r`);
    parts.push(`-- ${table_schema}.${table_name}`, ...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

/**
 * Closes a test app whose database may already be closed (the forced-500 test closes it on
 * purpose): removes its data folder without closing the database twice.
 */
export async function disposeAfterDatabaseClosed(t: TestApp): Promise<void> {
  await t.deps.queue.stop();
  fs.rmSync(t.deps.config.dataDir, { recursive: true, force: true });
}

/** Sends the queued email to the outbox and answers the messages to `email`, oldest first. */
export async function outboxFor(t: TestApp, email: string) {
  await t.deps.queue.runDueJobs();
  const outbox = await readOutbox(path.join(t.deps.config.dataDir, "outbox"));
  return outbox.filter((m) => m.to === email);
}

/** The link tokens mailed to `email` in messages whose subject matches, oldest first. */
export async function mailedTokens(t: TestApp, email: string, subject: RegExp): Promise<string[]> {
  return (await outboxFor(t, email))
    .filter((m) => subject.test(m.subject))
    .map((m) => /#token=([A-Za-z0-9_.~%-]+)/.exec(m.text)?.[1])
    .filter((token): token is string => token !== undefined)
    .map((token) => decodeURIComponent(token));
}

/**
 * For the tests that make a hundred requests, run bcrypt at cost 12 or build an extra app: they
 * take seconds alone and far longer on a loaded machine, so they get more than the default 30 s.
 */
export const SLOW = { timeout: 120_000 } as const;
