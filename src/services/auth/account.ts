import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { consents, rateLimitCounters, users } from "../../db/schema/identity.js";
import { PRIVACY_VERSION, TERMS_VERSION } from "../../domain/legal.js";
import { ApiError } from "../../http/errors.js";
import { linkWithToken } from "../mailer.js";
import { listOwnedPractices, removePractices } from "../practices/practices.js";
import { consumeRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import type { SessionRow } from "../sessions.js";
import { type AuthContext, limitKeys, VERIFY_RESEND_LIMIT } from "./auth-context.js";
import { requireCurrentPassword, requireSecondFactorCode } from "./reauthenticate.js";
import { consumeUserToken, createUserToken, voidUserTokens } from "./user-tokens.js";
import { requireUser } from "./users.js";

export async function verifyEmail(ctx: AuthContext, token: string): Promise<void> {
  const { database, mailer } = ctx.deps;
  const verified = await database.db.transaction(async (tx) => {
    const userId = await consumeUserToken(tx, token, "verify_email");
    if (!userId) return false;
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: new Date() })
      .where(and(eq(users.id, userId), isNull(users.emailVerifiedAt)))
      .returning();
    if (!user) return true; // already verified: nothing more to do
    await recordSecurityEvent(tx, userId, "email_verified", ctx.origin);
    await mailer.send(user.email, { kind: "welcome" }, { executor: tx, userId: user.id });
    return true;
  });
  if (!verified) {
    throw new ApiError(
      400,
      "invalid_token",
      "This verification link is not valid any more. Ask for a new one.",
    );
  }
}

export async function resendVerificationEmail(ctx: AuthContext, userId: string): Promise<void> {
  const { database, config, mailer } = ctx.deps;
  const user = await requireUser(database.db, userId);
  if (user.emailVerifiedAt) throw new ApiError(409, "conflict", "Your email address is already verified.");
  const limit = await consumeRateLimit(database.db, limitKeys.verifyResend(user.id), VERIFY_RESEND_LIMIT);
  if (!limit.allowed) {
    throw new ApiError(429, "rate_limited", "We sent several links already. Try again later.", undefined, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  await database.db.transaction(async (tx) => {
    await voidUserTokens(tx, user.id, "verify_email");
    const token = await createUserToken(tx, user.id, "verify_email");
    await mailer.send(
      user.email,
      { kind: "verify_email", verifyUrl: linkWithToken(config, "/verify-email", token) },
      { executor: tx, userId: user.id },
    );
  });
}

/** Whether the user has accepted the current Terms and Privacy Policy. */
export async function hasCurrentConsent(db: Db, userId: string): Promise<boolean> {
  const [latest] = await db
    .select({ terms: consents.termsVersion, privacy: consents.privacyVersion })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(desc(consents.acceptedAt), desc(consents.id))
    .limit(1);
  return latest?.terms === TERMS_VERSION && latest.privacy === PRIVACY_VERSION;
}

export async function acceptCurrentTerms(ctx: AuthContext, userId: string): Promise<void> {
  const { database } = ctx.deps;
  await database.db.transaction(async (tx) => {
    await tx
      .insert(consents)
      .values({ userId, termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION, ip: ctx.origin.ip });
    await recordSecurityEvent(tx, userId, "terms_accepted", ctx.origin, {
      termsVersion: TERMS_VERSION,
      privacyVersion: PRIVACY_VERSION,
    });
  });
}

/**
 * Deletes the account and, by cascading foreign keys, every row that belongs to it. Needs the
 * password, and a second-factor code when two-factor is on.
 */
export async function deleteAccount(
  ctx: AuthContext,
  session: Pick<SessionRow, "userId" | "createdAt">,
  input: { password?: string | undefined; code?: string | undefined },
): Promise<void> {
  const { database } = ctx.deps;
  const userId = session.userId;
  const user = await requireUser(database.db, userId);
  await requireCurrentPassword(ctx, user, session, input.password);
  if (user.totpEnabledAt) await requireSecondFactorCode(ctx, user, input.code);
  await database.db.transaction(async (tx) => {
    // A practice must not lose its Owner while others still work in it; a practice whose only
    // member is leaving goes with them.
    const owned = await listOwnedPractices(tx, user.id);
    if (owned.some((p) => p.members > 1)) {
      throw new ApiError(
        409,
        "conflict",
        "You own a practice that has other members. Transfer ownership or delete the practice first.",
      );
    }
    await removePractices(
      tx,
      owned.map((p) => p.id),
    );
    await tx.delete(users).where(eq(users.id, user.id));
    // Counters are keyed by address rather than by foreign key; they go too.
    await tx
      .delete(rateLimitCounters)
      .where(
        inArray(rateLimitCounters.key, [
          limitKeys.loginAccount(user.email),
          limitKeys.forgotEmail(user.email),
          limitKeys.verifyResend(user.id),
          limitKeys.mfaAccount(user.id),
        ]),
      );
  });
}
