import { randomBytes } from "node:crypto";
import { EncryptJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealSessionToken } from "../../../src/identity/session-token.js";
import { GOOD_PASSWORD, registerAccount, signIn, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const HTTPS = "https://localhost";

function meWith(cookieValue: string, base = HTTPS) {
  const name = base.startsWith("https") ? "__Host-tl_session" : "tl_session";
  return t.request(`${base}/api/me`, { headers: { cookie: `${name}=${cookieValue}` } });
}

describe("encrypted JWT session cookie", () => {
  // Attack: stealing the session through script (no HttpOnly), plain http (no Secure), a
  // sibling subdomain planting a cookie (no __Host-), or a cross-site request (no SameSite).
  it("over https the cookie is __Host- prefixed, Secure, HttpOnly, SameSite, Path=/ with a Max-Age", async () => {
    const client = new TestClient(t, HTTPS);
    await registerAccount(t, { client });
    const res = await client.post("/api/auth/login", {
      email: "nobody@example.com",
      password: GOOD_PASSWORD,
    });
    expect(res.status).toBe(401);
    const account = await registerAccount(t, { client: new TestClient(t, HTTPS) });
    const { res: login } = await signIn(t, account.email, account.password, new TestClient(t, HTTPS));
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith("__Host-tl_session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=(Lax|Strict)/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/; Domain=/i);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie ?? "")?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(12 * 3600);
  });

  it("the token is encrypted: its payload cannot be read from the cookie", async () => {
    const account = await registerAccount(t, { client: new TestClient(t, HTTPS) });
    const token = account.client.sessionCookie() ?? "";
    expect(token.split(".")).toHaveLength(5); // JWE compact form
    const header = JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString());
    expect(header).toEqual({ alg: "dir", enc: "A256GCM" });
    expect(token).not.toContain(account.userId);
  });

  // Attack: forging or altering a session token.
  it("a flipped byte, alg:none, another key or an expired token answers 401", async () => {
    const account = await registerAccount(t, { client: new TestClient(t, HTTPS) });
    const token = account.client.sessionCookie() ?? "";
    expect((await meWith(token)).status).toBe(200);

    const parts = token.split(".");
    const ciphertext = Buffer.from(parts[3] ?? "", "base64url");
    ciphertext[0] = (ciphertext[0] ?? 0) ^ 0x01;
    parts[3] = ciphertext.toString("base64url");
    expect((await meWith(parts.join("."))).status).toBe(401);

    const [session] = await t.database.db.query.sessions.findMany({
      where: (s, { eq }) => eq(s.userId, account.userId),
    });
    const sid = session?.id ?? "";
    const unsecured = new UnsecuredJWT({ sid }).setIssuedAt().setExpirationTime("1h").encode();
    expect((await meWith(unsecured)).status).toBe(401);

    const foreign = await sealSessionToken(randomBytes(32), sid, new Date(Date.now() + 3600_000));
    expect((await meWith(foreign)).status).toBe(401);

    const expired = await new EncryptJWT({ sid })
      .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
      .setIssuer("therapyledger")
      .setAudience("therapyledger-session")
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .encrypt(t.deps.secrets.sessionKey);
    expect((await meWith(expired)).status).toBe(401);
  });

  // Attack: reusing a cookie copied before sign-out.
  it("after logout the old cookie answers 401 (the session ends on the server)", async () => {
    const account = await registerAccount(t, { client: new TestClient(t, HTTPS) });
    const token = account.client.sessionCookie() ?? "";
    expect((await account.client.post("/api/auth/logout")).status).toBe(204);
    expect((await meWith(token)).status).toBe(401);
  });

  it("a new token at every sign-in", async () => {
    const account = await registerAccount(t);
    const first = await signIn(t, account.email, account.password);
    const firstToken = first.client.sessionCookie();
    const second = await signIn(t, account.email, account.password, first.client);
    expect(second.res.status).toBe(200);
    const tokens = [account.client.sessionCookie(), firstToken, second.client.sessionCookie()];
    expect(new Set(tokens).size).toBe(3);
    // Signing in again in the same browser ends the session it replaces.
    expect((await meWith(firstToken ?? "", "http://localhost")).status).toBe(401);
  });

  // Attack: a thief keeps a stolen session after the owner changes their password or 2FA.
  it("a password change ends the other sessions and keeps the current one", async () => {
    const account = await registerAccount(t);
    const other = await signIn(t, account.email, account.password);
    const res = await account.client.post("/api/me/password", {
      currentPassword: account.password,
      newPassword: "a brand new passphrase",
    });
    expect(res.status, await res.clone().text()).toBe(204);
    expect((await other.client.get("/api/me")).status).toBe(401);
    expect((await account.client.get("/api/me")).status).toBe(200);
  });

  it("turning two-factor on or off ends the other sessions", async () => {
    const account = await registerAccount(t);
    const other = await signIn(t, account.email, account.password);
    const { secret } = await turnOnTwoFactor(account.client);
    expect((await other.client.get("/api/me")).status).toBe(401);
    const third = await signIn(t, account.email, account.password);
    expect((await third.client.post("/api/auth/mfa", { code: totpCode(secret, 0) })).status).toBe(200);
    const off = await account.client.post("/api/me/two-factor/disable", {
      password: account.password,
      code: totpCode(secret, 1),
    });
    expect(off.status, await off.clone().text()).toBe(204);
    expect((await third.client.get("/api/me")).status).toBe(401);
    expect((await account.client.get("/api/me")).status).toBe(200);
  });

  it("a session idle longer than the idle timeout, or past its absolute lifetime, answers 401", async () => {
    const account = await registerAccount(t);
    const { sessions } = await import("../../../src/db/schema/identity.js");
    const { eq } = await import("drizzle-orm");
    await t.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - (t.deps.config.sessionIdleTtlSeconds + 5) * 1000) })
      .where(eq(sessions.userId, account.userId));
    expect((await account.client.get("/api/me")).status).toBe(401);

    const again = await signIn(t, account.email, account.password);
    await t.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, account.userId));
    expect((await again.client.get("/api/me")).status).toBe(401);
  });

  it("lists the user's sessions and ends one of them", async () => {
    const account = await registerAccount(t);
    const other = await signIn(t, account.email, account.password);
    const list = (await (await account.client.get("/api/me/sessions")).json()) as {
      sessions: { id: string; current: boolean }[];
    };
    expect(list.sessions).toHaveLength(2);
    const target = list.sessions.find((s) => !s.current);
    expect((await account.client.delete(`/api/me/sessions/${target?.id}`)).status).toBe(204);
    expect((await other.client.get("/api/me")).status).toBe(401);
    // Another user's session id is not found, not ended.
    const stranger = await registerAccount(t);
    const mine = list.sessions.find((s) => s.current);
    expect((await stranger.client.delete(`/api/me/sessions/${mine?.id}`)).status).toBe(404);
    expect((await account.client.get("/api/me")).status).toBe(200);
  });
});
