// Attack: SSL stripping. A network attacker downgrades a visit to plain http to read or change it.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { GOOD_PASSWORD, registerAccount, uniqueEmail } from "../../support/accounts.js";
import { createWebRoot, PAGE_TITLE } from "../../support/http/web-root.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

const PUBLIC_URL = "https://app.example.com";
const production = { nodeEnv: "production", isProduction: true, publicUrl: PUBLIC_URL } as const;
const HTTP = { "x-forwarded-proto": "http" };
const HTTPS = { "x-forwarded-proto": "https" };

/** App start-up (a fresh database) can be slow on a busy machine. */
const HOOK_TIMEOUT_MS = 120_000;
const web = createWebRoot();
afterAll(() => web.remove());

/** HSTS as ASVS 3.4.1 asks: at least a year, subdomains included. */
function expectHsts(res: Response, label: string) {
  const hsts = res.headers.get("strict-transport-security") ?? "";
  const maxAge = Number(/(?:^|;)\s*max-age=(\d+)/i.exec(hsts)?.[1] ?? 0);
  expect(maxAge, `${label}: ${hsts}`).toBeGreaterThanOrEqual(31_536_000);
  expect(hsts, label).toMatch(/(^|;)\s*includeSubDomains\s*(;|$)/i);
}

async function userCount(t: TestApp): Promise<number> {
  const [row] = await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from users`);
  return row?.n ?? 0;
}

describe("production behind a proxy (TRUST_PROXY)", () => {
  let behindProxy: TestApp;
  beforeAll(async () => {
    behindProxy = await createTestApp({ config: { ...production, trustProxy: true }, webRoot: web.dir });
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => behindProxy?.close());

  it("a plain-http page request is redirected 301 to the same path and query on https", async () => {
    for (const target of ["/", "/dashboard/clients?page=2&q=a%20b", "/terms", "/assets/app-abc123.js?v=1"]) {
      const res = await behindProxy.request(`http://10.0.0.5:3000${target}`, { headers: HTTP });
      expect(res.status, target).toBe(301);
      expect(res.headers.get("location"), target).toBe(`${PUBLIC_URL}${target}`);
      expectHsts(res, target);
    }
  });

  it("HEAD is redirected too, and the target is PUBLIC_URL whatever Host the request names", async () => {
    const head = await behindProxy.request("http://internal/security?x=1", { method: "HEAD", headers: HTTP });
    expect(head.status).toBe(301);
    expect(head.headers.get("location")).toBe(`${PUBLIC_URL}/security?x=1`);
    const spoofed = await behindProxy.request("http://evil.example/login", {
      headers: { ...HTTP, host: "evil.example", "x-forwarded-host": "evil.example" },
    });
    expect(spoofed.status).toBe(301);
    expect(spoofed.headers.get("location")).toBe(`${PUBLIC_URL}/login`);
  });

  it("a state-changing request over plain http is refused with 403 https_required and not run", async () => {
    const before = await userCount(behindProxy);
    const body = JSON.stringify({ email: uniqueEmail(), password: GOOD_PASSWORD, acceptTerms: true });
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      const res = await behindProxy.request("http://internal/api/auth/register", {
        method,
        headers: { ...HTTP, "content-type": "application/json" },
        body,
      });
      expect(res.status, method).toBe(403);
      expect(await res.json(), method).toEqual({
        error: { code: "https_required", message: expect.any(String) },
      });
      expect(res.headers.get("location"), method).toBeNull();
      expectHsts(res, method);
    }
    expect(await userCount(behindProxy)).toBe(before);
  });

  it("the load balancer's probes /api/health and /api/ready answer over plain http", async () => {
    for (const probe of ["/api/health", "/api/ready"]) {
      const res = await behindProxy.request(`http://10.0.0.5:3000${probe}`, { headers: HTTP });
      expect(res.status, probe).toBe(200);
      expectHsts(res, probe);
    }
  });

  it("over https (X-Forwarded-Proto: https) pages are served and sign-up works", async () => {
    const page = await behindProxy.request("http://internal/dashboard", { headers: HTTPS });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(PAGE_TITLE);
    expectHsts(page, "page over https");
    const client = new TestClient(behindProxy, "http://internal", {
      ...HTTPS,
      "x-forwarded-for": "10.1.2.3",
    });
    const account = await registerAccount(behindProxy, { client });
    expect([...client.cookies.keys()]).toContain("__Host-tl_session");
    const me = await account.client.get("/api/me");
    expect(me.status).toBe(200);
    expectHsts(me, "/api/me");
  });

  it("every response carries HSTS: redirects, refusals, 404s and API answers", async () => {
    const responses = {
      redirect: await behindProxy.request("http://internal/x", { headers: HTTP }),
      refusal: await behindProxy.request("http://internal/api/auth/logout", {
        method: "POST",
        headers: HTTP,
      }),
      apiNotFound: await behindProxy.request("http://internal/api/nope", { headers: HTTPS }),
      assetNotFound: await behindProxy.request("http://internal/assets/missing.js", { headers: HTTPS }),
      unauthenticated: await behindProxy.request("http://internal/api/me", { headers: HTTPS }),
    };
    expect(responses.apiNotFound.status).toBe(404);
    expect(responses.unauthenticated.status).toBe(401);
    for (const [label, res] of Object.entries(responses)) expectHsts(res, label);
  });
});

describe("production without TRUST_PROXY", () => {
  let noProxy: TestApp;
  beforeAll(async () => {
    noProxy = await createTestApp({ config: { ...production, trustProxy: false }, webRoot: web.dir });
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => noProxy?.close());

  it("a client's own X-Forwarded-Proto: https does not make a plain-http request count as https", async () => {
    const res = await noProxy.request("http://internal/dashboard", { headers: HTTPS });
    expect(res.status).toBe(301);
    expect(res.headers.get("location")).toBe(`${PUBLIC_URL}/dashboard`);
    const post = await noProxy.request("http://internal/api/auth/logout", { method: "POST", headers: HTTPS });
    expect(post.status).toBe(403);
  });

  it("a request that reached the process over TLS is served", async () => {
    const res = await noProxy.request("https://app.example.com/dashboard");
    expect(res.status).toBe(200);
    expectHsts(res, "direct https");
  });
});

describe("outside production (local development)", () => {
  let development: TestApp;
  beforeAll(async () => {
    development = await createTestApp({ webRoot: web.dir });
  }, HOOK_TIMEOUT_MS);
  afterAll(async () => development?.close());

  it("plain http works: pages load and an account can be created and used", async () => {
    const page = await development.request("http://localhost/dashboard", { headers: HTTP });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(PAGE_TITLE);
    const client = new TestClient(development, "http://localhost", {
      ...HTTP,
      "x-forwarded-for": "10.9.8.7",
    });
    const account = await registerAccount(development, { client });
    expect([...client.cookies.keys()]).toContain("tl_session");
    expect((await account.client.get("/api/me")).status).toBe(200);
    expect((await account.client.post("/api/auth/logout")).status).toBe(204);
  });
});
