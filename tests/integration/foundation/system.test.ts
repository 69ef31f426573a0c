import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
let webRoot: string;

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), "tl-web-"));
  fs.mkdirSync(path.join(webRoot, "assets"));
  fs.writeFileSync(path.join(webRoot, "index.html"), "<!doctype html><title>TherapyLedger</title>");
  fs.writeFileSync(path.join(webRoot, "assets", "app-abc123.js"), "console.log('app')");
  t = await createTestApp({ webRoot });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe("health and readiness", () => {
  it("GET /api/health answers ok", async () => {
    const res = await t.request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready reports the database reachable and every migration applied", async () => {
    const res = await t.request("/api/ready");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; migrations: { expected: number; applied: number } };
    expect(body.status).toBe("ready");
    expect(body.migrations.expected).toBeGreaterThan(0);
    expect(body.migrations.applied).toBe(body.migrations.expected);
  });

  it("GET /api/ready answers 503 when a migration is missing", async () => {
    const database = t.database;
    const [last] = (
      (await database.db.execute(
        sql`select id from drizzle.__drizzle_migrations order by id desc limit 1`,
      )) as unknown as { rows: { id: number }[] }
    ).rows;
    await database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${last?.id}`);
    try {
      const res = await t.request("/api/ready");
      expect(res.status).toBe(503);
      expect(((await res.json()) as { status: string }).status).toBe("not_ready");
    } finally {
      await database.migrate().catch(() => {});
    }
  });
});

describe("the web app", () => {
  it("serves index.html for page paths so the client router can take them", async () => {
    for (const page of ["/", "/security", "/terms", "/some/deep/page"]) {
      const res = await t.request(page);
      expect(res.status, page).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("<title>TherapyLedger</title>");
    }
  });

  it("serves hashed assets with a long cache lifetime", async () => {
    const res = await t.request("/assets/app-abc123.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("javascript");
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  it("answers 404 for a missing file and never escapes its folder", async () => {
    expect((await t.request("/assets/missing.js")).status).toBe(404);
    expect((await t.request("/..%2f..%2fetc%2fpasswd.txt")).status).toBe(404);
    expect((await t.request("/%2e%2e/%2e%2e/etc/hosts.txt")).status).toBe(404);
  });

  it("answers unknown API paths with the JSON error shape, not the app shell", async () => {
    const res = await t.request("/api/does-not-exist");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "No API route GET /api/does-not-exist." },
    });
  });
});

describe("request logging", () => {
  it("writes one line per request with method, route, status, duration and request id", async () => {
    const res = await t.request("/api/health");
    const requestId = res.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const line = t.logs.lines
      .map((l) => JSON.parse(l))
      .find((l) => l.requestId === requestId && l.msg === "request");
    expect(line).toMatchObject({ method: "GET", route: "/api/health", status: 200 });
    expect(typeof line.durationMs).toBe("number");
  });
});
