import * as client from "openid-client";
import { SSO_PROVIDERS, type SsoProvider } from "../../db/schema/practices.js";
import type { GoogleSsoConfig, MicrosoftSsoConfig, SsoConfig } from "../../server/config.js";

/**
 * The relying-party side of OpenID Connect, through `openid-client` (a certified RP): discovery,
 * the authorization request with PKCE (S256), `state` and `nonce`, and the code exchange, which
 * checks the id_token's `iss`, `aud`, `exp`/`iat`/`nbf` and `nonce`, and (with
 * `enableNonRepudiationChecks`, which openid-client leaves off by default) its signature against
 * the provider's published keys. For Microsoft's multi-tenant authority at
 * login.microsoftonline.com, openid-client checks `iss` against the issuer of the token's own
 * `tid`; identity-claims.ts checks that again, for every authority.
 */

export const SSO_SCOPE = "openid email profile";
/** A provider that does not answer within this long fails the attempt rather than hang it. */
const PROVIDER_TIMEOUT_SECONDS = 10;

export type SsoProviderSettings =
  | { provider: "google"; settings: GoogleSsoConfig }
  | { provider: "microsoft"; settings: MicrosoftSsoConfig };

export function listConfiguredSsoProviders(sso: SsoConfig): SsoProvider[] {
  return SSO_PROVIDERS.filter((provider) => sso[provider] !== undefined);
}

export function findSsoProviderSettings(
  sso: SsoConfig,
  provider: SsoProvider,
): SsoProviderSettings | undefined {
  if (provider === "google") return sso.google ? { provider, settings: sso.google } : undefined;
  return sso.microsoft ? { provider, settings: sso.microsoft } : undefined;
}

/** Where discovery starts: the issuer for Google, the tenant's v2.0 endpoint for Microsoft. */
export function discoveryUrlOf(entry: SsoProviderSettings): URL {
  if (entry.provider === "google") return new URL(entry.settings.issuer);
  return new URL(`${entry.settings.authorityUrl}/${entry.settings.tenant}/v2.0`);
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

// One discovery per registration, kept for the life of the process (its JWKS cache with it). A
// failed discovery is forgotten, so the next attempt tries again.
const configurations = new WeakMap<object, Promise<client.Configuration>>();

export function loadOidcConfiguration(entry: SsoProviderSettings): Promise<client.Configuration> {
  const cached = configurations.get(entry.settings);
  if (cached) return cached;
  const server = discoveryUrlOf(entry);
  // Plain http only for a local stand-in (the demo's fake); config.ts refuses http in production.
  const insecure = server.protocol === "http:" && LOOPBACK_HOSTS.has(server.hostname);
  const { clientId, clientSecret, fetch } = entry.settings;
  const loading = client
    .discovery(server, clientId, { client_secret: clientSecret }, client.ClientSecretPost(clientSecret), {
      ...(fetch ? { [client.customFetch]: fetch } : {}),
      // openid-client trusts TLS instead of the id_token signature on the token endpoint's
      // answer (OIDC Core 3.1.3.7 allows it); we check the signature against the JWKS anyway.
      execute: insecure
        ? [client.enableNonRepudiationChecks, client.allowInsecureRequests]
        : [client.enableNonRepudiationChecks],
      timeout: PROVIDER_TIMEOUT_SECONDS,
    })
    .then((configuration) => {
      configuration.timeout = PROVIDER_TIMEOUT_SECONDS;
      return configuration;
    });
  configurations.set(entry.settings, loading);
  loading.catch(() => configurations.delete(entry.settings));
  return loading;
}

export type AuthorizationRequest = { url: URL; state: string; nonce: string; codeVerifier: string };

export async function buildAuthorizationRequest(
  configuration: client.Configuration,
  redirectUri: string,
): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    response_type: "code",
    scope: SSO_SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    prompt: "select_account",
  });
  return { url, state, nonce, codeVerifier };
}

/** Why a callback was refused, for the log only: never shown to the person. */
export class SsoValidationError extends Error {
  override name = "SsoValidationError";
}

/**
 * Validates the authorization response and redeems its code. `callbackUrl` is the registered
 * redirect URI with the query the provider sent: openid-client reads `code` and `state` from it
 * and sends the URI without its query as `redirect_uri`. Returns the verified id_token claims.
 */
export async function redeemAuthorizationCode(
  configuration: client.Configuration,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<client.IDToken> {
  if (!checks.codeVerifier || !checks.state || !checks.nonce) {
    // openid-client would quietly skip PKCE without a verifier; never let it.
    throw new SsoValidationError("the transaction lacks its PKCE verifier, state or nonce");
  }
  try {
    const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier,
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims();
    if (!claims) throw new SsoValidationError("the token response has no id_token");
    return claims;
  } catch (error) {
    if (error instanceof SsoValidationError) throw error;
    throw new SsoValidationError(describeFailure(error), { cause: error });
  }
}

/** openid-client's code and message, then those of the check beneath it (which names the claim). */
function describeFailure(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 3; depth += 1) {
    const { code } = current as { code?: unknown };
    parts.push(typeof code === "string" ? `${code}: ${current.message}` : current.message);
    current = current.cause;
  }
  return parts.join(" <- ") || String(error);
}
