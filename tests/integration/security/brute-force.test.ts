// Attack: online password guessing on one account, from rotating addresses or in a parallel burst.
import bcrypt from "bcrypt";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { LOGIN_LIMITS, limitKeys } from "../../../src/services/auth/auth-context.js";
import {
  type Account,
  registerAccount,
  totpCode,
  turnOnTwoFactor,
  uniqueEmail,
} from "../../support/accounts.js";
import { randomIp, TestClient } from "../../support/http-client.js";
import { createConcurrencyApp, errorOf, SLOW } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { usingPostgres } from "../../support/test-database.js";

const ACCOUNT_LIMIT = LOGIN_LIMITS.perAccount.limit;
const WINDOW_SECONDS = LOGIN_LIMITS.perAccount.windowSeconds;

let t: TestApp;
const seen = new SecretsSeen();
const logTexts: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text(), ...logTexts);
  } finally {
    await t?.close();
  }
});

let guess = 0;
/** One wrong password from a fresh address each time: the attacker rotates X-Forwarded-For. */
async function wrongPassword(client: TestClient, email: string): Promise<Response> {
  guess += 1;
  const password = `wrong guess number ${guess}`;
  seen.add("password", password);
  return client.post("/api/auth/login", { email, password }, { "x-forwarded-for": randomIp() });
}

async function newAccount(app: TestApp): Promise<Account> {
  const account = await registerAccount(app);
  seen.add("password", account.password);
  seen.client(account.client);
  return account;
}

function expectRetryAfter(res: Response): void {
  const retryAfter = Number(res.headers.get("retry-after"));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
}

describe("brute force", () => {
  it(`the documented limit is at most 10 failures per account (it is ${ACCOUNT_LIMIT})`, () => {
    expect(ACCOUNT_LIMIT).toBeLessThanOrEqual(10);
    expect(LOGIN_LIMITS.perIp.limit).toBeLessThanOrEqual(100);
  });

  it(
    `after ${ACCOUNT_LIMIT} wrong passwords → 429 with Retry-After, though every try came from another IP`,
    SLOW,
    async () => {
      const account = await newAccount(t);
      const attacker = new TestClient(t);
      for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
        const res = await wrongPassword(attacker, account.email);
        expect(res.status, `try ${i + 1}`).toBe(401);
      }
      const locked = await wrongPassword(attacker, account.email);
      expect(locked.status).toBe(429);
      expectRetryAfter(locked);
      expect(await errorOf(locked)).toMatchObject({ code: "rate_limited" });
      // The address is counted as typed: other letter case and spaces are the same account.
      const variant = await wrongPassword(attacker, `  ${account.email.toUpperCase()} `);
      expect(variant.status).toBe(429);
    },
  );

  it("the correct password during the lock is refused too, without a bcrypt compare or a session", async () => {
    const account = await newAccount(t);
    const attacker = new TestClient(t);
    for (let i = 0; i <= ACCOUNT_LIMIT; i += 1) await wrongPassword(attacker, account.email);
    const compare = vi.spyOn(bcrypt, "compare");
    const owner = new TestClient(t);
    const res = await owner.post("/api/auth/login", { email: account.email, password: account.password });
    expect(res.status).toBe(429);
    expectRetryAfter(res);
    expect(owner.sessionCookie()).toBeUndefined();
    expect(compare).not.toHaveBeenCalled();
  });

  it("the lock lifts when the window has passed", async () => {
    const account = await newAccount(t);
    const attacker = new TestClient(t);
    for (let i = 0; i <= ACCOUNT_LIMIT; i += 1) await wrongPassword(attacker, account.email);
    const key = limitKeys.loginAccount(account.email);
    await t.database.db.execute(
      sql`update rate_limit_counters set window_ends_at = now() - interval '1 second' where key = ${key}`,
    );
    const owner = new TestClient(t);
    const res = await owner.post("/api/auth/login", { email: account.email, password: account.password });
    expect(res.status).toBe(200);
    seen.client(owner);
  });

  it("a successful sign-in resets the count", async () => {
    const account = await newAccount(t);
    const attacker = new TestClient(t);
    for (let i = 0; i < ACCOUNT_LIMIT - 1; i += 1) {
      expect((await wrongPassword(attacker, account.email)).status).toBe(401);
    }
    const owner = new TestClient(t);
    expect(
      (await owner.post("/api/auth/login", { email: account.email, password: account.password })).status,
    ).toBe(200);
    seen.client(owner);
    // A full budget again: without the reset the second of these would already be refused.
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      expect((await wrongPassword(attacker, account.email)).status, `try ${i + 1}`).toBe(401);
    }
    expect((await wrongPassword(attacker, account.email)).status).toBe(429);
  });

  it("guessing the current password on the change-password form shares the sign-in lock", async () => {
    const account = await newAccount(t);
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      const currentPassword = `not the current one ${i}`;
      seen.add("password", currentPassword);
      const res = await account.client.post("/api/me/password", {
        currentPassword,
        newPassword: "an entirely new passphrase",
      });
      expect(res.status).toBe(400);
    }
    const locked = await account.client.post("/api/me/password", {
      currentPassword: account.password,
      newPassword: "an entirely new passphrase",
    });
    expect(locked.status).toBe(429);
    expectRetryAfter(locked);
    const signInNow = await new TestClient(t).post("/api/auth/login", {
      email: account.email,
      password: account.password,
    });
    expect(signInNow.status).toBe(429);
  });

  // A stolen session cookie must not become an unlimited password-guessing oracle either.
  it.each([
    ["account deletion", "DELETE", "/api/me", false],
    ["turning two-factor off", "POST", "/api/me/two-factor/disable", true],
  ] as const)("wrong passwords on %s share the sign-in lock", async (_form, method, url, needsTwoFactor) => {
    const account = await newAccount(t);
    let code = "000000";
    if (needsTwoFactor) {
      const { secret, backupCodes } = await turnOnTwoFactor(account.client);
      seen.add("totp secret", secret);
      seen.backupCodes(backupCodes);
      const valid = [-1, 0, 1].map((offset) => totpCode(secret, offset));
      code = ["000000", "111111", "222222", "333333"].find((c) => !valid.includes(c)) ?? "444444";
    }
    const send = (password: string) => account.client.send(method, url, { password, code });
    for (let i = 0; i < ACCOUNT_LIMIT; i += 1) {
      const password = `a wrong guess ${i}`;
      seen.add("password", password);
      expect((await send(password)).status).toBe(400);
    }
    const locked = await send(account.password);
    expect(locked.status).toBe(429);
    expectRetryAfter(locked);
  });

  it(
    `one address spraying many accounts is stopped after ${LOGIN_LIMITS.perIp.limit} tries`,
    SLOW,
    async () => {
      seen.add("password", "Spring2026!");
      const sprayer = new TestClient(t, "http://localhost", { "x-forwarded-for": randomIp() });
      for (let i = 0; i < LOGIN_LIMITS.perIp.limit; i += 1) {
        const res = await sprayer.post("/api/auth/login", {
          email: uniqueEmail("spray"),
          password: "Spring2026!",
        });
        expect(res.status, `try ${i + 1}`).toBe(401);
      }
      const res = await sprayer.post("/api/auth/login", {
        email: uniqueEmail("spray"),
        password: "Spring2026!",
      });
      expect(res.status).toBe(429);
      expectRetryAfter(res);
    },
  );
});

// PGlite serialises every query, so parallel requests there prove nothing: PostgreSQL only.
describe.runIf(usingPostgres)("brute force under concurrency (PostgreSQL)", () => {
  let pg: TestApp;
  beforeAll(async () => {
    pg = await createConcurrencyApp();
  });
  afterAll(async () => {
    logTexts.push(pg.logs.text());
    await pg?.close();
  });

  it(
    "50 parallel wrong passwords: exactly the budget gets a bcrypt compare, the rest 429",
    SLOW,
    async () => {
      const account = await newAccount(pg);
      const compare = vi.spyOn(bcrypt, "compare");
      const attacker = new TestClient(pg);
      await attacker.csrf();
      const results = await Promise.all(
        Array.from({ length: 50 }, () => wrongPassword(attacker, account.email)),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(ACCOUNT_LIMIT);
      expect(statuses.filter((s) => s === 429)).toHaveLength(50 - ACCOUNT_LIMIT);
      expect(compare).toHaveBeenCalledTimes(ACCOUNT_LIMIT);
      const [counter] = await queryRows<{ count: number }>(
        pg.database.db,
        sql`select count from rate_limit_counters where key = ${limitKeys.loginAccount(account.email)}`,
      );
      expect(counter?.count).toBe(50);
      const owner = new TestClient(pg);
      const res = await owner.post("/api/auth/login", { email: account.email, password: account.password });
      expect(res.status).toBe(429);
    },
  );
});
