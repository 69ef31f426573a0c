// Attack: cross-site request forgery. Another site makes a signed-in browser change the account.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount, signIn, turnOnTwoFactor } from "../../support/accounts.js";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { type Caller, fillPath, PRACTICE_NAME, practiceOwner } from "../../support/http/route-params.js";
import { TestClient } from "../../support/http-client.js";
import { listApiRoutes } from "../../support/route-table.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

/** Whole-API walks and app start-ups, allowing for a busy machine. */
const SLOW = { timeout: 120_000 };
let t: TestApp;
let victim: Caller;
let otherSessionId: string;
let strangerToken: string;

beforeAll(async () => {
  t = await createTestApp();
  victim = await practiceOwner(t);
  await signIn(t, victim.email, victim.password);
  const list = (await (await victim.client.get("/api/me/sessions")).json()) as {
    sessions: { id: string; current: boolean }[];
  };
  otherSessionId = list.sessions.find((s) => !s.current)?.id ?? "";
  expect(otherSessionId).not.toBe("");
  strangerToken = await new TestClient(t).csrf();
}, SLOW.timeout);
afterAll(async () => t?.close());

type Forged = { method: string; path: string; body?: unknown };

/** State-changing requests that, if forged, would hurt: each succeeds with the right token. */
function stateChangingRequests(): Forged[] {
  return [
    {
      method: "POST",
      path: "/api/me/password",
      body: { currentPassword: victim.password, newPassword: "an attacker's passphrase" },
    },
    { method: "DELETE", path: `/api/me/sessions/${otherSessionId}` },
    { method: "POST", path: "/api/auth/logout" },
    { method: "DELETE", path: "/api/me", body: { password: victim.password } },
    { method: "POST", path: "/api/me/two-factor/setup" },
    { method: "POST", path: "/api/auth/login", body: { email: victim.email, password: victim.password } },
    { method: "PATCH", path: `/api/practices/${victim.params.practiceId}`, body: { name: "Owned by evil" } },
    {
      method: "DELETE",
      path: `/api/practices/${victim.params.practiceId}`,
      body: { confirmName: PRACTICE_NAME },
    },
  ];
}

function sessionCookieOnly(): string {
  const [name, value] = [...victim.client.cookies].find(([k]) => k.endsWith("tl_session")) ?? [];
  return `${name}=${value}`;
}

/** Each forgery: the headers a cross-site request could carry (`token` is the victim's real one). */
const ATTACKS: Record<string, (token: string) => Record<string, string>> = {
  "no token": () => ({}),
  "an empty token": () => ({ "x-csrf-token": "" }),
  "a wrong token": (token) => ({
    "x-csrf-token": randomBytes(token.length).toString("base64url").slice(0, token.length),
  }),
  "a token from another browser's cookie": () => ({ "x-csrf-token": strangerToken }),
  "the right token without the CSRF cookie": (token) => ({
    "x-csrf-token": token,
    cookie: sessionCookieOnly(),
  }),
  "a foreign Origin (with the right token)": (token) => ({
    "x-csrf-token": token,
    origin: "https://evil.example",
  }),
  "a look-alike Origin": (token) => ({ "x-csrf-token": token, origin: "http://localhost.evil.example" }),
  "Origin: null (sandboxed frame)": (token) => ({ "x-csrf-token": token, origin: "null" }),
  "Sec-Fetch-Site: cross-site (with the right token)": (token) => ({
    "x-csrf-token": token,
    "sec-fetch-site": "cross-site",
  }),
};

function send(request: Forged, headers: Record<string, string>): Promise<Response> {
  return victim.client.fetch(request.path, {
    method: request.method,
    headers: { ...(request.body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
}

describe("CSRF on state-changing requests with a valid session", () => {
  it.each(Object.keys(ATTACKS))("%s → 403 csrf_failed, and nothing changes in the database", async (name) => {
    const token = await victim.client.csrf();
    const attack = ATTACKS[name] ?? (() => ({}));
    const before = await snapshotDatabase(t.database.db);
    for (const request of stateChangingRequests()) {
      const res = await send(request, attack(token));
      const label = `${request.method} ${request.path}`;
      expect(res.status, label).toBe(403);
      expect(await res.json(), label).toEqual({
        error: { code: "csrf_failed", message: expect.any(String) },
      });
      expect(res.headers.getSetCookie(), label).toEqual([]);
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
    expect((await victim.client.get("/api/me")).status).toBe(200);
  });

  it("a same-origin request with the right token works (and the snapshot sees the change)", async () => {
    const before = await snapshotDatabase(t.database.db);
    const sameOrigin = { origin: "http://localhost", "sec-fetch-site": "same-origin" };
    const [password, endSession] = stateChangingRequests();
    const changed = await victim.client.send("POST", password?.path ?? "", password?.body, sameOrigin);
    expect(changed.status, await changed.clone().text()).toBe(204);
    // The password change ended the other session already; ending it again finds nothing.
    const ended = await victim.client.send("DELETE", endSession?.path ?? "", undefined, sameOrigin);
    expect(ended.status).toBe(404);
    const after = await snapshotDatabase(t.database.db);
    expect(after.users).not.toEqual(before.users);
    expect(after.sessions?.rows).toBe((before.sessions?.rows ?? 0) - 1);
    expect((await victim.client.send("POST", "/api/auth/logout", undefined, sameOrigin)).status).toBe(204);
    expect((await victim.client.get("/api/me")).status).toBe(401);
  });
});

describe("CSRF in production", SLOW, () => {
  it("only PUBLIC_URL's exact origin counts as own: not http://, another port or a subdomain", async () => {
    const prod = await createTestApp({
      config: {
        nodeEnv: "production",
        isProduction: true,
        publicUrl: "https://app.example.com",
        trustProxy: true,
      },
    });
    try {
      const client = new TestClient(prod, "http://internal", {
        "x-forwarded-proto": "https",
        "x-forwarded-for": "10.4.4.4",
      });
      const account = await registerAccount(prod, { client });
      for (const origin of [
        "http://app.example.com",
        "https://app.example.com:8443",
        "https://x.app.example.com",
      ]) {
        const res = await client.post("/api/me/two-factor/setup", undefined, { origin });
        expect(res.status, origin).toBe(403);
      }
      const ok = await account.client.post("/api/me/two-factor/setup", undefined, {
        origin: "https://app.example.com",
      });
      expect(ok.status).toBe(200);
    } finally {
      await prod.close();
    }
  });
});

// Attack: a link or <img> that changes state through GET, which no CSRF token protects.
describe("GET never changes state", SLOW, () => {
  it("walking every GET route as anonymous, pending-MFA and signed-in callers changes no table", async () => {
    const routes = (await listApiRoutes(t.app)).filter((r) => r.method === "GET");
    expect(routes.map((r) => r.path)).toEqual(expect.arrayContaining(["/api/me", "/api/auth/csrf"]));
    const owner = await practiceOwner(t);
    await turnOnTwoFactor(owner.client);
    const { client: pending, res } = await signIn(t, owner.email, owner.password);
    expect(((await res.json()) as { mfaRequired: boolean }).mfaRequired).toBe(true);
    const plain = await registerAccount(t);
    const callers = { anonymous: new TestClient(t), pending, twoFactor: owner.client, plain: plain.client };

    const before = await snapshotDatabase(t.database.db);
    for (const route of routes) {
      for (const [who, client] of Object.entries(callers)) {
        for (const method of ["GET", "HEAD"]) {
          const path = fillPath(route, { ...owner.params, provider: "google" });
          const answer = await client.fetch(`${path}?id=1&delete=true`, { method });
          expect(answer.status, `${who} ${method} ${route.path}`).toBeLessThan(500);
        }
      }
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("GET /api/auth/csrf sets a cookie but writes nothing to the database", async () => {
    const before = await snapshotDatabase(t.database.db);
    const res = await t.request("/api/auth/csrf");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().some((c) => /tl_csrf=/.test(c))).toBe(true);
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });
});
