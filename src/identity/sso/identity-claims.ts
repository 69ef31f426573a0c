import type { IDToken } from "openid-client";
import type { SsoProvider } from "../../db/schema/practices.js";
import type { SsoProviderSettings } from "./oidc-client.js";

/**
 * Who the provider says signed in, from an id_token whose signature, issuer, audience, expiry and
 * nonce openid-client has already checked. An identity is its (issuer, subject) pair:
 *
 * - Google: (`iss`, `sub`). `email` counts only when `email_verified` is true.
 * - Microsoft Entra: (the concrete issuer of the token's tenant, `oid`). `sub` is pairwise per
 *   application and `email`/`preferred_username` can be set by any tenant's administrator (the
 *   "nOAuth" takeover), so neither names anyone here; the email is shown, never trusted.
 *
 * The email is never used to decide who someone is: only to refuse to sign a stranger into an
 * existing account with that address, and as the contact address of a new account.
 */
export type VerifiedIdentity = {
  provider: SsoProvider;
  issuer: string;
  subject: string;
  /** For display in settings, whatever the provider said. */
  displayEmail: string | undefined;
  /** The address a new account may take: Google's verified email, or Microsoft's unverified one. */
  accountEmail: string | undefined;
  emailVerified: boolean;
};

export type IdentityResult = { ok: true; identity: VerifiedIdentity } | { ok: false; reason: string };

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL_SHAPE = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

function emailClaim(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const email = value.trim().toLowerCase();
  return email.length <= 254 && EMAIL_SHAPE.test(email) ? email : undefined;
}

function fromGoogle(claims: IDToken): IdentityResult {
  if (!claims.sub) return { ok: false, reason: "no sub claim" };
  const email = emailClaim(claims.email);
  const emailVerified = email !== undefined && claims.email_verified === true;
  return {
    ok: true,
    identity: {
      provider: "google",
      issuer: claims.iss,
      subject: claims.sub,
      displayEmail: email,
      accountEmail: emailVerified ? email : undefined,
      emailVerified,
    },
  };
}

/** The issuer Entra uses for tokens of one tenant. */
export function microsoftTenantIssuer(authorityUrl: string, tenantId: string): string {
  return `${authorityUrl}/${tenantId}/v2.0`;
}

function fromMicrosoft(claims: IDToken, authorityUrl: string, tenant: string): IdentityResult {
  const { tid, oid } = claims;
  if (typeof tid !== "string" || !GUID_PATTERN.test(tid)) return { ok: false, reason: "no valid tid claim" };
  if (typeof oid !== "string" || !GUID_PATTERN.test(oid)) return { ok: false, reason: "no valid oid claim" };
  const issuer = microsoftTenantIssuer(authorityUrl, tid);
  // A token is good only from the issuer of its own tenant: another tenant cannot speak for it.
  if (claims.iss !== issuer)
    return { ok: false, reason: `iss ${claims.iss} is not the issuer of tid ${tid}` };
  if (GUID_PATTERN.test(tenant) && tenant.toLowerCase() !== tid.toLowerCase()) {
    return { ok: false, reason: `tid ${tid} is not the configured tenant` };
  }
  const email = emailClaim(claims.email) ?? emailClaim(claims.preferred_username);
  return {
    ok: true,
    identity: {
      provider: "microsoft",
      issuer,
      subject: oid,
      displayEmail: email,
      accountEmail: email,
      emailVerified: false,
    },
  };
}

export function readVerifiedIdentity(entry: SsoProviderSettings, claims: IDToken): IdentityResult {
  if (entry.provider === "google") return fromGoogle(claims);
  return fromMicrosoft(claims, entry.settings.authorityUrl, entry.settings.tenant);
}
