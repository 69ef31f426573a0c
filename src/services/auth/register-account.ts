import type { Db } from "../../db/client.js";
import { consents, users } from "../../db/schema/identity.js";
import { PRIVACY_VERSION, TERMS_VERSION } from "../../domain/legal.js";
import { ApiError } from "../../http/errors.js";
import { checkNewPassword, hashPassword } from "../../identity/password.js";
import { appBaseUrl, linkWithToken } from "../mailer.js";
import { consumeRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import { type AuthContext, limitKeys, REGISTER_LIMIT_PER_IP } from "./auth-context.js";
import { createUserToken } from "./user-tokens.js";
import { isUniqueViolation, normalizeEmail, type UserRow } from "./users.js";

export function requireAcceptablePassword(password: string, field: string): void {
  const check = checkNewPassword(password);
  if (!check.ok) {
    throw new ApiError(400, "validation_failed", check.message, [{ path: field, message: check.message }]);
  }
}

/** Sign-ups say whether an address is taken, so they are rate-limited per IP. */
export async function requireSignUpQuota(ctx: AuthContext): Promise<void> {
  const limit = await consumeRateLimit(
    ctx.deps.database.db,
    limitKeys.registerIp(ctx.origin.ip),
    REGISTER_LIMIT_PER_IP,
  );
  if (!limit.allowed) {
    throw new ApiError(
      429,
      "rate_limited",
      "Too many sign-ups from this network. Try again later.",
      undefined,
      {
        "Retry-After": String(limit.retryAfterSeconds),
      },
    );
  }
}

/**
 * Inserts a user with their acceptance of the current Terms and Privacy Policy, records the
 * event, and queues the verification email (or, for an address already verified, the welcome).
 * Runs inside the caller's transaction.
 */
export async function insertAccount(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  ctx: AuthContext,
  values: { email: string; passwordHash: string | null; emailVerifiedAt?: Date | null },
  eventDetails?: Record<string, unknown>,
): Promise<UserRow> {
  const { config, mailer } = ctx.deps;
  const [user] = await tx.insert(users).values(values).returning();
  if (!user) throw new Error("user insert returned no row");
  await tx.insert(consents).values({
    userId: user.id,
    termsVersion: TERMS_VERSION,
    privacyVersion: PRIVACY_VERSION,
    ip: ctx.origin.ip,
  });
  await recordSecurityEvent(tx, user.id, "account_created", ctx.origin, eventDetails);
  if (user.emailVerifiedAt) {
    await mailer.send(
      user.email,
      { kind: "welcome", appUrl: appBaseUrl(config) },
      { executor: tx, userId: user.id },
    );
  } else {
    const token = await createUserToken(tx, user.id, "verify_email");
    await mailer.send(
      user.email,
      { kind: "verify_email", verifyUrl: linkWithToken(config, "/verify-email", token) },
      { executor: tx, userId: user.id },
    );
  }
  return user;
}

/** Creates a password account, its consent record and its verification email, in one transaction. */
export async function registerAccount(
  ctx: AuthContext,
  input: { email: string; password: string },
): Promise<UserRow> {
  await requireSignUpQuota(ctx);
  requireAcceptablePassword(input.password, "password");
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password, ctx.deps.config.bcryptCost);
  try {
    return await ctx.deps.database.db.transaction((tx) => insertAccount(tx, ctx, { email, passwordHash }));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, "email_taken", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
