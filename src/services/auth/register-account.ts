import { consents, users } from "../../db/schema/identity.js";
import { PRIVACY_VERSION, TERMS_VERSION } from "../../domain/legal.js";
import { ApiError } from "../../http/errors.js";
import { checkNewPassword, hashPassword } from "../../identity/password.js";
import { linkWithToken } from "../mailer.js";
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

/**
 * Creates an account with its consent record, and queues the verification email, in one
 * transaction. Saying that an address is taken is allowed, so the attempts are rate-limited per IP.
 */
export async function registerAccount(
  ctx: AuthContext,
  input: { email: string; password: string },
): Promise<UserRow> {
  const { database, config, mailer } = ctx.deps;
  const limit = await consumeRateLimit(
    database.db,
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
  requireAcceptablePassword(input.password, "password");
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password, config.bcryptCost);
  try {
    return await database.db.transaction(async (tx) => {
      const [user] = await tx.insert(users).values({ email, passwordHash }).returning();
      if (!user) throw new Error("user insert returned no row");
      await tx.insert(consents).values({
        userId: user.id,
        termsVersion: TERMS_VERSION,
        privacyVersion: PRIVACY_VERSION,
        ip: ctx.origin.ip,
      });
      await recordSecurityEvent(tx, user.id, "account_created", ctx.origin);
      const token = await createUserToken(tx, user.id, "verify_email");
      await mailer.send(
        email,
        { kind: "verify_email", verifyUrl: linkWithToken(config, "/verify-email", token) },
        { executor: tx, userId: user.id },
      );
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, "email_taken", "An account with this email already exists. Sign in instead.");
    }
    throw error;
  }
}
