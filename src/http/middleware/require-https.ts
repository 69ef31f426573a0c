import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { respondWithError } from "../errors.js";

/** Load balancers probe these over plain HTTP inside the private network. */
const PROBE_PATHS = new Set(["/api/health", "/api/ready"]);

/**
 * In production every request must have reached us over TLS (the proxy says so with
 * `X-Forwarded-Proto` when TRUST_PROXY is set). A plain-http GET or HEAD is sent to the same
 * path on https; anything else is refused, since replaying a body over a redirect would leak it.
 */
export function requireHttps(publicUrl: string | undefined): MiddlewareHandler<AppEnv> {
  const origin = publicUrl ? new URL(publicUrl).origin : undefined;
  return async (c, next) => {
    if (c.get("protocol") === "https" || PROBE_PATHS.has(c.req.path)) return next();
    const method = c.req.method;
    if (method === "GET" || method === "HEAD") {
      const url = new URL(c.req.url);
      const target = origin ? new URL(url.pathname + url.search, origin) : url;
      if (!origin) target.protocol = "https:";
      return c.redirect(target.toString(), 301);
    }
    return respondWithError(c, 403, "https_required", "This service is only available over HTTPS.");
  };
}
