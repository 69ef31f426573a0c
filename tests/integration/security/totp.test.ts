// Attack: replaying a seen TOTP code, using codes outside the ±1 window, or racing the owner's code.
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessions, users } from "../../../src/db/schema/identity.js";
import { totpSecretContext } from "../../../src/services/auth/second-factor.js";
import { type Account, registerAccount, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import {
  alignSessionClock,
  createConcurrencyApp,
  errorOf,
  SLOW,
  signInPending,
} from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { usingPostgres } from "../../support/test-database.js";

// RFC 6238 appendix B: SHA-1, secret ASCII "12345678901234567890"; the app uses 6 digits, which
// are the last six of the 8-digit values (the code is the truncated value mod 10^digits).
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_6238_SHA1: [unixSeconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
const STEP_MS = 30_000;
/** The middle of the current 30 s step: a frozen clock there is nowhere near a step boundary. */
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

/** The server and this test read the same clock: only `Date` is faked, timers run normally. */
function freezeAt(ms: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(ms);
}

async function twoFactorAccount(app: TestApp): Promise<Account & { secret: string }> {
  const account = await registerAccount(app);
  const { secret, backupCodes } = await turnOnTwoFactor(account.client);
  seen.add("password", account.password);
  seen.add("totp secret", secret);
  seen.backupCodes(backupCodes);
  seen.client(account.client);
  return { ...account, secret };
}

/** Signs in with the password and submits `code` as the second factor. */
async function signInWithCode(app: TestApp, account: Account, code: string): Promise<Response> {
  seen.add("totp code", code);
  const pending = await signInPending(app, account.email, account.password);
  seen.client(pending);
  await alignSessionClock(app, account.userId);
  const res = await pending.post("/api/auth/mfa", { code });
  seen.client(pending);
  return res;
}

async function lastUsedStep(app: TestApp, userId: string): Promise<number | null | undefined> {
  const [row] = await app.database.db.select().from(users).where(eq(users.id, userId));
  return row?.totpLastUsedStep;
}

describe("TOTP done right", () => {
  it("set-up hands out a 160-bit secret for SHA-1, 6 digits, 30 s (what authenticator apps support)", async () => {
    const account = await registerAccount(t);
    seen.client(account.client);
    const res = await account.client.post("/api/me/two-factor/setup");
    const { secret, otpauthUri } = (await res.json()) as { secret: string; otpauthUri: string };
    seen.add("totp secret", secret);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauthUri);
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("issuer")).toBe("TherapyLedger");
  });

  it("the RFC 6238 SHA-1 test vectors sign in, each at its own time", SLOW, async () => {
    const account = await twoFactorAccount(t);
    seen.add("totp secret", RFC_SECRET);
    await t.database.db
      .update(users)
      .set({
        totpSecret: t.deps.cipher.encrypt(RFC_SECRET, totpSecretContext(account.userId)),
        totpLastUsedStep: null,
      })
      .where(eq(users.id, account.userId));
    for (const [unixSeconds, expected] of RFC_6238_SHA1) {
      freezeAt(unixSeconds * 1000);
      const res = await signInWithCode(t, account, expected.slice(-6));
      expect(res.status, `${unixSeconds}: ${await res.clone().text()}`).toBe(200);
      expect(await lastUsedStep(t, account.userId)).toBe(Math.floor(unixSeconds / 30));
    }
  });

  it("steps T-1, T and T+1 are accepted; T-2 and T+2 are refused", async () => {
    freezeAt(T0 - 10 * STEP_MS); // enrolled five minutes earlier
    const account = await twoFactorAccount(t);
    freezeAt(T0);
    const code = (offset: number) => totpCode(account.secret, offset);
    for (const offset of [-2, 2]) {
      const res = await signInWithCode(t, account, code(offset));
      expect(res.status, `T${offset > 0 ? "+" : ""}${offset}`).toBe(401);
      expect((await errorOf(res)).code).toBe("invalid_code");
    }
    // In increasing order, since each accepted step makes the earlier ones unusable.
    for (const offset of [-1, 0, 1]) {
      const res = await signInWithCode(t, account, code(offset));
      expect(res.status, `T${offset >= 0 ? "+" : ""}${offset}`).toBe(200);
      expect(await lastUsedStep(t, account.userId)).toBe(Math.floor(T0 / STEP_MS) + offset);
    }
  });

  it("a code accepted once is refused the second time, and so is any earlier step", async () => {
    freezeAt(T0);
    const account = await twoFactorAccount(t);
    // The code that turned two-factor on (step T-1) is already used.
    expect((await signInWithCode(t, account, totpCode(account.secret, -1))).status).toBe(401);
    expect((await signInWithCode(t, account, totpCode(account.secret, 0))).status).toBe(200);
    expect(await lastUsedStep(t, account.userId)).toBe(Math.floor(T0 / STEP_MS));
    const replay = await signInWithCode(t, account, totpCode(account.secret, 0));
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).code).toBe("invalid_code");
    // The used code is refused by the other routes that take a code as well.
    const regenerate = await account.client.post("/api/me/two-factor/backup-codes", {
      code: totpCode(account.secret, 0),
    });
    expect(regenerate.status).toBe(400);
    expect((await signInWithCode(t, account, totpCode(account.secret, 1))).status).toBe(200);
  });
});

// PGlite serialises every query, so parallel requests there prove nothing: PostgreSQL only.
describe.runIf(usingPostgres)("TOTP under concurrency (PostgreSQL)", () => {
  let pg: TestApp;
  beforeAll(async () => {
    pg = await createConcurrencyApp();
  });
  afterAll(async () => {
    logTexts.push(pg.logs.text());
    await pg?.close();
  });

  it("10 concurrent submits of one code from 10 pending sign-ins → exactly one session", SLOW, async () => {
    freezeAt(T0);
    const account = await twoFactorAccount(pg);
    expect((await account.client.post("/api/auth/logout")).status).toBe(204);
    const clients = [];
    for (let i = 0; i < 10; i += 1) {
      const client = await signInPending(pg, account.email, account.password);
      await client.csrf();
      seen.client(client);
      clients.push(client);
    }
    await alignSessionClock(pg, account.userId);
    const code = totpCode(account.secret, 0);
    seen.add("totp code", code);
    const results = await Promise.all(clients.map((client) => client.post("/api/auth/mfa", { code })));
    for (const client of clients) seen.client(client);
    expect(results.map((r) => r.status).sort()).toEqual([200, ...Array<number>(9).fill(401)]);
    const active = await pg.database.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, account.userId), eq(sessions.state, "active")));
    expect(active).toHaveLength(1);
  });
});
