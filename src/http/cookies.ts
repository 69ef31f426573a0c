import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv } from "./app-env.js";

/**
 * Over https (always, in production) cookies carry the `__Host-` prefix, so they are Secure,
 * host-only and Path=/ by the browser's own rule. Plain http is allowed only for local
 * development, where a Secure cookie would never be sent back.
 */
export type CookieName = "session" | "csrf" | "sso";

function secureContext(c: Context<AppEnv>): boolean {
  return c.get("protocol") === "https" || c.get("deps").config.isProduction;
}

export function cookieName(c: Context<AppEnv>, name: CookieName): string {
  return secureContext(c) ? `__Host-tl_${name}` : `tl_${name}`;
}

export function readCookie(c: Context<AppEnv>, name: CookieName): string | undefined {
  return getCookie(c, cookieName(c, name));
}

export function writeCookie(
  c: Context<AppEnv>,
  name: CookieName,
  value: string,
  options: { maxAgeSeconds: number; sameSite?: "Lax" | "Strict" },
): void {
  setCookie(c, cookieName(c, name), value, {
    httpOnly: true,
    secure: secureContext(c),
    sameSite: options.sameSite ?? "Lax",
    path: "/",
    maxAge: options.maxAgeSeconds,
  });
}

export function clearCookie(c: Context<AppEnv>, name: CookieName): void {
  deleteCookie(c, cookieName(c, name), { path: "/", secure: secureContext(c), httpOnly: true });
}
