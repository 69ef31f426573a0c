// Attack: guessing the six-digit second factor with a stolen password until a code matches.
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { backupCodes, securityEvents, sessions } from "../../../src/db/schema/identity.js";
import { MFA_MAX_ATTEMPTS } from "../../../src/services/auth/auth-context.js";
import { type Account, registerAccount, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { createConcurrencyApp, errorOf, SLOW, signInPending } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { usingPostgres } from "../../support/test-database.js";

const STEP_MS = 30_000;
/** The middle of the current step: with Date frozen there, the valid codes do not change. */
const T0 = Math.floor(Date.now() / STEP_MS) * STEP_MS + STEP_MS / 2;

let t: TestApp;
const seen = new SecretsSeen();
const logTexts: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text(), ...logTexts);
  } finally {
    await t?.close();
  }
});

type TwoFactorAccount = Account & { secret: string; backupCodes: string[] };

async function twoFactorAccount(app: TestApp): Promise<TwoFactorAccount> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
  const account = await registerAccount(app);
  const { secret, backupCodes } = await turnOnTwoFactor(account.client);
  seen.add("password", account.password);
  seen.add("totp secret", secret);
  seen.backupCodes(backupCodes);
  seen.client(account.client);
  return { ...account, secret, backupCodes };
}

/** Six-digit codes none of which the window accepts at the frozen time. */
function wrongCodes(account: TwoFactorAccount, count: number): string[] {
  const valid = new Set([-1, 0, 1].map((offset) => totpCode(account.secret, offset)));
  const codes: string[] = [];
  for (let n = 100_000; codes.length < count; n += 7_919) {
    const code = String(n % 1_000_000).padStart(6, "0");
    if (!valid.has(code)) codes.push(code);
  }
  return codes;
}

async function pendingFor(app: TestApp, account: Account): Promise<TestClient> {
  const client = await signInPending(app, account.email, account.password);
  seen.client(client);
  return client;
}

async function mfa(client: TestClient, code: string): Promise<Response> {
  seen.add("totp code", code);
  return client.post("/api/auth/mfa", { code });
}

async function eventCount(app: TestApp, userId: string, type: string): Promise<number> {
  const rows = await app.database.db
    .select()
    .from(securityEvents)
    .where(and(eq(securityEvents.userId, userId), eq(securityEvents.type, type)));
  return rows.length;
}

describe("attempt caps on second factor", () => {
  it(`${MFA_MAX_ATTEMPTS} wrong codes end the challenge; the right code is then refused until a new sign-in`, async () => {
    expect(MFA_MAX_ATTEMPTS).toBe(5);
    const account = await twoFactorAccount(t);
    const pending = await pendingFor(t, account);
    for (const code of wrongCodes(account, MFA_MAX_ATTEMPTS)) {
      const res = await mfa(pending, code);
      expect(res.status).toBe(401);
      expect((await errorOf(res)).code).toBe("invalid_code");
    }
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.userId, account.userId));
    expect(row).toBeDefined();
    const right = totpCode(account.secret, 0);
    const refused = await mfa(pending, right);
    expect(refused.status).toBe(401);
    expect((await errorOf(refused)).code).toBe("mfa_attempts_exhausted");
    expect(pending.sessionCookie()).toBeUndefined();
    const rows = await t.database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, account.userId), eq(sessions.state, "pending_mfa")));
    expect(rows).toEqual([]);
    expect(await eventCount(t, account.userId, "mfa_failed")).toBe(MFA_MAX_ATTEMPTS);
    expect(await eventCount(t, account.userId, "mfa_locked")).toBe(1);

    // A new sign-in is a new challenge, and the refused code was not used up.
    const again = await pendingFor(t, account);
    expect((await mfa(again, right)).status).toBe(200);
    seen.client(again);
  });

  it("wrong backup codes count against the same five attempts, without using up a good one", async () => {
    const account = await twoFactorAccount(t);
    const pending = await pendingFor(t, account);
    const guesses = [...wrongCodes(account, 3), "aaaaa-bbbbb-ccc", "zzzzz-yyyyy-xxx"];
    for (const code of guesses) expect((await mfa(pending, code)).status).toBe(401);
    const good = account.backupCodes[0] ?? "";
    const refused = await mfa(pending, good);
    expect((await errorOf(refused)).code).toBe("mfa_attempts_exhausted");
    const unused = await t.database.db
      .select()
      .from(backupCodes)
      .where(and(eq(backupCodes.userId, account.userId), isNull(backupCodes.usedAt)));
    expect(unused).toHaveLength(10);
    const again = await pendingFor(t, account);
    expect((await mfa(again, good)).status).toBe(200);
    seen.client(again);
  });

  // NIST SP 800-63B 5.2.2: at most 100 consecutive failed attempts on one account, whatever the
  // number of challenges; with the password known, each sign-in must not buy five fresh guesses.
  it(
    "across fresh sign-ins, no more than 100 wrong codes are ever checked for one account",
    SLOW,
    async () => {
      const account = await twoFactorAccount(t);
      let checked = 0;
      const codes = wrongCodes(account, 21 * MFA_MAX_ATTEMPTS);
      for (let round = 0; round < 21; round += 1) {
        const client = new TestClient(t);
        const login = await client.post("/api/auth/login", {
          email: account.email,
          password: account.password,
        });
        if (login.status === 429) break; // the account is locked: no further guesses
        expect(login.status).toBe(200);
        seen.client(client);
        for (const code of codes.splice(0, MFA_MAX_ATTEMPTS)) {
          const res = await mfa(client, code);
          if (res.status === 401 && (await errorOf(res)).code === "invalid_code") checked += 1;
        }
      }
      expect(checked).toBeLessThanOrEqual(100);
    },
  );

  // The same budget must hold where a signed-in session is asked for a code: otherwise a stolen
  // session cookie guesses the code without limit and mints itself fresh backup codes.
  it(
    "wrong codes on the backup-code route are capped too: no more than 100 are ever checked",
    SLOW,
    async () => {
      const account = await twoFactorAccount(t);
      let checked = 0;
      for (const code of wrongCodes(account, 101)) {
        seen.add("totp code", code);
        const res = await account.client.post("/api/me/two-factor/backup-codes", { code });
        if (res.status === 400 && (await errorOf(res)).code === "invalid_code") checked += 1;
        else expect(res.status).toBe(429);
      }
      expect(checked).toBeLessThanOrEqual(100);
    },
  );
});

// PGlite serialises every query, so parallel requests there prove nothing: PostgreSQL only.
describe.runIf(usingPostgres)("second-factor attempts under concurrency (PostgreSQL)", () => {
  let pg: TestApp;
  beforeAll(async () => {
    pg = await createConcurrencyApp();
  });
  afterAll(async () => {
    logTexts.push(pg.logs.text());
    await pg?.close();
  });

  it(`20 parallel guesses on one challenge consume at most ${MFA_MAX_ATTEMPTS} attempts`, SLOW, async () => {
    const account = await twoFactorAccount(pg);
    const pending = await pendingFor(pg, account);
    await pending.csrf();
    const results = await Promise.all(wrongCodes(account, 20).map((code) => mfa(pending, code)));
    const codes = await Promise.all(results.map(async (r) => `${r.status} ${(await errorOf(r)).code}`));
    const checked = codes.filter((c) => c === "401 invalid_code");
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(MFA_MAX_ATTEMPTS);
    for (const c of codes) expect(c).toMatch(/^401 (invalid_code|mfa_attempts_exhausted|unauthenticated)$/);
    expect(await eventCount(pg, account.userId, "mfa_failed")).toBeLessThanOrEqual(MFA_MAX_ATTEMPTS);
    // The challenge is over: even the right code does not finish it.
    const right = await mfa(pending, totpCode(account.secret, 0));
    expect(right.status).toBe(401);
    const active = await pg.database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, account.userId), eq(sessions.state, "active")));
    expect(active.map((s) => s.id)).toHaveLength(1); // the enrolling browser's own session only
  });
});
