import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from "jose";

/**
 * A stand-in for Google's or Microsoft Entra ID's OpenID Connect endpoints on 127.0.0.1, speaking
 * their wire format: discovery, JWKS, an authorization endpoint that approves at once (redirecting
 * back with a code for the configured user) and a token endpoint that redeems a code once, for
 * the client that asked, with the same redirect_uri and the PKCE verifier of its challenge.
 *
 * - google: served at its own URL, which is the issuer (`GOOGLE_ISSUER` = `url`).
 * - microsoft: by default the documents name the real authority, https://login.microsoftonline.com,
 *   with the multi-tenant issuer `https://login.microsoftonline.com/{tenantid}/v2.0`, and `fetch`
 *   carries the app's requests for that host here. openid-client applies its Entra issuer check
 *   only to that host, so this runs the very code path production runs. With `publicBase:
 *   "self" it names its own URL and serves concrete per-tenant issuers (one tenant id configured).
 *
 * Knobs: `setUser` (who approves next), `faultNextIdToken` (wrong aud/iss/nonce, expired, or signed
 * by a key the JWKS does not hold), `denyNext` (the person cancels). Any request the fake does not
 * serve is recorded in `unexpected` and answered 404.
 */

export type FakeOidcUser = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  /** Microsoft: the tenant id and the object id. */
  tid?: string;
  oid?: string;
  preferred_username?: string;
};

export type IdTokenFault = "wrong-aud" | "wrong-iss" | "wrong-nonce" | "expired" | "bad-signature";

export type FakeOidcProvider = {
  flavour: "google" | "microsoft";
  /** Where the fake listens. */
  url: string;
  /** The origin its documents name: its own URL, or https://login.microsoftonline.com. */
  publicBase: string;
  clientId: string;
  clientSecret: string;
  /** For the app's `fetch` setting: requests for `publicBase` come here; anything else fails. */
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  setUser(user: FakeOidcUser): void;
  faultNextIdToken(fault: IdTokenFault): void;
  denyNext(): void;
  /** Plays the browser at the authorization endpoint; returns where the provider sends it back. */
  authorize(authorizationUrl: string): Promise<URL>;
  /** The query of every authorization request, in order. */
  authorizeRequests: URLSearchParams[];
  /** Every token request: the code, and the error it was answered with (undefined: tokens issued). */
  tokenRequests: { code: string; error: string | undefined }[];
  unexpected: string[];
  close(): Promise<void>;
};

type IssuedCode = {
  clientId: string;
  redirectUri: string;
  challenge: string;
  nonce: string | undefined;
  user: FakeOidcUser;
  used: boolean;
  expiresAt: number;
};

export const MICROSOFT_AUTHORITY = "https://login.microsoftonline.com";
const CODE_TTL_MS = 60_000;
const TENANT_ALIASES = new Set(["organizations", "common", "consumers"]);

function s256(verifier: string): string {
  return createHash("sha256").update(verifier).digest("base64url");
}

export async function startFakeOidcProvider(options: {
  flavour: "google" | "microsoft";
  clientId?: string;
  clientSecret?: string;
  /** Microsoft only: name the real authority (default) or the fake's own URL ("self"). */
  publicBase?: "microsoft" | "self";
  user?: FakeOidcUser;
}): Promise<FakeOidcProvider> {
  const { flavour } = options;
  const clientId = options.clientId ?? `client-${randomBytes(4).toString("hex")}`;
  const clientSecret = options.clientSecret ?? randomBytes(16).toString("base64url");
  const kid = `key-${randomBytes(4).toString("hex")}`;
  const signing = await generateKeyPair("RS256", { extractable: true });
  const impostor = await generateKeyPair("RS256"); // same kid, key not published
  const jwk = { ...(await exportJWK(signing.publicKey)), kid, alg: "RS256", use: "sig" };
  const codes = new Map<string, IssuedCode>();
  const authorizeRequests: URLSearchParams[] = [];
  const tokenRequests: FakeOidcProvider["tokenRequests"] = [];
  const unexpected: string[] = [];
  let user: FakeOidcUser = options.user ?? { sub: randomUUID() };
  let fault: IdTokenFault | undefined;
  let deny = false;
  let url = "";
  let publicBase = "";

  /** Google's issuer is the fake itself; Entra's names the tenant (or `{tenantid}` for an alias). */
  const issuerFor = (tenant: string) =>
    flavour === "google"
      ? publicBase
      : `${publicBase}/${TENANT_ALIASES.has(tenant) ? "{tenantid}" : tenant}/v2.0`;
  const endpoints = (tenant: string) =>
    flavour === "google"
      ? { authorize: "/o/oauth2/v2/auth", token: "/token", jwks: "/oauth2/v3/certs" }
      : {
          authorize: `/${tenant}/oauth2/v2.0/authorize`,
          token: `/${tenant}/oauth2/v2.0/token`,
          jwks: `/${tenant}/discovery/v2.0/keys`,
        };

  const app = new Hono();

  const discovery = (tenant: string) => {
    const paths = endpoints(tenant);
    return {
      issuer: issuerFor(tenant),
      authorization_endpoint: `${publicBase}${paths.authorize}`,
      token_endpoint: `${publicBase}${paths.token}`,
      jwks_uri: `${publicBase}${paths.jwks}`,
      response_types_supported: ["code", "id_token", "code id_token"],
      subject_types_supported: flavour === "google" ? ["public"] : ["pairwise"],
      id_token_signing_alg_values_supported: ["RS256"],
      scopes_supported: ["openid", "email", "profile"],
      token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
      code_challenge_methods_supported: ["plain", "S256"],
      claims_supported: ["sub", "iss", "aud", "exp", "iat", "nonce", "email", "email_verified", "name"],
    };
  };

  const authorize = (c: import("hono").Context) => {
    const q = new URL(c.req.url).searchParams;
    authorizeRequests.push(q);
    const redirectUri = q.get("redirect_uri");
    if (q.get("client_id") !== clientId || !redirectUri) {
      return c.json({ error: "invalid_client", error_description: "unknown client or no redirect_uri" }, 400);
    }
    const back = new URL(redirectUri);
    const state = q.get("state");
    const challenge = q.get("code_challenge");
    const scopes = (q.get("scope") ?? "").split(" ");
    let error: string | undefined;
    if (deny) error = "access_denied";
    else if (q.get("response_type") !== "code" || !scopes.includes("openid")) error = "invalid_request";
    else if (!challenge || q.get("code_challenge_method") !== "S256") error = "invalid_request";
    deny = false;
    if (error) {
      back.searchParams.set("error", error);
    } else {
      const code = randomBytes(24).toString("base64url");
      codes.set(code, {
        clientId,
        redirectUri,
        challenge: challenge ?? "",
        nonce: q.get("nonce") ?? undefined,
        user: { ...user },
        used: false,
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      back.searchParams.set("code", code);
    }
    if (state) back.searchParams.set("state", state);
    // What the real providers add, so the app must not refuse unknown parameters.
    if (flavour === "google") {
      back.searchParams.set("scope", "email profile openid");
      back.searchParams.set("authuser", "0");
      back.searchParams.set("prompt", "consent");
    } else {
      back.searchParams.set("session_state", randomUUID());
    }
    return c.redirect(back.href, 302);
  };

  const token = async (c: import("hono").Context) => {
    const form = new URLSearchParams(await c.req.text());
    const basic = c.req.header("authorization");
    let id = form.get("client_id");
    let secret = form.get("client_secret");
    if (basic?.startsWith("Basic ")) {
      const [u, p] = Buffer.from(basic.slice(6), "base64").toString().split(":");
      id = decodeURIComponent(u ?? "");
      secret = decodeURIComponent(p ?? "");
    }
    const code = form.get("code") ?? "";
    const refuse = (status: 400 | 401, error: string, description: string) => {
      tokenRequests.push({ code, error: description });
      return c.json({ error, error_description: description }, status);
    };
    if (id !== clientId || secret !== clientSecret)
      return refuse(401, "invalid_client", "client authentication failed");
    if (form.get("grant_type") !== "authorization_code")
      return refuse(400, "unsupported_grant_type", "grant_type");
    const issued = codes.get(code);
    if (!issued) return refuse(400, "invalid_grant", "unknown code");
    if (issued.used) return refuse(400, "invalid_grant", "code already redeemed");
    issued.used = true; // a code is spent by its first presentation, right or wrong
    if (issued.expiresAt < Date.now()) return refuse(400, "invalid_grant", "code expired");
    if (issued.clientId !== id) return refuse(400, "invalid_grant", "code issued to another client");
    if (form.get("redirect_uri") !== issued.redirectUri)
      return refuse(400, "invalid_grant", "redirect_uri differs");
    const verifier = form.get("code_verifier");
    if (!verifier) return refuse(400, "invalid_grant", "code_verifier missing");
    if (s256(verifier) !== issued.challenge)
      return refuse(400, "invalid_grant", "code_verifier does not match");
    tokenRequests.push({ code, error: undefined });
    const idToken = await signIdToken(issued, fault);
    fault = undefined;
    c.header("Cache-Control", "no-store");
    return c.json({
      access_token: randomBytes(24).toString("base64url"),
      token_type: "Bearer",
      expires_in: 3599,
      scope: "openid email profile",
      id_token: idToken,
    });
  };

  async function signIdToken(issued: IssuedCode, applied: IdTokenFault | undefined): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const u = issued.user;
    const claims: JWTPayload & Record<string, unknown> =
      flavour === "google"
        ? {
            iss: publicBase,
            azp: clientId,
            sub: u.sub,
            email: u.email,
            email_verified: u.email_verified,
            name: u.name,
          }
        : {
            iss: `${publicBase}/${u.tid}/v2.0`,
            sub: u.sub,
            tid: u.tid,
            oid: u.oid,
            email: u.email,
            preferred_username: u.preferred_username,
            name: u.name,
            ver: "2.0",
          };
    Object.assign(claims, { aud: clientId, iat: now, nbf: now, exp: now + 3600, nonce: issued.nonce });
    if (applied === "wrong-aud") claims.aud = "someone-elses-client";
    if (applied === "wrong-nonce") claims.nonce = randomBytes(16).toString("base64url");
    if (applied === "expired") Object.assign(claims, { iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    if (applied === "wrong-iss") {
      // Google: a stranger's issuer. Microsoft: another tenant's issuer for this tenant's token.
      claims.iss =
        flavour === "google" ? "https://accounts.evil.example" : `${publicBase}/${randomUUID()}/v2.0`;
    }
    const key = applied === "bad-signature" ? impostor.privateKey : signing.privateKey;
    const clean = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
    return new SignJWT(clean).setProtectedHeader({ alg: "RS256", kid, typ: "JWT" }).sign(key);
  }

  if (flavour === "google") {
    app.get("/.well-known/openid-configuration", (c) => c.json(discovery("")));
  } else {
    app.get("/:tenant/v2.0/.well-known/openid-configuration", (c) =>
      c.json(discovery(c.req.param("tenant"))),
    );
  }
  const paths = flavour === "google" ? endpoints("") : endpoints(":tenant");
  app.get(paths.jwks, (c) => c.json({ keys: [jwk] }));
  app.get(paths.authorize, authorize);
  app.post(paths.token, token);
  app.all("*", (c) => {
    unexpected.push(`${c.req.method} ${c.req.path}`);
    return c.json({ error: "not_found" }, 404);
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  publicBase = flavour === "google" || options.publicBase === "self" ? url : MICROSOFT_AUTHORITY;
  const toFake = (target: string): string => {
    const parsed = new URL(target);
    if (parsed.origin !== new URL(publicBase).origin) {
      unexpected.push(`outbound ${target}`);
      throw new Error(`unexpected outbound request to ${parsed.origin}`);
    }
    return `${url}${parsed.pathname}${parsed.search}`;
  };

  return {
    flavour,
    url,
    publicBase,
    clientId,
    clientSecret,
    fetch: (target, init) => globalThis.fetch(toFake(target), init),
    setUser(next) {
      user = next;
    },
    faultNextIdToken(next) {
      fault = next;
    },
    denyNext() {
      deny = true;
    },
    async authorize(authorizationUrl) {
      const res = await globalThis.fetch(toFake(authorizationUrl), { redirect: "manual" });
      const location = res.headers.get("location");
      if (res.status !== 302 || !location)
        throw new Error(`authorize answered ${res.status}: ${await res.text()}`);
      return new URL(location);
    },
    authorizeRequests,
    tokenRequests,
    unexpected,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
