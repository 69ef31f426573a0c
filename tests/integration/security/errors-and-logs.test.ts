// Attack: learning internals from error answers or harvesting credentials from the logs.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityEvents } from "../../../src/db/schema/identity.js";
import { registerAccount, totpCode, turnOnTwoFactor, uniqueEmail } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import {
  disposeAfterDatabaseClosed,
  errorOf,
  mailedTokens,
  SLOW,
  signInPending,
} from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const seen = new SecretsSeen();
const logTexts: string[] = [];

beforeAll(async () => {
  // The most verbose level, so that debug and trace lines are held to the same rule.
  t = await createTestApp({ config: { logLevel: "trace" } });
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text(), ...logTexts);
  } finally {
    await t?.close();
  }
});

type LogLine = Record<string, unknown> & { level?: string; requestId?: string; time?: string };

function logLines(app: TestApp): LogLine[] {
  return app.logs.lines.flatMap((chunk) => chunk.split("\n").filter(Boolean)).map((l) => JSON.parse(l));
}

/** A client at a fixed address (TEST-NET-3), so events can be checked for it. */
function clientAt(app: TestApp, ip: string): TestClient {
  return new TestClient(app, "http://localhost", { "x-forwarded-for": ip });
}

describe("errors and logs", () => {
  it(
    "a forced 500 answers a generic body with a request id; the details go to the log only",
    SLOW,
    async () => {
      const broken = await createTestApp();
      try {
        const client = new TestClient(broken);
        await client.csrf();
        await broken.database.close(); // every query now fails inside the app
        const email = uniqueEmail("fault");
        const password = "the password in flight";
        seen.add("password", password);
        const res = await client.post("/api/auth/login", { email, password });
        expect(res.status).toBe(500);
        expect(res.headers.get("content-type")).toMatch(/^application\/json/);
        const text = await res.text();
        const requestId = res.headers.get("x-request-id");
        expect(requestId).toBeTruthy();
        expect(JSON.parse(text)).toEqual({
          error: {
            code: "internal_error",
            message: expect.stringMatching(/^Something went wrong on our side/),
            details: { requestId },
          },
        });
        for (const internal of [
          /select|insert|update|rate_limit|sql/i,
          /pglite|pool|postgres/i,
          /\bat \S+ \(/,
          /\.ts\b|\/src\//,
          /error:/i,
        ]) {
          expect(text).not.toMatch(internal);
        }
        expect(text).not.toContain(email);

        const lines = logLines(broken).filter((l) => l.requestId === requestId);
        const fault = lines.find((l) => l.msg === "unhandled error");
        expect(fault?.level).toBe("error");
        const err = fault?.err as { message?: string; stack?: string } | undefined;
        expect(err?.message).toBeTruthy();
        expect(err?.stack).toMatch(/\n\s+at /);
        expect(lines.find((l) => l.msg === "request")).toMatchObject({ status: 500, level: "error" });

        const registration = await client.post("/api/auth/register", {
          email,
          password: "another password in flight",
          acceptTerms: true,
        });
        seen.add("password", "another password in flight");
        expect(registration.status).toBe(500);
        expect((await errorOf(registration)).code).toBe("internal_error");
      } finally {
        logTexts.push(broken.logs.text());
        await disposeAfterDatabaseClosed(broken);
      }
    },
  );

  it("a whole account journey leaves none of its secrets in the log, even at trace level", SLOW, async () => {
    const account = await registerAccount(t);
    seen.add("password", account.password);
    seen.client(account.client);
    const newPassword = "the changed passphrase";
    seen.add("password", newPassword, "a wrong password typed once");
    await new TestClient(t).post("/api/auth/login", {
      email: account.email,
      password: "a wrong password typed once",
    });
    const change = await account.client.post("/api/me/password", {
      currentPassword: account.password,
      newPassword,
    });
    expect(change.status).toBe(204);

    const setup = await account.client.post("/api/me/two-factor/setup");
    const { secret, otpauthUri } = (await setup.json()) as { secret: string; otpauthUri: string };
    seen.add("totp secret", secret, otpauthUri);
    const enableCode = totpCode(secret, -1);
    seen.add("totp code", enableCode);
    const enable = await account.client.post("/api/me/two-factor/enable", { code: enableCode });
    const { backupCodes } = (await enable.json()) as { backupCodes: string[] };
    seen.backupCodes(backupCodes);

    const pending = await signInPending(t, account.email, newPassword);
    seen.client(pending);
    const signInCode = totpCode(secret, 0);
    seen.add("totp code", signInCode);
    expect((await pending.post("/api/auth/mfa", { code: signInCode })).status).toBe(200);
    seen.client(pending);
    const viaBackup = await signInPending(t, account.email, newPassword);
    expect((await viaBackup.post("/api/auth/mfa", { code: backupCodes[0] })).status).toBe(200);
    seen.client(viaBackup);

    await new TestClient(t).post("/api/auth/password/forgot", { email: account.email });
    const [token] = await mailedTokens(t, account.email, /reset/i);
    seen.add("reset token", token);
    const finalPassword = "the password after a reset";
    seen.add("password", finalPassword);
    expect(
      (await new TestClient(t).post("/api/auth/password/reset", { token, password: finalPassword })).status,
    ).toBe(204);
    await t.deps.queue.runDueJobs();

    expect(t.logs.lines.length).toBeGreaterThan(20);
    expect(seen.foundIn(t.logs.text())).toEqual([]);
  });

  it("security events are recorded with the time, the user and the IP of each action", async () => {
    const started = Date.now();
    const owner = clientAt(t, "203.0.113.10");
    const account = await registerAccount(t, { client: owner });
    seen.add("password", account.password);
    seen.client(owner);
    await clientAt(t, "203.0.113.20").post("/api/auth/login", {
      email: account.email,
      password: "nope nope nope",
    });
    seen.add("password", "nope nope nope");
    const { secret, backupCodes } = await turnOnTwoFactor(owner);
    seen.add("totp secret", secret);
    seen.backupCodes(backupCodes);
    const phone = await signInPending(t, account.email, account.password, clientAt(t, "203.0.113.30"));
    seen.client(phone);
    expect((await phone.post("/api/auth/mfa", { code: "zzzzz-zzzzz-zzz" })).status).toBe(401);
    const code = totpCode(secret, 0);
    seen.add("totp code", code);
    expect((await phone.post("/api/auth/mfa", { code })).status).toBe(200);
    seen.client(phone);
    expect((await owner.post("/api/auth/logout")).status).toBe(204);
    const finished = Date.now();

    const expected: [type: string, ip: string][] = [
      ["account_created", "203.0.113.10"],
      ["sign_in_failed", "203.0.113.20"],
      ["two_factor_enabled", "203.0.113.10"],
      ["mfa_failed", "203.0.113.30"],
      ["sign_in", "203.0.113.30"],
      ["sign_out", "203.0.113.10"],
    ];
    const rows = await t.database.db
      .select()
      .from(securityEvents)
      .where(eq(securityEvents.userId, account.userId));
    for (const [type, ip] of expected) {
      const row = rows.find((r) => r.type === type);
      expect(row, type).toMatchObject({ userId: account.userId, ip });
      expect(row?.createdAt.getTime()).toBeGreaterThanOrEqual(started - 2000);
      expect(row?.createdAt.getTime()).toBeLessThanOrEqual(finished + 2000);
    }
    // The person sees them too, with UTC times.
    const listed = (await (await phone.get("/api/me/security-events")).json()) as {
      events: { type: string; ip: string; createdAt: string }[];
    };
    for (const [type, ip] of expected) {
      const event = listed.events.find((e) => e.type === type);
      expect(event, type).toMatchObject({ ip });
      expect(event?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    }
    // The request log has the time and the address of the failed sign-in as well.
    const failed = logLines(t).find(
      (l) => l.msg === "request" && l.ip === "203.0.113.20" && l.status === 401,
    );
    expect(failed?.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});
