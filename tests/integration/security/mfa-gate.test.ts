// Attack: using a stolen password alone to reach anything past the second-factor step.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions, users } from "../../../src/db/schema/identity.js";
import { registerAccount, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { concretePath, listApiRoutes } from "../../support/route-table.js";
import { errorOf, mailedTokens, SLOW, signInPending } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const seen = new SecretsSeen();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text());
  } finally {
    await t?.close();
  }
});

/** The only routes a pending session may use: the MFA step, the CSRF token and sign-out. */
const ALLOW_PENDING = ["GET /api/auth/csrf", "POST /api/auth/logout", "POST /api/auth/mfa"];
/**
 * Single sign-on steps are a first factor of their own (a browser may start one while a password
 * sign-in is pending); one that ends in an account with two-factor on ends in a pending session
 * again. Nothing else under /api/auth/sso/ may be open to a pending session.
 */
const isSsoSignInStep = (key: string) => /^(GET|POST) \/api\/auth\/sso\//.test(key);
const mayServePending = (key: string) => ALLOW_PENDING.includes(key) || isSsoSignInStep(key);

/** An account with two-factor on, and a second browser that has given only the password. */
async function pendingAccount() {
  const account = await registerAccount(t);
  const { secret, backupCodes } = await turnOnTwoFactor(account.client);
  seen.add("password", account.password);
  seen.add("totp secret", secret);
  seen.backupCodes(backupCodes);
  seen.client(account.client);
  const pending = await signInPending(t, account.email, account.password);
  seen.client(pending);
  return { account, secret, backupCodes, pending };
}

/** A six-digit code that is none of the codes the window accepts now. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((offset) => totpCode(secret, offset)));
  return ["000000", "111111", "222222", "333333"].find((c) => !valid.has(c)) ?? "444444";
}

async function userRow(id: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, id));
  return row;
}

describe("2FA enforced at the middleware", () => {
  it("apart from SSO sign-in steps, the route table marks exactly the MFA step, CSRF and sign-out as open to a pending session", async () => {
    const routes = await listApiRoutes(t.app);
    const open = routes
      .filter((r) => r.access && "allowPending" in r.access && r.access.allowPending)
      .map((r) => `${r.method} ${r.path}`);
    expect(open.filter((key) => !isSsoSignInStep(key)).sort()).toEqual(ALLOW_PENDING);
    expect(routes.filter((r) => r.access === undefined)).toEqual([]);
  });

  it(
    "walking every route with a pending session and a valid CSRF token: 401/403 everywhere else",
    SLOW,
    async () => {
      const { account, pending } = await pendingAccount();
      const before = await userRow(account.userId);
      const routes = await listApiRoutes(t.app);
      expect(routes.filter((r) => !mayServePending(`${r.method} ${r.path}`)).length).toBeGreaterThan(10);
      const answers: string[] = [];
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        if (mayServePending(key)) continue;
        const url = concretePath(route);
        const res =
          route.method === "GET"
            ? await pending.get(url)
            : await pending.send(route.method, url, route.hasBody ? {} : undefined);
        const code = res.status === 401 || res.status === 403 ? (await errorOf(res)).code : "";
        answers.push(`${key} → ${res.status} ${code}`);
      }
      // Every refusal is the gate's own, not a validation or not-found answer that happened to be 4xx.
      for (const answer of answers) expect(answer).toMatch(/→ 403 mfa_required$/);
      // Nothing changed: the pending session is still pending and the account is as it was.
      expect(await userRow(account.userId)).toEqual(before);
      const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, account.userId));
      expect(rows.map((r) => r.state).sort()).toEqual(["active", "pending_mfa"]);
    },
  );

  it("the three open routes do their job for a pending session", async () => {
    const { secret, pending } = await pendingAccount();
    expect((await pending.get("/api/auth/csrf")).status).toBe(200);
    const empty = await pending.post("/api/auth/mfa", {});
    expect(empty.status).toBe(400);
    const wrong = await pending.post("/api/auth/mfa", { code: wrongCode(secret) });
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).code).toBe("invalid_code");
    const cookie = pending.sessionCookie();
    expect((await pending.post("/api/auth/logout")).status).toBe(204);
    expect(pending.sessionCookie()).toBeUndefined();
    // The pending session ended on the server: the old cookie cannot finish signing in.
    const replay = new TestClient(t);
    replay.cookies.set("tl_session", cookie ?? "");
    const code = totpCode(secret, 1);
    seen.add("totp code", code);
    const res = await replay.post("/api/auth/mfa", { code });
    expect(res.status).toBe(401);
    expect((await errorOf(res)).code).toBe("unauthenticated");
  });

  it("a copy of the pending cookie is worthless once the second factor was given", async () => {
    const { secret, pending } = await pendingAccount();
    const pendingCookie = pending.sessionCookie() ?? "";
    const code = totpCode(secret, 1);
    seen.add("totp code", code);
    expect((await pending.post("/api/auth/mfa", { code })).status).toBe(200);
    seen.client(pending);
    expect(pending.sessionCookie()).not.toBe(pendingCookie);
    expect((await pending.get("/api/me")).status).toBe(200);
    const copy = await t.request("/api/me", { headers: { cookie: `tl_session=${pendingCookie}` } });
    expect(copy.status).toBe(401);
  });

  it("a password reset signs nobody in: the next sign-in still asks for the second factor", async () => {
    const { account, secret } = await pendingAccount();
    const resetter = new TestClient(t);
    expect((await resetter.post("/api/auth/password/forgot", { email: account.email })).status).toBe(202);
    const [token] = await mailedTokens(t, account.email, /reset/i);
    expect(token).toBeDefined();
    seen.add("reset token", token);
    const newPassword = "a fresh passphrase after reset";
    seen.add("password", newPassword);
    const reset = await resetter.post("/api/auth/password/reset", { token, password: newPassword });
    expect(reset.status, await reset.clone().text()).toBe(204);
    expect(reset.headers.getSetCookie().some((c) => /tl_session=[^;]/.test(c))).toBe(false);
    expect((await resetter.get("/api/me")).status).toBe(401);
    // Every session ended, the pending one and the full one alike.
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, account.userId))).toEqual(
      [],
    );

    const after = await signInPending(t, account.email, newPassword);
    seen.client(after);
    const gated = await after.get("/api/me");
    expect(gated.status).toBe(403);
    expect((await errorOf(gated)).code).toBe("mfa_required");
    const code = totpCode(secret, 1);
    seen.add("totp code", code);
    expect((await after.post("/api/auth/mfa", { code })).status).toBe(200);
    seen.client(after);
    expect((await after.get("/api/me")).status).toBe(200);
  });
});
