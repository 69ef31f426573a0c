import type { Context } from "hono";
import { consents, users } from "../../db/schema/identity.js";
import { userIdentities } from "../../db/schema/practices.js";
import { PRIVACY_VERSION, TERMS_VERSION } from "../../domain/legal.js";
import type { AppEnv } from "../../http/app-env.js";
import { ApiError } from "../../http/errors.js";
import { startSession } from "../../http/session-cookie.js";
import type { SignUpTransaction } from "../../identity/sso/sso-transaction.js";
import { appBaseUrl, linkWithToken } from "../mailer.js";
import { consumeRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import { deleteSession } from "../sessions.js";
import { type AuthContext, limitKeys, REGISTER_LIMIT_PER_IP } from "./auth-context.js";
import { findIdentity } from "./sso-identities.js";
import { createUserToken } from "./user-tokens.js";
import { findUserByEmail, isUniqueViolation, type UserRow } from "./users.js";

/**
 * Creates the account of a first SSO sign-in, once the Terms are accepted: the user (without a
 * password), the consent record, the identity and the events, in one transaction; then signs in.
 * The email is marked verified only when Google vouched for it; otherwise (Microsoft) a
 * verification link goes out as after a password sign-up. Sign-ups share the per-IP limit.
 */
export async function completeSsoSignUp(
  c: Context<AppEnv>,
  ctx: AuthContext,
  pending: SignUpTransaction,
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
  // Checked again here: minutes may have passed since the callback looked.
  if (await findIdentity(database.db, pending)) {
    throw new ApiError(409, "identity_taken", "This account is already in use. Sign in with it instead.");
  }
  if (await findUserByEmail(database.db, pending.email)) throw emailTaken(pending);
  let user: UserRow;
  try {
    user = await database.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          email: pending.email,
          passwordHash: null,
          emailVerifiedAt: pending.provider === "google" && pending.emailVerified ? new Date() : null,
        })
        .returning();
      if (!created) throw new Error("user insert returned no row");
      await tx.insert(consents).values({
        userId: created.id,
        termsVersion: TERMS_VERSION,
        privacyVersion: PRIVACY_VERSION,
        ip: ctx.origin.ip,
      });
      await tx.insert(userIdentities).values({
        userId: created.id,
        provider: pending.provider,
        issuer: pending.issuer,
        subject: pending.subject,
        email: pending.email,
        lastUsedAt: new Date(),
      });
      await recordSecurityEvent(tx, created.id, "account_created", ctx.origin, { method: pending.provider });
      await recordSecurityEvent(tx, created.id, "identity_connected", ctx.origin, {
        provider: pending.provider,
      });
      if (created.emailVerifiedAt) {
        await mailer.send(
          created.email,
          { kind: "welcome", appUrl: appBaseUrl(config) },
          { executor: tx, userId: created.id },
        );
      } else {
        const token = await createUserToken(tx, created.id, "verify_email");
        await mailer.send(
          created.email,
          { kind: "verify_email", verifyUrl: linkWithToken(config, "/verify-email", token) },
          { executor: tx, userId: created.id },
        );
      }
      return created;
    });
  } catch (error) {
    // Another request took the address or the identity in the meantime.
    if (isUniqueViolation(error)) throw emailTaken(pending);
    throw error;
  }
  const previous = c.get("session");
  if (previous) await deleteSession(database.db, previous.id);
  await startSession(c, { userId: user.id, state: "active", method: pending.provider });
  await recordSecurityEvent(database.db, user.id, "sso_sign_in", ctx.origin, { provider: pending.provider });
  return user;
}

function emailTaken(pending: SignUpTransaction): ApiError {
  const name = pending.provider === "google" ? "Google" : "Microsoft";
  return new ApiError(
    409,
    "email_taken",
    `An account with this email already exists. Sign in to it, then connect ${name} from your settings.`,
  );
}
