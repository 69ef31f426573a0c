import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { readCookie, writeCookie } from "../cookies.js";
import { ApiError } from "../errors.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Vendors call these with their own signatures instead (Stripe, Plaid). */
const EXEMPT_PREFIXES = ["/api/webhooks/"];
const CSRF_COOKIE_MAX_AGE_SECONDS = 7 * 24 * 3600;

function csrfKey(c: Context<AppEnv>): Buffer {
  // A key of its own, derived from the session key, so a CSRF token says nothing about sessions.
  return createHmac("sha256", c.get("deps").secrets.sessionKey).update("csrf-token-v1").digest();
}

function tokenFor(c: Context<AppEnv>, nonce: string): string {
  return createHmac("sha256", csrfKey(c)).update(nonce).digest("base64url");
}

/**
 * The CSRF token for this browser: an HMAC of a random value kept in an HttpOnly cookie. A
 * page on another site can neither read the cookie nor compute the token.
 */
export function issueCsrfToken(c: Context<AppEnv>): string {
  let nonce = readCookie(c, "csrf");
  if (!nonce || nonce.length < 32) {
    nonce = randomBytes(32).toString("base64url");
    writeCookie(c, "csrf", nonce, { maxAgeSeconds: CSRF_COOKIE_MAX_AGE_SECONDS, sameSite: "Strict" });
  }
  return tokenFor(c, nonce);
}

function ownOrigin(c: Context<AppEnv>): string {
  const publicUrl = c.get("deps").config.publicUrl;
  if (publicUrl) return new URL(publicUrl).origin;
  const url = new URL(c.req.url);
  return `${c.get("protocol")}://${c.req.header("host") ?? url.host}`;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Refuses a state-changing request that another site could have sent: one the browser marks
 * cross-site, one from a foreign Origin, or one without this browser's token.
 */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || EXEMPT_PREFIXES.some((p) => c.req.path.startsWith(p))) {
      return next();
    }
    const refuse = (why: string) => {
      throw new ApiError(403, "csrf_failed", `Request refused: ${why}. Reload the page and try again.`);
    };
    if (c.req.header("sec-fetch-site") === "cross-site") refuse("it came from another site");
    const origin = c.req.header("origin");
    if (origin !== undefined && origin !== ownOrigin(c)) refuse("it came from another origin");
    const nonce = readCookie(c, "csrf");
    const sent = c.req.header("x-csrf-token");
    if (!nonce || !sent || !sameToken(sent, tokenFor(c, nonce)))
      refuse("the security token is missing or wrong");
    return next();
  };
}
