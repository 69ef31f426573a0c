import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";

/**
 * The content security policy: scripts and styles only from our own origin (a Vite build has
 * no inline script), no plugins, no <base>, and no framing by anyone.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const HSTS_VALUE = "max-age=63072000; includeSubDomains";

const FIXED_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy":
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()",
  "Strict-Transport-Security": HSTS_VALUE,
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-DNS-Prefetch-Control": "off",
};

/**
 * Sets the security headers on every response, whatever produced it: a route, a static file,
 * the 404 handler or the error handler (they all run inside this middleware).
 * API answers are never cached.
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(FIXED_HEADERS)) c.res.headers.set(name, value);
    c.res.headers.delete("X-Powered-By");
    if (c.req.path.startsWith("/api/") || c.req.path === "/api") {
      c.res.headers.set("Cache-Control", "no-store");
    }
  };
}
