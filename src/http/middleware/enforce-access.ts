import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { ApiError } from "../errors.js";
import type { AccessPolicy } from "../policy.js";

/**
 * Enforces one route's declared policy. Attached by defineRoute, never by hand.
 * A session that still owes its second factor reaches only the routes that say
 * `allowPending` (the MFA step, CSRF, sign-out): this is where 2FA is enforced for every route.
 */
export function enforceAccess(policy: AccessPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get("session");
    if (session?.state === "pending_mfa" && !policy.allowPending) {
      throw new ApiError(403, "mfa_required", "Finish signing in with your authentication code first.");
    }
    if (policy.access === "session" && !session) {
      throw new ApiError(401, "unauthenticated", "Sign in to continue.");
    }
    return next();
  };
}
