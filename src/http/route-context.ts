import type { Context } from "hono";
import type { AuthContext } from "../services/auth/auth-context.js";
import type { SessionRow } from "../services/sessions.js";
import type { AppEnv } from "./app-env.js";
import { ApiError } from "./errors.js";

export function authContextOf(c: Context<AppEnv>): AuthContext {
  return { deps: c.get("deps"), origin: { ip: c.get("clientIp"), userAgent: c.req.header("user-agent") } };
}

/** The session of a route whose policy already required one. */
export function requireSession(c: Context<AppEnv>): SessionRow {
  const session = c.get("session");
  if (!session) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
  return session;
}
