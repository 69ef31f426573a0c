import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./app-env.js";
import { enforceAccess } from "./middleware/enforce-access.js";
import type { AccessPolicy } from "./policy.js";

type RequestParts = NonNullable<RouteConfig["request"]>;

/**
 * An API route: its Zod request and response schemas (which also document it in OpenAPI)
 * and its access policy. The policy is enforced by middleware attached here, so a route
 * cannot declare one policy and run under another. A route with no inputs still declares
 * `request: {}` explicitly; the route-table test checks that every route went through here.
 */
export function defineRoute<
  P extends string,
  R extends Omit<RouteConfig, "path" | "middleware"> & {
    path: P;
    request: RequestParts;
    "x-access": AccessPolicy;
  },
>(route: R) {
  const body = route.request.body;
  if (body && body.required !== true) {
    // Without `required`, @hono/zod-openapi skips validation for a non-JSON content type.
    throw new Error(`${route.method.toUpperCase()} ${route.path}: request.body must set required: true`);
  }
  const guard: MiddlewareHandler<AppEnv> = enforceAccess(route["x-access"]);
  const defined = createRoute(route);
  Object.assign(defined, { middleware: [guard] });
  return defined;
}
