import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApiRoutes } from "../../support/route-table.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("the API contract", () => {
  it("serves an OpenAPI 3.1 document", async () => {
    const res = await t.request("/api/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toContain("/health");
  });

  // A route added outside defineRoute would have no schema and no access policy: unvalidated
  // input and no authorization. The table is read from the router itself, so none can hide.
  it("every API route has a request schema and an access policy", async () => {
    const routes = await listApiRoutes(t.app);
    expect(routes.length).toBeGreaterThan(10);
    const missing = routes
      .filter((r) => !r.hasRequestSchema || !r.access)
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it("every body is declared as required JSON, so a wrong content type cannot skip validation", async () => {
    const res = await t.request("/api/openapi.json");
    const doc = (await res.json()) as {
      paths: Record<string, Record<string, { requestBody?: { required?: boolean; content: object } }>>;
    };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!op.requestBody) continue;
        expect(op.requestBody.required, `${method} ${path}`).toBe(true);
        expect(Object.keys(op.requestBody.content), `${method} ${path}`).toEqual(["application/json"]);
      }
    }
  });
});
