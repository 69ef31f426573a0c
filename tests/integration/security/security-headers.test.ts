// Attack: XSS, clickjacking, MIME sniffing, referrer leaks, cached private data and cross-origin reads.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount } from "../../support/accounts.js";
import { ASSET_PATH, createWebRoot } from "../../support/http/web-root.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const web = createWebRoot();
const responses: Record<string, Response> = {};
/** App start-up (a fresh database) can be slow on a busy machine. */
const HOOK_TIMEOUT_MS = 120_000;
const NOT_API = new Set(["page", "deep page", "static asset", "unknown asset 404"]);

/** The effective sources of a CSP directive (a missing fetch directive falls back to default-src). */
function cspDirectives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), sources);
  }
  return map;
}

function expectSecurityHeaders(res: Response, label: string) {
  const h = res.headers;
  const csp = h.get("content-security-policy");
  expect(csp, `${label}: CSP`).toBeTruthy();
  const directives = cspDirectives(csp ?? "");
  const scripts = directives.get("script-src") ?? directives.get("default-src");
  expect(scripts, `${label}: script-src`).toBeDefined();
  for (const unsafe of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"])
    expect(scripts, `${label}: script-src allows ${unsafe}`).not.toContain(unsafe);
  expect(directives.get("object-src"), `${label}: object-src`).toEqual(["'none'"]);
  expect(directives.get("base-uri"), `${label}: base-uri`).toEqual(["'none'"]);
  expect(directives.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(h.get("x-frame-options"), label).toBe("DENY");
  expect(h.get("x-content-type-options"), label).toBe("nosniff");
  expect(h.get("referrer-policy"), label).toMatch(
    /^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/,
  );
  const permissions = h.get("permissions-policy") ?? "";
  for (const feature of ["camera", "microphone", "geolocation", "payment"])
    expect(permissions, `${label}: Permissions-Policy ${feature}`).toContain(`${feature}=()`);
  const hsts = h.get("strict-transport-security") ?? "";
  expect(Number(/max-age=(\d+)/.exec(hsts)?.[1] ?? 0), `${label}: HSTS`).toBeGreaterThanOrEqual(31_536_000);
  expect(hsts, `${label}: HSTS`).toMatch(/includeSubDomains/i);
  expect(h.get("x-powered-by"), label).toBeNull();
  expect(h.get("server"), label).toBeNull();
}

beforeAll(async () => {
  t = await createTestApp({ webRoot: web.dir });
  const account = await registerAccount(t);
  const anonymous = new TestClient(t);
  const token = await anonymous.csrf();
  const post = (path: string, init: RequestInit) =>
    anonymous.fetch(path, { ...init, method: "POST", headers: { "x-csrf-token": token, ...init.headers } });

  responses["API 200 (signed in)"] = await account.client.get("/api/me");
  responses["API 200 (public)"] = await t.request("/api/health");
  responses["API 404"] = await t.request("/api/no-such-route");
  responses.page = await t.request("/");
  responses["deep page"] = await t.request("/clients/42/invoices");
  responses["static asset"] = await t.request(ASSET_PATH);
  responses["unknown asset 404"] = await t.request("/assets/missing-123.js");
  responses["413"] = await post("/api/auth/login", {
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "a".repeat(t.deps.config.bodyLimitBytes) }),
  });
  responses["400"] = await post("/api/auth/login", {
    headers: { "content-type": "application/json" },
    body: '{"email":',
  });
  responses["401"] = await t.request("/api/me");
  responses["403"] = await t.request("/api/auth/logout", { method: "POST" });
  responses["415"] = await post("/api/auth/login", { headers: { "content-type": "text/plain" }, body: "x" });
}, HOOK_TIMEOUT_MS);

// A 500: a dedicated app whose database is closed under it.
beforeAll(async () => {
  const broken = await createTestApp();
  try {
    const client = new TestClient(broken);
    await client.csrf();
    await broken.database.close();
    responses["500"] = await client.post("/api/auth/login", { email: "a@example.com", password: "whatever" });
  } finally {
    await broken.close().catch(() => fs.rmSync(broken.deps.config.dataDir, { recursive: true, force: true }));
  }
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await t?.close();
  web.remove();
});

describe("security headers", () => {
  it("the sample covers every kind of response, with the status each is meant to have", () => {
    const statuses = Object.fromEntries(Object.entries(responses).map(([k, r]) => [k, r.status]));
    expect(statuses).toEqual({
      "API 200 (signed in)": 200,
      "API 200 (public)": 200,
      "API 404": 404,
      page: 200,
      "deep page": 200,
      "static asset": 200,
      "unknown asset 404": 404,
      "413": 413,
      "400": 400,
      "401": 401,
      "403": 403,
      "415": 415,
      "500": 500,
    });
  });

  it("every response carries CSP, framing, sniffing, referrer, permissions and HSTS headers", () => {
    for (const [label, res] of Object.entries(responses)) expectSecurityHeaders(res, label);
  });

  it("the forced 500 answers a generic JSON error, without internals", async () => {
    const body = (await responses["500"]?.clone().json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toMatch(/stack|pglite|pool|closed|\.ts:|at /i);
  });

  // Attack: a shared or back-button cache showing one person's financial data to another.
  it("every API answer, signed in or not, error or not, says Cache-Control: no-store", () => {
    for (const [label, res] of Object.entries(responses)) {
      if (NOT_API.has(label)) continue;
      expect(res.headers.get("cache-control"), label).toBe("no-store");
    }
    expect(responses["API 200 (signed in)"]?.headers.get("cache-control")).toBe("no-store");
  });

  it("the page shell is revalidated and hashed assets are cacheable (not private data)", () => {
    expect(responses.page?.headers.get("cache-control")).toBe("no-cache");
    expect(responses["static asset"]?.headers.get("cache-control")).toContain("immutable");
  });
});

// Attack: a page on another origin reading the API with the visitor's cookies.
describe("CORS", () => {
  const EVIL = "https://evil.example";

  it("a request from another Origin never gets Access-Control-Allow-Origin", async () => {
    const account = await registerAccount(t);
    const samples: Record<string, Response> = {
      "GET /api/me signed in": await account.client.get("/api/me", { origin: EVIL }),
      "GET /api/health": await t.request("/api/health", { headers: { origin: EVIL } }),
      "GET /api/auth/csrf": await t.request("/api/auth/csrf", { headers: { origin: EVIL } }),
      "GET / (page)": await t.request("/", { headers: { origin: EVIL } }),
      "Origin: null": await t.request("/api/me", { headers: { origin: "null" } }),
    };
    expect(samples["GET /api/me signed in"]?.status).toBe(200);
    for (const [label, res] of Object.entries(samples)) {
      expect(res.headers.get("access-control-allow-origin"), label).toBeNull();
      expect(res.headers.get("access-control-allow-credentials"), label).toBeNull();
    }
  });

  it("an OPTIONS preflight is not approved", async () => {
    for (const path of ["/api/me", "/api/auth/login", "/api/me/password"]) {
      const res = await t.request(path, {
        method: "OPTIONS",
        headers: {
          origin: EVIL,
          "access-control-request-method": "POST",
          "access-control-request-headers": "content-type, x-csrf-token",
        },
      });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
      expect(res.headers.get("access-control-allow-methods"), path).toBeNull();
      expect(res.headers.get("access-control-allow-headers"), path).toBeNull();
      expectSecurityHeaders(res, `OPTIONS ${path}`);
    }
  });
});
