import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../app-env.js";

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/;

function socketAddress(env: unknown): string | undefined {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/**
 * Names the request (request id), works out who is calling and how (client IP and protocol,
 * from the proxy's headers only with TRUST_PROXY), and writes one log line when it is done.
 */
export function requestContext(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const { trustProxy } = deps.config;
  return async (c, next) => {
    const started = performance.now();
    const offered = trustProxy ? c.req.header("x-request-id") : undefined;
    const requestId = offered && REQUEST_ID_PATTERN.test(offered) ? offered : randomUUID();
    const log = deps.logger.child({ requestId });
    // The right-most X-Forwarded-For entry is the one our own proxy appended; entries to its
    // left come from the client and can say anything.
    const forwardedFor = trustProxy ? c.req.header("x-forwarded-for") : undefined;
    const forwardedIp = forwardedFor
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .at(-1);
    // Right-most too: a proxy that appends rather than replaces leaves the client's claim on the left.
    const forwardedProto = trustProxy
      ? c.req.header("x-forwarded-proto")?.split(",").at(-1)?.trim()
      : undefined;
    const ownProto = new URL(c.req.url).protocol === "https:" ? "https" : "http";
    c.set("deps", deps);
    c.set("requestId", requestId);
    c.set("log", log);
    c.set("clientIp", forwardedIp ?? socketAddress(c.env) ?? "unknown");
    c.set("protocol", forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : ownProto);
    c.header("X-Request-Id", requestId);
    await next();
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      route: c.req.routePath,
      path: c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ip: c.get("clientIp"),
      // Who, when signed in: with time and IP this makes each line an audit record.
      userId: c.get("session")?.userId,
    };
    if (status >= 500) log.error(entry, "request");
    else log.info(entry, "request");
  };
}
