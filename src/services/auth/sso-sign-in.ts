import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env.js";
import { startSession } from "../../http/session-cookie.js";
import type { VerifiedIdentity } from "../../identity/sso/identity-claims.js";
import {
  type AuthorizeTransaction,
  type SignUpTransaction,
  SSO_TRANSACTION_TTL_SECONDS,
} from "../../identity/sso/sso-transaction.js";
import { consumeRateLimit } from "../rate-limit.js";
import { recordSecurityEvent } from "../security-events.js";
import { deleteSession } from "../sessions.js";
import type { AuthContext } from "./auth-context.js";
import { connectIdentity, findIdentity, touchIdentity } from "./sso-identities.js";
import { findUserByEmail, requireUser } from "./users.js";

/**
 * Short reasons an SSO attempt did not sign anyone in; the web page at `/sign-in?sso=<reason>`
 * (or settings, for a connection) explains each. Kept vague on purpose: the log has the detail.
 */
export const SSO_REFUSALS = [
  "expired", // no transaction in this browser (or an old one): start again
  "failed", // the provider's answer did not validate
  "denied", // the person or the provider cancelled
  "unavailable", // the provider could not be reached
  "link-required", // an account has this email: sign in to it, then connect from settings
  "email-missing", // a new account needs an email the provider would not vouch for
  "identity-in-use", // (connect) this identity belongs to another account
  "session-changed", // (connect) the browser is no longer signed in as who asked
] as const;
export type SsoRefusal = (typeof SSO_REFUSALS)[number];

export type SsoCallbackOutcome =
  | { kind: "signed_in"; mfaRequired: boolean }
  | { kind: "connected" }
  | { kind: "sign_up"; transaction: SignUpTransaction }
  /** `detail` is for the log only. */
  | { kind: "refused"; reason: SsoRefusal; detail?: string };

/**
 * Claims the transaction's `state` for this one callback, in the shared database: a second
 * callback with the same state (a replayed URL with a copied cookie) is refused before its code
 * is sent anywhere, on every instance. The counter lapses with the transaction.
 */
export async function claimSsoState(ctx: AuthContext, state: string): Promise<boolean> {
  const key = `sso-state:${createHash("sha256").update(state).digest("base64url")}`;
  const result = await consumeRateLimit(ctx.deps.database.db, key, {
    limit: 1,
    windowSeconds: SSO_TRANSACTION_TTL_SECONDS,
  });
  return result.allowed;
}

/**
 * Decides what a verified identity may do here. A known identity signs its own account in (with
 * the account's app two-factor still owed); a connection needs the very session that asked for
 * it; an unknown identity never enters an existing account by its email.
 */
export async function resolveSsoIdentity(
  c: Context<AppEnv>,
  ctx: AuthContext,
  transaction: AuthorizeTransaction,
  identity: VerifiedIdentity,
): Promise<SsoCallbackOutcome> {
  if (transaction.intent === "link") return connectToSession(c, ctx, transaction, identity);
  const { db } = ctx.deps.database;
  const known = await findIdentity(db, identity);
  if (known) {
    await touchIdentity(db, known.id, identity);
    return signInUser(c, ctx, known.userId, identity.provider);
  }
  if (!identity.accountEmail) return { kind: "refused", reason: "email-missing" };
  // The nOAuth rule: the same address is not the same person. Whoever owns the account signs in
  // to it the way they always have, then connects this identity from settings.
  if (await findUserByEmail(db, identity.accountEmail)) return { kind: "refused", reason: "link-required" };
  return {
    kind: "sign_up",
    transaction: {
      kind: "sign_up",
      provider: identity.provider,
      issuer: identity.issuer,
      subject: identity.subject,
      email: identity.accountEmail,
      emailVerified: identity.emailVerified,
      createdAt: Date.now(),
    },
  };
}

async function connectToSession(
  c: Context<AppEnv>,
  ctx: AuthContext,
  transaction: AuthorizeTransaction,
  identity: VerifiedIdentity,
): Promise<SsoCallbackOutcome> {
  const session = c.get("session");
  if (
    session?.state !== "active" ||
    session.id !== transaction.linkSessionId ||
    session.userId !== transaction.linkUserId
  ) {
    return { kind: "refused", reason: "session-changed" };
  }
  const result = await connectIdentity(ctx, session.userId, identity);
  return result === "in_use" ? { kind: "refused", reason: "identity-in-use" } : { kind: "connected" };
}

/**
 * Starts a session for the identity's account: a new token, as at every sign-in. With app
 * two-factor on, the session owes its code as after a password; otherwise the sign-in rests on
 * the identity provider's own MFA.
 */
export async function signInUser(
  c: Context<AppEnv>,
  ctx: AuthContext,
  userId: string,
  provider: VerifiedIdentity["provider"],
): Promise<SsoCallbackOutcome> {
  const { db } = ctx.deps.database;
  const user = await requireUser(db, userId);
  const previous = c.get("session");
  if (previous) await deleteSession(db, previous.id);
  const mfaRequired = user.totpEnabledAt !== null;
  await startSession(c, { userId: user.id, state: mfaRequired ? "pending_mfa" : "active", method: provider });
  if (!mfaRequired) await recordSecurityEvent(db, user.id, "sso_sign_in", ctx.origin, { provider });
  return { kind: "signed_in", mfaRequired };
}
