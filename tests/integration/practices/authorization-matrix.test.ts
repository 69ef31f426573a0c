// Attack: broken access control. A signed-out visitor, a member whose role lacks a power, or a
// member of another practice calls a route the policy denies them; walking the whole route table
// means a new route cannot ship without a policy or with a check that disagrees with the table.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS, roleCan } from "../../../src/domain/permissions.js";
import { fillPath } from "../../support/http/route-params.js";
import type { TestClient } from "../../support/http-client.js";
import {
  ACCESS_FORBIDDEN,
  ACCESS_NOT_FOUND,
  browser,
  createPracticeFixture,
  mintSession,
  type PracticeFixture,
  restoreMemberships,
} from "../../support/practices.js";
import { type ApiRoute, listApiRoutes } from "../../support/route-table.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

const ACTORS = ["anonymous", "user", "admin", "owner", "outsider"] as const;
type Actor = (typeof ACTORS)[number];
/** What the access check decides; "pass" means it let the request through to the handler. */
type Outcome = "pass" | "unauthenticated" | "not_found" | "forbidden";

let t: TestApp;
let f: PracticeFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createPracticeFixture(t);
});
afterAll(async () => t?.close());

/** The answer the policy table promises; a route without a policy cannot be judged and fails. */
function expectedOutcome(route: ApiRoute, actor: Actor): Outcome {
  const policy = route.access;
  if (!policy) throw new Error(`${route.method} ${route.path} has no access policy`);
  if (policy.access === "public") return "pass";
  if (actor === "anonymous") return "unauthenticated";
  if (policy.access === "session") return "pass";
  if (actor === "outsider") return "not_found";
  return roleCan(actor, policy.permission) ? "pass" : "forbidden";
}

/**
 * What the answer shows the access check decided. Its refusals are told apart by their
 * messages: a handler may itself answer 403 (the Owner cannot leave) or 404 (no such member)
 * after access was granted, and that is a pass. A 500 is never acceptable.
 */
async function observedOutcome(res: Response): Promise<Outcome | string> {
  if (res.status >= 500) return `error ${res.status}`;
  if (res.status !== 401 && res.status !== 403 && res.status !== 404) return "pass";
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  if (res.status === 401) return "unauthenticated";
  if (res.status === 403 && error.code.startsWith("mfa_")) return `403 ${error.code}`;
  if (res.status === 403 && error.message === ACCESS_FORBIDDEN) return "forbidden";
  if (res.status === 404 && error.message === ACCESS_NOT_FOUND) return "not_found";
  return "pass";
}

function userIdOf(actor: Actor): string | undefined {
  return actor === "anonymous" ? undefined : f[actor].userId;
}

describe("every route × every kind of caller, against the policy table", () => {
  it("every route declares a policy, and every practice route names its practice and a known permission", async () => {
    const routes = await listApiRoutes(t.app);
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    for (const route of routes) {
      if (route.access?.access !== "practice") continue;
      expect(route.path, "a practice route without {practiceId} could never be reached").toContain(
        "{practiceId}",
      );
      expect(Object.keys(PERMISSIONS)).toContain(route.access.permission);
    }
  });

  it("a route missing from the policy fails the matrix", () => {
    const unknown: ApiRoute = {
      method: "GET",
      path: "/api/practices/{practiceId}/secret",
      access: undefined,
      hasRequestSchema: false,
      hasBody: false,
    };
    for (const actor of ACTORS) expect(() => expectedOutcome(unknown, actor)).toThrow(/no access policy/);
  });

  it("every answer matches the policy: 401 signed out, 404 for other practices, 403 below the permission", async () => {
    const routes = await listApiRoutes(t.app);
    const clients = new Map<Actor, TestClient>();
    for (const actor of ACTORS) clients.set(actor, await browser(t));
    const mismatches: string[] = [];
    const seen = new Map<Outcome, number>();
    for (const route of routes) {
      // A `leave` or a logout in the previous route must not spoil this one.
      await restoreMemberships(t, f);
      const url = fillPath(route, { practiceId: f.practiceId });
      for (const actor of ACTORS) {
        const client = clients.get(actor) as TestClient;
        const userId = userIdOf(actor);
        if (userId) client.cookies.set("tl_session", await mintSession(t, userId));
        else client.cookies.delete("tl_session");
        // `{}` is never a valid body here: validation answers 400 after access was decided.
        const res =
          route.method === "GET"
            ? await client.get(url)
            : await client.send(route.method, url, route.hasBody ? {} : undefined);
        const expected = expectedOutcome(route, actor);
        const observed = await observedOutcome(res);
        seen.set(expected, (seen.get(expected) ?? 0) + 1);
        if (observed !== expected) {
          mismatches.push(`${route.method} ${route.path} as ${actor}: expected ${expected}, got ${observed}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The walk met every kind of answer, so the checks above were not vacuous.
    for (const outcome of ["pass", "unauthenticated", "not_found", "forbidden"] as const) {
      expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
    }
  }, 180_000);
});
