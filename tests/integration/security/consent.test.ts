// Attack: an account opened without accepting the Terms, or a consent record rewritten afterwards.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { consents, securityEvents, users } from "../../../src/db/schema/identity.js";
import { PRIVACY_VERSION, TERMS_VERSION } from "../../../src/domain/legal.js";
import { GOOD_PASSWORD, registerAccount, uniqueEmail } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { errorOf } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const seen = new SecretsSeen();

beforeAll(async () => {
  t = await createTestApp();
  seen.add("password", GOOD_PASSWORD);
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text());
  } finally {
    await t?.close();
  }
});

async function consentRows(userId: string) {
  return t.database.db.select().from(consents).where(eq(consents.userId, userId)).orderBy(consents.id);
}

type Me = { consent: { current: boolean; termsVersion: string; privacyVersion: string } };
async function consentOf(client: TestClient): Promise<Me["consent"]> {
  const res = await client.get("/api/me");
  expect(res.status).toBe(200);
  return ((await res.json()) as Me).consent;
}

describe("consent", () => {
  it.each([
    ["missing", {}],
    ["false", { acceptTerms: false }],
    ['the string "true"', { acceptTerms: "true" }],
    ["1", { acceptTerms: 1 }],
  ])("registration with acceptTerms %s → 400 and no account", async (_label, extra) => {
    const email = uniqueEmail("noconsent");
    const client = new TestClient(t);
    const res = await client.post("/api/auth/register", { email, password: GOOD_PASSWORD, ...extra });
    expect(res.status).toBe(400);
    expect(await errorOf(res)).toMatchObject({ code: "validation_failed" });
    expect(client.sessionCookie()).toBeUndefined();
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
  });

  it("acceptance is stored with the document versions, the UTC time and the IP", async () => {
    const ip = "198.51.100.23";
    const started = Date.now();
    const account = await registerAccount(t, {
      client: new TestClient(t, "http://localhost", { "x-forwarded-for": ip }),
    });
    seen.client(account.client);
    const finished = Date.now();
    const [row, ...more] = await consentRows(account.userId);
    expect(more).toEqual([]);
    expect(row).toMatchObject({ termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION, ip });
    expect(row?.acceptedAt.getTime()).toBeGreaterThanOrEqual(started - 2000);
    expect(row?.acceptedAt.getTime()).toBeLessThanOrEqual(finished + 2000);
    // An instant (timestamp with time zone), not a wall-clock time in some server's zone.
    const [column] = await queryRows<{ data_type: string }>(
      t.database.db,
      sql`select data_type from information_schema.columns
          where table_name = 'consents' and column_name = 'accepted_at'`,
    );
    expect(column?.data_type).toBe("timestamp with time zone");
    expect(await consentOf(account.client)).toEqual({
      current: true,
      termsVersion: TERMS_VERSION,
      privacyVersion: PRIVACY_VERSION,
    });
  });

  it("the consents table is append-only: an UPDATE is refused by the database", async () => {
    const account = await registerAccount(t);
    seen.client(account.client);
    const [before] = await consentRows(account.userId);
    await expect(
      t.database.db.execute(
        sql`update consents set terms_version = '1999-01-01' where user_id = ${account.userId}`,
      ),
    ).rejects.toThrow();
    await expect(
      t.database.db.update(consents).set({ ip: "192.0.2.1" }).where(eq(consents.userId, account.userId)),
    ).rejects.toThrow();
    expect(await consentRows(account.userId)).toEqual([before]);
  });

  it("when the documents change, consent is no longer current until the person accepts again", async () => {
    const ip = "198.51.100.77";
    const account = await registerAccount(t, {
      client: new TestClient(t, "http://localhost", { "x-forwarded-for": ip }),
    });
    seen.client(account.client);
    // As if the person had accepted older versions: insert that row, delete the current one.
    const db = t.database.db;
    await db.insert(consents).values({
      userId: account.userId,
      termsVersion: "2020-01-01",
      privacyVersion: "2020-01-01",
      acceptedAt: new Date(Date.now() - 86_400_000),
      ip: "192.0.2.50",
    });
    await db
      .delete(consents)
      .where(and(eq(consents.userId, account.userId), eq(consents.termsVersion, TERMS_VERSION)));
    expect((await consentOf(account.client)).current).toBe(false);

    for (const body of [{}, { acceptTerms: false }, { acceptTerms: "true" }]) {
      expect((await account.client.post("/api/me/consent", body)).status).toBe(400);
    }
    expect(await consentRows(account.userId)).toHaveLength(1);
    expect((await account.client.post("/api/me/consent", { acceptTerms: true })).status).toBe(204);
    expect((await consentOf(account.client)).current).toBe(true);

    const rows = await consentRows(account.userId);
    expect(rows).toHaveLength(2); // the old acceptance stays on record
    expect(rows[0]).toMatchObject({ termsVersion: "2020-01-01", ip: "192.0.2.50" });
    expect(rows[1]).toMatchObject({ termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION, ip });
    const [event] = await db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, account.userId), eq(securityEvents.type, "terms_accepted")));
    expect(event).toMatchObject({
      ip,
      details: { termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION },
    });
  });

  it("accepting the Terms needs a signed-in session", async () => {
    const res = await new TestClient(t).post("/api/me/consent", { acceptTerms: true });
    expect(res.status).toBe(401);
  });
});
