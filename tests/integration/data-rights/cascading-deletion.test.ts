import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { userIdentities } from "../../../src/db/schema/practices.js";
import { type Account, registerAccount, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import {
  countSurvivingRows,
  findOwnedRows,
  listForeignKeys,
  listPublicTables,
  ownershipCondition,
} from "../../support/ownership.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { seedLedgerRows } from "../ledger/ledger-support.js";

/**
 * Tables that hold no row belonging to a person through a foreign key, and why. Anything else
 * must be reachable from `users` by cascading foreign keys, or this test fails: a new table
 * cannot slip past account deletion unnoticed.
 */
const NOT_OWNED: Record<string, string> = {
  rate_limit_counters: "keyed by address or IP; a user's keys are deleted with the account (checked below)",
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Uses the account the way a person does, so that it leaves rows in every table. */
async function seedEverything(account: Account): Promise<{ secret: string }> {
  const created = await account.client.post("/api/practices", {
    name: `Practice of ${account.email}`,
    timeZone: "America/Denver",
  });
  expect(created.status).toBe(201);
  const { practice } = (await created.json()) as { practice: { id: string } };
  await account.client.post(`/api/practices/${practice.id}/invitations`, {
    email: "colleague@example.com",
    role: "user",
  });
  await seedLedgerRows(account, practice.id);
  const { secret } = await turnOnTwoFactor(account.client);
  // A connected Google identity (the SSO flow itself is tested in tests/integration/sso).
  await t.database.db.insert(userIdentities).values({
    userId: account.userId,
    provider: "google",
    issuer: "https://accounts.google.com",
    subject: `google-${account.userId}`,
    email: account.email,
  });
  await account.client.post("/api/auth/password/forgot", { email: account.email });
  await account.client.post("/api/me/email/verification");
  // A failed sign-in leaves a counter and a security event.
  await new TestClient(t).post("/api/auth/login", { email: account.email, password: "not the password" });
  return { secret };
}

describe("cascading deletion", () => {
  it("every foreign key cascades or, for a column that only names an actor, sets null", async () => {
    const keys = await listForeignKeys(t.database.db);
    const wrong = keys.filter((k) => k.deleteRule !== "CASCADE" && k.deleteRule !== "SET NULL");
    expect(wrong).toEqual([]);
  });

  it("every table belongs to a user through cascading keys, or is listed with a reason", async () => {
    const keys = await listForeignKeys(t.database.db);
    const tables = await listPublicTables(t.database.db);
    const orphans = tables.filter((table) => !NOT_OWNED[table] && !ownershipCondition(table, "x", keys));
    expect(orphans).toEqual([]);
  });

  it("deleting an account removes every row of theirs in every table and leaves others untouched", async () => {
    const db = t.database.db;
    const doomed = await registerAccount(t);
    const bystander = await registerAccount(t);
    const { secret } = await seedEverything(doomed);
    await seedEverything(bystander);
    const keys = await listForeignKeys(db);
    const owned = (await listPublicTables(db)).filter((table) => !NOT_OWNED[table]);

    const mine = new Map<string, string[]>();
    const theirs = new Map<string, string[]>();
    for (const table of owned) {
      const rows = await findOwnedRows(db, table, doomed.userId, keys);
      expect(rows.length, `the seed should leave a row in ${table}`).toBeGreaterThan(0);
      mine.set(table, rows);
      theirs.set(table, await findOwnedRows(db, table, bystander.userId, keys));
    }
    const oldCookie = doomed.client.sessionCookie();

    const res = await doomed.client.delete("/api/me", { password: doomed.password, code: totpCode(secret) });
    expect(res.status, await res.clone().text()).toBe(204);

    for (const table of owned) {
      expect(await countSurvivingRows(db, table, mine.get(table) ?? []), table).toBe(0);
      const kept = theirs.get(table) ?? [];
      expect(await countSurvivingRows(db, table, kept), table).toBe(kept.length);
    }
    const counters = await queryRows<{ key: string }>(db, sql`select key from rate_limit_counters`);
    expect(counters.filter((c) => c.key.includes(doomed.email) || c.key.includes(doomed.userId))).toEqual([]);
    expect(counters.some((c) => c.key.includes(bystander.email))).toBe(true);

    // The old cookie names a session that no longer exists.
    const replay = await t.request("/api/me", { headers: { cookie: `tl_session=${oldCookie}` } });
    expect(replay.status).toBe(401);
  });
});
