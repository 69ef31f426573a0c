import { ApiError } from "../../http/errors.js";
import { verifyPassword } from "../../identity/password.js";
import { consumeRateLimit, type RateLimitRule, resetRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import type { SessionRow } from "../sessions.js";
import { type AuthContext, LOGIN_LIMITS, limitKeys, MFA_ACCOUNT_LIMIT } from "./auth-context.js";
import { type SecondFactorResult, verifySecondFactor } from "./second-factor.js";
import type { UserRow } from "./users.js";

/** An account without a password (Google or Microsoft only) proves itself by a recent sign-in. */
export const RECENT_SIGN_IN_SECONDS = 10 * 60;

async function requireWithinLimit(ctx: AuthContext, key: string, rule: RateLimitRule, message: string) {
  const limit = await consumeRateLimit(ctx.deps.database.db, key, rule);
  if (!limit.allowed) {
    throw new ApiError(429, "rate_limited", message, undefined, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
}

/**
 * Asks a signed-in person for their password again before a sensitive change. Guessing it here
 * is guessing a password, so it shares the sign-in lock of the account.
 */
export async function requireCurrentPassword(
  ctx: AuthContext,
  user: UserRow,
  session: Pick<SessionRow, "createdAt">,
  password: string | undefined,
  field = "password",
): Promise<void> {
  if (user.passwordHash === null) {
    const ageSeconds = (Date.now() - session.createdAt.getTime()) / 1000;
    if (ageSeconds <= RECENT_SIGN_IN_SECONDS) return;
    throw new ApiError(
      403,
      "reauthentication_required",
      "Sign in again to confirm it is you, then try again.",
    );
  }
  const key = limitKeys.loginAccount(user.email);
  await requireWithinLimit(ctx, key, LOGIN_LIMITS.perAccount, "Too many attempts. Try again later.");
  const ok =
    password !== undefined &&
    (await verifyPassword(password, user.passwordHash, { dummyCost: ctx.deps.config.bcryptCost }));
  if (!ok) {
    const message = "Your password is not right.";
    throw new ApiError(400, "invalid_credentials", message, [{ path: field, message }]);
  }
  await resetRateLimit(ctx.deps.database.db, key);
}

/**
 * Checks a second-factor code with a cap per account as well as per challenge (NIST 800-63B
 * 5.2.2): a thief with the password, or with a session cookie, cannot keep guessing codes.
 */
export async function requireSecondFactorCode(
  ctx: AuthContext,
  user: UserRow,
  code: string | undefined,
  failure: { status: 400 | 401; field?: string } = { status: 400, field: "code" },
): Promise<NonNullable<SecondFactorResult>> {
  const key = limitKeys.mfaAccount(user.id);
  await requireWithinLimit(ctx, key, MFA_ACCOUNT_LIMIT, "Too many wrong codes. Try again later.");
  const result = code ? await verifySecondFactor(ctx.deps.database.db, ctx.deps.cipher, user, code) : null;
  if (!result) {
    await recordSecurityEvent(ctx.deps.database.db, user.id, "mfa_failed", ctx.origin);
    const message = "That code is not right. Check your authenticator app and try again.";
    throw new ApiError(
      failure.status,
      "invalid_code",
      message,
      failure.field ? [{ path: failure.field, message }] : undefined,
    );
  }
  await resetRateLimit(ctx.deps.database.db, key);
  return result;
}
