import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../app-env.js";
import { readSession } from "../session-cookie.js";

/** Loads the caller's session once per API request; routes read it from `c.get("session")`. */
export function loadSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set("session", await readSession(c));
    return next();
  };
}
