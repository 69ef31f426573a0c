// Attack: finding out which email addresses have accounts from sign-in, reset or sign-up answers.
import bcrypt from "bcrypt";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  FORGOT_LIMITS,
  LOGIN_LIMITS,
  REGISTER_LIMIT_PER_IP,
} from "../../../src/services/auth/auth-context.js";
import { type Account, registerAccount, uniqueEmail } from "../../support/accounts.js";
import { randomIp, TestClient } from "../../support/http-client.js";
import { mailedTokens, outboxFor, SLOW } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const seen = new SecretsSeen();

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text());
  } finally {
    await t?.close();
  }
});

async function newAccount(): Promise<Account> {
  const account = await registerAccount(t);
  seen.add("password", account.password);
  seen.client(account.client);
  return account;
}

/** What a client can observe of an answer, apart from the per-request id and the clock. */
async function observe(res: Response) {
  const headers = [...res.headers.keys()].filter((k) => k !== "x-request-id" && k !== "date").sort();
  return { status: res.status, body: await res.text(), headers };
}

async function login(email: string, password: string): Promise<Response> {
  seen.add("password", password);
  return new TestClient(t).post("/api/auth/login", { email, password });
}

describe("no account enumeration", () => {
  it("sign-in: an unknown address and a wrong password get the same status, body and headers", async () => {
    const account = await newAccount();
    const wrong = await observe(await login(account.email, "not my password at all"));
    const unknown = await observe(await login(uniqueEmail("nobody"), "not my password at all"));
    expect(wrong.status).toBe(401);
    expect(unknown).toEqual(wrong);
    expect(JSON.parse(wrong.body)).toEqual({
      error: { code: "invalid_credentials", message: "The email or password is not right." },
    });
  });

  it(
    "sign-in: an unknown address is locked after the same number of tries, with the same answer",
    SLOW,
    async () => {
      const account = await newAccount();
      const unknownEmail = uniqueEmail("nobody");
      const answers: {
        known: Awaited<ReturnType<typeof observe>>;
        unknown: Awaited<ReturnType<typeof observe>>;
      }[] = [];
      for (let i = 0; i <= LOGIN_LIMITS.perAccount.limit; i += 1) {
        answers.push({
          known: await observe(await login(account.email, `wrong password ${i}`)),
          unknown: await observe(await login(unknownEmail, `wrong password ${i}`)),
        });
      }
      for (const { known, unknown } of answers) expect(unknown).toEqual(known);
      expect(answers.at(-1)?.known.status).toBe(429);
    },
  );

  it("an unknown address still pays exactly one bcrypt compare, like a known one", async () => {
    const account = await newAccount();
    const compare = vi.spyOn(bcrypt, "compare");
    expect((await login(uniqueEmail("nobody"), "some password guess")).status).toBe(401);
    expect(compare).toHaveBeenCalledTimes(1);
    compare.mockClear();
    expect((await login(account.email, "some password guess")).status).toBe(401);
    expect(compare).toHaveBeenCalledTimes(1);
    compare.mockClear();
    // Over 72 bytes is refused after the compare, not instead of it.
    expect((await login(uniqueEmail("nobody"), "x".repeat(100))).status).toBe(401);
    expect(compare).toHaveBeenCalledTimes(1);
  });

  it(
    "password reset: 202 and the same body for a known and an unknown address; only the owner gets mail",
    SLOW,
    async () => {
      const account = await newAccount();
      const unknownEmail = uniqueEmail("nobody");
      // Past the per-address limit the answers must stay the same as well.
      for (let i = 0; i <= FORGOT_LIMITS.perEmail.limit; i += 1) {
        const known = await observe(
          await new TestClient(t).post("/api/auth/password/forgot", { email: account.email }),
        );
        const unknown = await observe(
          await new TestClient(t).post("/api/auth/password/forgot", { email: unknownEmail }),
        );
        expect(known.status).toBe(202);
        expect(unknown).toEqual(known);
      }
      const tokens = await mailedTokens(t, account.email, /reset/i);
      expect(tokens).toHaveLength(FORGOT_LIMITS.perEmail.limit);
      seen.add("reset token", ...tokens);
      expect(await outboxFor(t, unknownEmail)).toEqual([]);
    },
  );

  it("sign-up says an address is taken, so it is rate-limited per IP", async () => {
    const account = await newAccount();
    const ip = randomIp();
    const prober = new TestClient(t, "http://localhost", { "x-forwarded-for": ip });
    for (let i = 0; i < REGISTER_LIMIT_PER_IP.limit; i += 1) {
      const res = await prober.post("/api/auth/register", {
        email: account.email,
        password: "a guess at a password",
        acceptTerms: true,
      });
      expect(res.status, `try ${i + 1}`).toBe(409);
    }
    seen.add("password", "a guess at a password");
    const limited = await prober.post("/api/auth/register", {
      email: uniqueEmail("probe"),
      password: "a guess at a password",
      acceptTerms: true,
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // The limit is the prober's address, not the account's.
    const elsewhere = await new TestClient(t).post("/api/auth/register", {
      email: account.email,
      password: "a guess at a password",
      acceptTerms: true,
    });
    expect(elsewhere.status).toBe(409);
  });
});
