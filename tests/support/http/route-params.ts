import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { type Account, registerAccount } from "../accounts.js";
import type { ApiRoute } from "../route-table.js";
import type { TestApp } from "../test-app.js";

export const PRACTICE_NAME = "Validation Practice";

/** A signed-in user and the path parameters that name things they own. */
export type Caller = Account & { params: Record<string, string> };

/**
 * A fresh signed-in user who owns a practice, so a `{practiceId}` route reaches its schema
 * instead of stopping at the membership check (which answers 404 to strangers).
 */
export async function practiceOwner(t: Pick<TestApp, "request">): Promise<Caller> {
  const account = await registerAccount(t);
  const res = await account.client.post("/api/practices", {
    name: PRACTICE_NAME,
    timeZone: "America/Chicago",
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { practice } = (await res.json()) as { practice: { id: string } };
  return { ...account, params: { practiceId: practice.id } };
}

/** Parameters that are not ids: a value the route accepts, so a walk reaches what comes after. */
const PLAIN_PARAMS: Record<string, string> = { year: "2025" };

/** The route's path with known parameters filled in and any other id a fresh UUID. */
export function fillPath(route: ApiRoute, params: Record<string, string> = {}): string {
  return route.path.replace(
    /\{(\w+)\}/g,
    (_, name: string) => params[name] ?? PLAIN_PARAMS[name] ?? randomUUID(),
  );
}
