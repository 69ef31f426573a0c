import { randomUUID } from "node:crypto";
import type { AccessPolicy } from "../../src/http/policy.js";
import type { App } from "../../src/server/app.js";

export type ApiRoute = {
  method: string;
  /** As the OpenAPI document names it, under /api: `/api/me/sessions/{id}`. */
  path: string;
  access: AccessPolicy | undefined;
  hasRequestSchema: boolean;
  hasBody: boolean;
};

type Operation = { "x-access"?: AccessPolicy; requestBody?: unknown; parameters?: unknown[] };

/**
 * Every API route the router knows, with what the OpenAPI document says of it. A route the
 * router serves but the document lacks comes back with no policy and no schema, so the tests
 * that walk this table catch a route added by hand (`app.get(...)`) outside defineRoute.
 */
export async function listApiRoutes(app: App): Promise<ApiRoute[]> {
  const res = await app.request("http://localhost/api/openapi.json");
  const doc = (await res.json()) as { paths: Record<string, Record<string, Operation>> };
  const documented = new Map<string, Operation>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item))
      documented.set(`${method.toUpperCase()} /api${path}`, op);
  }
  const served = new Set<string>();
  for (const route of app.routes) {
    if (route.method === "ALL" || !route.path.startsWith("/api/")) continue;
    served.add(`${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`);
  }
  const keys = new Set([...served, ...documented.keys()]);
  return [...keys].sort().map((key) => {
    const [method = "", path = ""] = key.split(" ");
    const op = documented.get(key);
    return {
      method,
      path,
      access: op?.["x-access"],
      // defineRoute requires `request`; the document shows it as parameters and/or a body, or
      // as nothing for a route that takes no input, which the policy check then stands for.
      hasRequestSchema: op !== undefined,
      hasBody: op?.requestBody !== undefined,
    };
  });
}

/** A concrete URL for a route, with each `{param}` filled by a fresh UUID. */
export function concretePath(route: ApiRoute): string {
  return route.path.replace(/\{(\w+)\}/g, () => randomUUID());
}
