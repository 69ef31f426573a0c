import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { ApiError } from "../errors.js";
import type { AccessPolicy } from "../policy.js";

/** Enforces one route's declared policy. Attached by defineRoute, never by hand. */
export function enforceAccess(policy: AccessPolicy): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    switch (policy.access) {
      case "public":
        return next();
      case "session":
        throw new ApiError(401, "unauthenticated", "Sign in to continue.");
    }
  };
}
