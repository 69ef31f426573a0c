import type { Context } from "hono";
import type { AppEnv } from "../../http/app-env.js";
import { ApiError } from "../../http/errors.js";
import { readVerifiedIdentity } from "../../identity/sso/identity-claims.js";
import {
  buildAuthorizationRequest,
  loadOidcConfiguration,
  redeemAuthorizationCode,
  type SsoProviderSettings,
} from "../../identity/sso/oidc-client.js";
import type { AuthorizeTransaction, SsoTransaction } from "../../identity/sso/sso-transaction.js";
import type { SessionRow } from "../sessions.js";
import type { AuthContext } from "./auth-context.js";
import { RECENT_SIGN_IN_SECONDS } from "./reauthenticate.js";
import { claimSsoState, resolveSsoIdentity, type SsoCallbackOutcome } from "./sso-sign-in.js";

export type SsoIntent = AuthorizeTransaction["intent"];

/**
 * Connecting an identity adds a way into the account, so it takes a fully signed-in session that
 * is also recent: a stolen session cookie alone cannot plant its thief's Google or Microsoft
 * account as a lasting way back in.
 */
export function requireSessionThatMayConnect(session: SessionRow | undefined): SessionRow {
  if (session?.state !== "active") {
    throw new ApiError(401, "unauthenticated", "Sign in to connect another account.");
  }
  if (Date.now() - session.createdAt.getTime() > RECENT_SIGN_IN_SECONDS * 1000) {
    throw new ApiError(
      403,
      "reauthentication_required",
      "Sign in again to confirm it is you, then connect the account.",
    );
  }
  return session;
}

/**
 * The first leg: the provider's authorization URL and the transaction the browser must keep
 * for the callback. For `link`, the transaction names the session that asked.
 */
export async function beginSsoAuthorization(
  entry: SsoProviderSettings,
  input: { redirectUri: string; intent: SsoIntent; session: SessionRow | undefined },
): Promise<{ ok: true; url: URL; transaction: AuthorizeTransaction } | { ok: false; error: unknown }> {
  try {
    const configuration = await loadOidcConfiguration(entry);
    const request = await buildAuthorizationRequest(configuration, input.redirectUri);
    const linkedTo =
      input.intent === "link" && input.session
        ? { linkUserId: input.session.userId, linkSessionId: input.session.id }
        : {};
    return {
      ok: true,
      url: request.url,
      transaction: {
        kind: "authorize",
        provider: entry.provider,
        intent: input.intent,
        state: request.state,
        nonce: request.nonce,
        codeVerifier: request.codeVerifier,
        ...linkedTo,
        createdAt: Date.now(),
      },
    };
  } catch (error) {
    return { ok: false, error };
  }
}

export type CallbackInput = {
  entry: SsoProviderSettings;
  /** What the browser's sso cookie held (null: nothing usable). */
  transaction: SsoTransaction | null;
  query: { state?: string | undefined; error?: string | undefined };
  /** The registered redirect URI with the query the provider sent. */
  callbackUrl: URL;
};

/**
 * The second leg, in the order that keeps a forged or replayed callback from reaching the token
 * endpoint: the browser's own transaction, the provider's error, `state`, the one-time claim of
 * that state, then the code redeemed with the PKCE verifier and the id_token checked (signature,
 * iss, aud, exp, nonce), and only then the identity read and acted on.
 */
export async function finishSsoAuthorization(
  c: Context<AppEnv>,
  ctx: AuthContext,
  input: CallbackInput,
): Promise<SsoCallbackOutcome> {
  const { entry, transaction, query } = input;
  if (transaction?.kind !== "authorize" || transaction.provider !== entry.provider) {
    return { kind: "refused", reason: "expired", detail: "no authorization transaction in this browser" };
  }
  if (query.error) return { kind: "refused", reason: "denied", detail: `provider answered ${query.error}` };
  if (query.state !== transaction.state) {
    return { kind: "refused", reason: "failed", detail: "state does not match" };
  }
  if (!(await claimSsoState(ctx, transaction.state))) {
    return { kind: "refused", reason: "expired", detail: "state already used" };
  }
  let configuration: Awaited<ReturnType<typeof loadOidcConfiguration>>;
  try {
    configuration = await loadOidcConfiguration(entry);
  } catch (error) {
    return { kind: "refused", reason: "unavailable", detail: `discovery failed: ${String(error)}` };
  }
  let claims: Awaited<ReturnType<typeof redeemAuthorizationCode>>;
  try {
    claims = await redeemAuthorizationCode(configuration, input.callbackUrl, transaction);
  } catch (error) {
    return {
      kind: "refused",
      reason: "failed",
      detail: error instanceof Error ? error.message : String(error),
    };
  }
  const verified = readVerifiedIdentity(entry, claims);
  if (!verified.ok) return { kind: "refused", reason: "failed", detail: verified.reason };
  return resolveSsoIdentity(c, ctx, transaction, verified.identity);
}
