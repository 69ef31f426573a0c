import type { Context } from "hono";
import { userIdentities } from "../../db/schema/practices.js";
import type { AppEnv } from "../../http/app-env.js";
import { ApiError } from "../../http/errors.js";
import { startSession } from "../../http/session-cookie.js";
import type { SignUpTransaction } from "../../identity/sso/sso-transaction.js";
import { recordSecurityEvent } from "../security-events.js";
import { deleteSession } from "../sessions.js";
import type { AuthContext } from "./auth-context.js";
import { insertAccount, requireSignUpQuota } from "./register-account.js";
import { findIdentity } from "./sso-identities.js";
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
  const { database } = ctx.deps;
  await requireSignUpQuota(ctx);
  // Checked again here: minutes may have passed since the callback looked.
  if (await findIdentity(database.db, pending)) {
    throw new ApiError(409, "identity_taken", "This account is already in use. Sign in with it instead.");
  }
  if (await findUserByEmail(database.db, pending.email)) throw emailTaken(pending);
  let user: UserRow;
  try {
    user = await database.db.transaction(async (tx) => {
      const created = await insertAccount(
        tx,
        ctx,
        {
          email: pending.email,
          passwordHash: null,
          emailVerifiedAt: pending.provider === "google" && pending.emailVerified ? new Date() : null,
        },
        { method: pending.provider },
      );
      await tx.insert(userIdentities).values({
        userId: created.id,
        provider: pending.provider,
        issuer: pending.issuer,
        subject: pending.subject,
        email: pending.email,
        lastUsedAt: new Date(),
      });
      await recordSecurityEvent(tx, created.id, "identity_connected", ctx.origin, {
        provider: pending.provider,
      });
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
