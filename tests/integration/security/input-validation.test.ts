// Attack: malformed, oversized or crafted bodies that crash a handler, smuggle fields or pollute prototypes.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODES } from "../../../src/http/errors.js";
import type { Account } from "../../support/accounts.js";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { type Caller, fillPath, practiceOwner } from "../../support/http/route-params.js";
import { type JsonSchema, sampleBody } from "../../support/http/schema-sample.js";
import { type ApiRoute, listApiRoutes } from "../../support/route-table.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

/** Whole-API walks and app start-ups, allowing for a busy machine. */
const SLOW = { timeout: 120_000 };
let t: TestApp;
let bodyRoutes: ApiRoute[];
let writeRoutes: ApiRoute[];
/** Each body route's request schema, from the OpenAPI document. */
const schemas = new Map<string, JsonSchema>();

beforeAll(async () => {
  t = await createTestApp();
  const routes = await listApiRoutes(t.app);
  bodyRoutes = routes.filter((r) => r.hasBody);
  writeRoutes = routes.filter((r) => r.method !== "GET");
  const doc = (await (await t.request("/api/openapi.json")).json()) as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
    >;
  };
  for (const route of bodyRoutes) {
    const op = doc.paths[route.path.replace(/^\/api/, "")]?.[route.method.toLowerCase()];
    schemas.set(keyOf(route), op?.requestBody?.content["application/json"]?.schema ?? {});
  }
}, SLOW.timeout);
afterAll(async () => t?.close());

const keyOf = (r: ApiRoute) => `${r.method} ${r.path}`;

async function sendRaw(a: Caller, route: ApiRoute, body: string, contentType = "application/json") {
  const token = await a.client.csrf();
  return a.client.fetch(fillPath(route, a.params), {
    method: route.method,
    headers: { "content-type": contentType, "x-csrf-token": token },
    body,
  });
}

/** A 4xx in the one error shape of src/http/errors.ts; its body, for further checks. */
async function expectClientError(res: Response, label: string, code?: string) {
  expect(res.status, label).toBeGreaterThanOrEqual(400);
  expect(res.status, label).toBeLessThan(500);
  const body = expectErrorShape(await res.text(), label);
  if (code) expect(body.error.code, label).toBe(code);
  return body;
}

function expectErrorShape(text: string, label: string) {
  const body = JSON.parse(text) as { error: { code: string; message: string; details?: unknown } };
  expect(Object.keys(body), label).toEqual(["error"]);
  expect(Object.keys(ERROR_CODES), label).toContain(body.error.code);
  expect(typeof body.error.message, label).toBe("string");
  expect(
    Object.keys(body.error).filter((k) => !["code", "message", "details"].includes(k)),
    label,
  ).toEqual([]);
  return body;
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** A signed-in user (owning a practice) of its own for each route: sign-in limits count per account and IP. */
const freshAccount = () => practiceOwner(t);
const validBody = (route: ApiRoute, a: Account) =>
  sampleBody(schemas.get(keyOf(route)) ?? {}, a) as Record<string, unknown>;

const randomBody = fc.oneof(
  fc.anything().map((v) => JSON.stringify(v) ?? ""),
  fc.object().map((v) => JSON.stringify(v)),
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.json(),
  fc.string({ unit: "binary", maxLength: 64 }),
);

const fieldValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ maxLength: 80 }),
  fc.emailAddress(),
  fc.stringMatching(/^\d{6}$/),
  fc.string({ unit: "grapheme", minLength: 8, maxLength: 80 }),
  fc.constantFrom(true, false, null, 0, -1, 1e308, "", " ", "\u0000", "' OR 1=1 --", "a".repeat(2000), {
    $ne: 1,
  }),
);

/** Runs one route's property and collects a failure (shrunk), so every route gets checked. */
async function checkProperty<Ts>(
  failures: string[],
  property: fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts>,
) {
  const details = await fc.check(property, params);
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    failures.push(`${cause.split("\n")[0]} (seed ${details.seed})`);
  }
}

describe("property-based random bodies", SLOW, () => {
  // Random data rarely fits a schema, so it is refused with 4xx; only a JSON object (`{}` on a
  // route whose fields are all optional) can be accepted at all.
  it("random JSON (and non-JSON) bodies on every body route → 4xx with the error shape, never 5xx", async () => {
    expect(bodyRoutes.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    for (const route of bodyRoutes) {
      const a = await freshAccount();
      await checkProperty(
        failures,
        fc.asyncProperty(randomBody, async (body) => {
          const res = await sendRaw(a, route, body);
          const label = `${keyOf(route)} ${body.slice(0, 200)} → ${res.status}`;
          if (res.status < 400) expect(isJsonObject(body), label).toBe(true);
          else await expectClientError(res, label);
        }),
        { numRuns: 30, examples: [["{}"], ["[]"], ["null"]] },
      );
    }
    expect(failures).toEqual([]);
  });

  it("the route's own field names with random values → never 5xx; every error keeps the shape", async () => {
    const failures: string[] = [];
    for (const route of bodyRoutes) {
      const keys = Object.keys(schemas.get(keyOf(route))?.properties ?? {});
      expect(keys.length, keyOf(route)).toBeGreaterThan(0);
      const a = await freshAccount();
      const shaped = fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue])), { requiredKeys: [] });
      await checkProperty(
        failures,
        fc.asyncProperty(shaped, async (value) => {
          const res = await sendRaw(a, route, JSON.stringify(value));
          const label = `${keyOf(route)} ${JSON.stringify(value).slice(0, 200)} → ${res.status}`;
          expect(res.status, label).toBeLessThan(500);
          if (res.status >= 400) expectErrorShape(await res.text(), label);
        }),
        { numRuns: 30, examples: [[{}]] },
      );
    }
    expect(failures).toEqual([]);
  });
});

describe("crafted bodies", SLOW, () => {
  // Attack: mass assignment (a `role` or `isAdmin` the handler might copy) and prototype pollution.
  it("unknown keys, __proto__ and constructor payloads → 400 validation_failed and change nothing", async () => {
    for (const route of bodyRoutes) {
      const a = await freshAccount();
      const inner = JSON.stringify(validBody(route, a)).slice(1, -1);
      const withKeys = (extra: string) => `{${[extra, inner].filter(Boolean).join(",")}}`;
      const before = await snapshotDatabase(t.database.db);
      const payloads: [string, string][] = [
        [withKeys(`"role":"owner","isAdmin":true`), "isAdmin"],
        [withKeys(`"__proto__":{"isAdmin":true,"role":"owner"}`), "__proto__"],
        [withKeys(`"constructor":{"prototype":{"isAdmin":true}}`), "constructor"],
        [withKeys(`"__proto__":{"__proto__":{"isAdmin":true}}`), "__proto__"],
      ];
      for (const [payload, named] of payloads) {
        const label = `${keyOf(route)} ${payload}`;
        const body = await expectClientError(await sendRaw(a, route, payload), label, "validation_failed");
        expect(JSON.stringify(body.error.details), label).toContain(named);
        expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
        expect(Object.hasOwn(Object.prototype, "isAdmin")).toBe(false);
        expect(Object.hasOwn(Object.prototype, "role")).toBe(false);
      }
      expect(await snapshotDatabase(t.database.db), keyOf(route)).toEqual(before);
    }
  });

  // Attack: memory exhaustion with huge bodies.
  it("a body one byte over the limit → 413 payload_too_large on every write route; at the limit it is read", async () => {
    const a = await freshAccount();
    const limit = t.deps.config.bodyLimitBytes;
    expect(limit).toBe(1_048_576);
    const padded = (size: number) => `{"email":"${"a".repeat(size - 12)}"}`;
    expect(Buffer.byteLength(padded(limit + 1))).toBe(limit + 1);
    const token = await a.client.csrf();
    for (const route of writeRoutes) {
      const streamed = await sendRaw(a, route, padded(limit + 1));
      await expectClientError(streamed, `${keyOf(route)} (no Content-Length)`, "payload_too_large");
      expect(streamed.status).toBe(413);
      const declared = await a.client.fetch(fillPath(route, a.params), {
        method: route.method,
        headers: {
          "content-type": "application/json",
          "x-csrf-token": token,
          "content-length": String(limit + 1),
        },
        body: padded(limit + 1),
      });
      expect(declared.status, `${keyOf(route)} (Content-Length)`).toBe(413);
    }
    const login = bodyRoutes.find((r) => r.path === "/api/auth/login");
    if (!login) throw new Error("no login route");
    await expectClientError(await sendRaw(a, login, padded(limit)), "at the limit", "validation_failed");
  });

  it("malformed JSON → 400 malformed_json on every body route", async () => {
    const a = await freshAccount();
    for (const route of bodyRoutes) {
      for (const body of ['{"email":', "", "{'a':1}", "[1,2", "\u0000", '{"a":1}}', "NaN"]) {
        const label = `${keyOf(route)} ${JSON.stringify(body)}`;
        await expectClientError(await sendRaw(a, route, body), label, "malformed_json");
      }
    }
  });

  // Attack: an HTML form can post text/plain, urlencoded or multipart cross-site without a preflight.
  it("a body that is not application/json → 415 unsupported_media_type on every body route", async () => {
    const a = await freshAccount();
    const types = [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/xml",
      "",
    ];
    for (const route of bodyRoutes) {
      const valid = JSON.stringify(validBody(route, a));
      for (const type of types) {
        const res = await sendRaw(a, route, valid, type);
        await expectClientError(res, `${keyOf(route)} ${type || "(none)"}`, "unsupported_media_type");
        expect(res.status).toBe(415);
      }
    }
  });
});
