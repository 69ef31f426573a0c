import { and, eq } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../../db/client.js";
import { sessions } from "../../db/schema/identity.js";
import { practiceMembers, practices } from "../../db/schema/practices.js";
import type { AppEnv } from "../../http/app-env.js";
import { ApiError } from "../../http/errors.js";
import { endSessionCookie, startSession } from "../../http/session-cookie.js";
import { verifyPassword } from "../../identity/password.js";
import { consumeRateLimit, resetRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import { consumeMfaAttempt, deleteSession } from "../sessions.js";
import { type AuthContext, LOGIN_LIMITS, limitKeys, MFA_MAX_ATTEMPTS } from "./auth-context.js";
import { requireSecondFactorCode } from "./reauthenticate.js";
import { findUserByEmail, normalizeEmail, requireUser } from "./users.js";

const INVALID_CREDENTIALS = "The email or password is not right.";

function tooMany(retryAfterSeconds: number): ApiError {
  return new ApiError(
    429,
    "rate_limited",
    "Too many sign-in attempts. Wait a while before trying again, or reset your password.",
    undefined,
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/** Whether a practice the user belongs to requires two-factor of members who use a password. */
async function anyPracticeRequiresTwoFactor(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: practices.id })
    .from(practiceMembers)
    .innerJoin(practices, eq(practices.id, practiceMembers.practiceId))
    .where(and(eq(practiceMembers.userId, userId), eq(practices.requireTwoFactor, true)))
    .limit(1);
  return row !== undefined;
}

/**
 * The password step. Attempts are counted before the password is checked, per account (by the
 * address typed, so unknown addresses are counted alike) and per IP, so a lock holds even for
 * the right password and parallel guesses cannot overrun it. Unknown addresses still pay one
 * bcrypt compare and get the same answer as a wrong password.
 */
export async function signInWithPassword(
  c: Context<AppEnv>,
  ctx: AuthContext,
  input: { email: string; password: string },
): Promise<{ mfaRequired: boolean; enrolmentRequired: boolean }> {
  const { database, config } = ctx.deps;
  const email = normalizeEmail(input.email);
  const perAccount = await consumeRateLimit(
    database.db,
    limitKeys.loginAccount(email),
    LOGIN_LIMITS.perAccount,
  );
  const perIp = await consumeRateLimit(database.db, limitKeys.loginIp(ctx.origin.ip), LOGIN_LIMITS.perIp);
  if (!perAccount.allowed) throw tooMany(perAccount.retryAfterSeconds);
  if (!perIp.allowed) throw tooMany(perIp.retryAfterSeconds);

  const user = await findUserByEmail(database.db, email);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? null, {
    dummyCost: config.bcryptCost,
  });
  if (!user || !ok) {
    if (user)
      await recordSecurityEvent(database.db, user.id, "sign_in_failed", ctx.origin, { reason: "password" });
    throw new ApiError(401, "invalid_credentials", INVALID_CREDENTIALS);
  }
  await resetRateLimit(database.db, limitKeys.loginAccount(email));
  const previous = c.get("session");
  if (previous) await deleteSession(database.db, previous.id);
  const mfaRequired = user.totpEnabledAt !== null;
  const enrolmentRequired = !mfaRequired && (await anyPracticeRequiresTwoFactor(database.db, user.id));
  await startSession(c, {
    userId: user.id,
    state: mfaRequired ? "pending_mfa" : enrolmentRequired ? "enrol_mfa" : "active",
    method: "password",
  });
  if (!mfaRequired)
    await recordSecurityEvent(database.db, user.id, "sign_in", ctx.origin, { method: "password" });
  return { mfaRequired, enrolmentRequired };
}

/**
 * The second-factor step of a pending session. Each try uses one of the challenge's five
 * attempts (counted atomically, before the code is checked); after the fifth the challenge is
 * over and the person signs in again. Success replaces the pending session with a new one.
 */
export async function completeSecondFactor(
  c: Context<AppEnv>,
  ctx: AuthContext,
  code: string,
): Promise<void> {
  const { database } = ctx.deps;
  const session = c.get("session");
  if (!session) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
  if (session.state !== "pending_mfa") {
    throw new ApiError(409, "conflict", "This session has already finished signing in.");
  }
  if (!(await consumeMfaAttempt(database.db, session.id, MFA_MAX_ATTEMPTS))) {
    await deleteSession(database.db, session.id);
    endSessionCookie(c);
    await recordSecurityEvent(database.db, session.userId, "mfa_locked", ctx.origin);
    throw new ApiError(
      401,
      "mfa_attempts_exhausted",
      "Too many wrong codes. Sign in again to get a new try.",
    );
  }
  const user = await requireUser(database.db, session.userId);
  const result = await requireSecondFactorCode(ctx, user, code, { status: 401 });
  // Only the request that removes the pending row may open the new session.
  const removed = await database.db
    .delete(sessions)
    .where(and(eq(sessions.id, session.id), eq(sessions.state, "pending_mfa")))
    .returning({ id: sessions.id });
  if (removed.length === 0) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
  await startSession(c, { userId: user.id, state: "active", method: session.method });
  await recordSecurityEvent(database.db, user.id, "sign_in", ctx.origin, {
    method: session.method,
    secondFactor: result.method,
  });
  if (result.method === "backup_code") {
    await recordSecurityEvent(database.db, user.id, "backup_code_used", ctx.origin, {
      remaining: result.remaining,
    });
  }
}
