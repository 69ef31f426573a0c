import { and, eq } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { practiceMembers } from "../../db/schema/practices.js";
import { roleCan } from "../../domain/permissions.js";
import type { AppEnv } from "../app-env.js";
import { ApiError } from "../errors.js";
import type { AccessPolicy } from "../policy.js";

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function notFound(): ApiError {
  return new ApiError(404, "not_found", "No such practice, or you are not a member of it.");
}

/**
 * Enforces one route's declared policy. Attached by defineRoute, never by hand. This is where
 * two-factor is enforced for every route: a session that still owes its second factor reaches
 * only routes that say `allowPending`, and one limited to enrolment only `allowEnrolment` ones.
 * A practice route answers 404 to anyone who is not a member, so ids of other practices reveal
 * nothing; a member whose role lacks the permission gets 403.
 */
export function enforceAccess(policy: AccessPolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get("session");
    const allowPending = policy.access !== "practice" && policy.allowPending === true;
    const allowEnrolment = policy.access !== "practice" && (policy.allowEnrolment === true || allowPending);
    if (session?.state === "pending_mfa" && !allowPending) {
      throw new ApiError(403, "mfa_required", "Finish signing in with your authentication code first.");
    }
    if (session?.state === "enrol_mfa" && !allowEnrolment) {
      throw new ApiError(
        403,
        "mfa_enrolment_required",
        "Your practice requires two-factor authentication. Turn it on to continue.",
      );
    }
    if (policy.access === "public") return next();
    if (!session) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
    if (policy.access === "session") return next();

    const practiceId = c.req.param("practiceId");
    if (!practiceId || !UUID_PATTERN.test(practiceId)) throw notFound();
    const [membership] = await c
      .get("deps")
      .database.db.select({ role: practiceMembers.role })
      .from(practiceMembers)
      .where(and(eq(practiceMembers.practiceId, practiceId), eq(practiceMembers.userId, session.userId)));
    if (!membership) throw notFound();
    if (!roleCan(membership.role, policy.permission)) {
      throw new ApiError(403, "forbidden", "Your role in this practice does not allow this.");
    }
    c.set("membership", { practiceId, userId: session.userId, role: membership.role });
    return next();
  };
}
