import { eq } from "drizzle-orm";
import { users } from "../../db/schema/identity.js";
import { ApiError } from "../../http/errors.js";
import { hashPassword } from "../../identity/password.js";
import { linkWithToken } from "../mailer.js";
import { consumeRateLimit, resetRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import { deleteOtherSessions, type SessionRow } from "../sessions.js";
import { type AuthContext, FORGOT_LIMITS, limitKeys } from "./auth-context.js";
import { requireCurrentPassword } from "./reauthenticate.js";
import { requireAcceptablePassword } from "./register-account.js";
import { consumeUserToken, createUserToken, voidUserTokens } from "./user-tokens.js";
import { findUserByEmail, normalizeEmail, requireUser } from "./users.js";

/**
 * Sends a reset link if the address has an account. The caller answers 202 either way, so the
 * answer says nothing about which addresses exist; over the limits nothing more is sent.
 */
export async function requestPasswordReset(ctx: AuthContext, rawEmail: string): Promise<void> {
  const { database, config, mailer } = ctx.deps;
  const email = normalizeEmail(rawEmail);
  const perEmail = await consumeRateLimit(database.db, limitKeys.forgotEmail(email), FORGOT_LIMITS.perEmail);
  const perIp = await consumeRateLimit(database.db, limitKeys.forgotIp(ctx.origin.ip), FORGOT_LIMITS.perIp);
  if (!perEmail.allowed || !perIp.allowed) return;
  const user = await findUserByEmail(database.db, email);
  if (!user) return;
  await database.db.transaction(async (tx) => {
    await voidUserTokens(tx, user.id, "password_reset");
    const token = await createUserToken(tx, user.id, "password_reset");
    await recordSecurityEvent(tx, user.id, "password_reset_requested", ctx.origin);
    await mailer.send(
      user.email,
      { kind: "password_reset", resetUrl: linkWithToken(config, "/reset-password", token) },
      { executor: tx, userId: user.id },
    );
  });
}

/**
 * Sets a new password from a reset link. It signs nobody in (so it cannot skip two-factor) and
 * ends every session of the account.
 */
export async function resetPassword(
  ctx: AuthContext,
  input: { token: string; password: string },
): Promise<void> {
  const { database, config, mailer } = ctx.deps;
  requireAcceptablePassword(input.password, "password");
  const passwordHash = await hashPassword(input.password, config.bcryptCost);
  const user = await database.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, input.token, "password_reset");
    if (!userId) return undefined;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (!updated) return undefined;
    await deleteOtherSessions(tx, userId, undefined);
    await recordSecurityEvent(tx, userId, "password_reset", ctx.origin);
    await mailer.send(updated.email, { kind: "password_changed" }, { executor: tx, userId });
    return updated;
  });
  if (!user) {
    throw new ApiError(400, "invalid_token", "This reset link is not valid any more. Ask for a new one.");
  }
  await resetRateLimit(database.db, limitKeys.loginAccount(user.email));
}

/** Changes the password of a signed-in user; every other session of theirs ends. */
export async function changePassword(
  ctx: AuthContext,
  userId: string,
  session: Pick<SessionRow, "id" | "createdAt">,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { database, config, mailer } = ctx.deps;
  const user = await requireUser(database.db, userId);
  await requireCurrentPassword(ctx, user, session, input.currentPassword, "currentPassword");
  requireAcceptablePassword(input.newPassword, "newPassword");
  const passwordHash = await hashPassword(input.newPassword, config.bcryptCost);
  await database.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
    await deleteOtherSessions(tx, user.id, session.id);
    await recordSecurityEvent(tx, user.id, "password_changed", ctx.origin);
    await mailer.send(user.email, { kind: "password_changed" }, { executor: tx, userId: user.id });
  });
}
