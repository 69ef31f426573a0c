import type { Context } from "hono";
import type { SessionState } from "../db/schema/identity.js";
import { openSessionToken, sealSessionToken } from "../identity/session-token.js";
import { createSession, findLiveSession, type SessionRow } from "../services/sessions.js";
import type { AppEnv } from "./app-env.js";
import { clearCookie, readCookie, writeCookie } from "./cookies.js";

export function sessionPolicyOf(c: Context<AppEnv>) {
  const { config } = c.get("deps");
  return {
    absoluteTtlSeconds: config.sessionAbsoluteTtlSeconds,
    idleTtlSeconds: config.sessionIdleTtlSeconds,
  };
}

/** The live session named by the request's cookie, if any. */
export async function readSession(c: Context<AppEnv>): Promise<SessionRow | undefined> {
  const token = readCookie(c, "session");
  if (!token) return undefined;
  const { secrets, database } = c.get("deps");
  const claims = await openSessionToken(secrets.sessionKey, token);
  if (!claims) return undefined;
  return findLiveSession(database.db, claims.sid, sessionPolicyOf(c));
}

/** Starts a new session row and sets its cookie: every sign-in gets a token of its own. */
export async function startSession(
  c: Context<AppEnv>,
  input: { userId: string; state: SessionState; method: string },
): Promise<SessionRow> {
  const { secrets, database } = c.get("deps");
  const row = await createSession(
    database.db,
    { ...input, ip: c.get("clientIp"), userAgent: c.req.header("user-agent") },
    sessionPolicyOf(c),
  );
  const token = await sealSessionToken(secrets.sessionKey, row.id, row.expiresAt);
  writeCookie(c, "session", token, {
    maxAgeSeconds: Math.floor((row.expiresAt.getTime() - Date.now()) / 1000),
  });
  c.set("session", row);
  return row;
}

export function endSessionCookie(c: Context<AppEnv>): void {
  clearCookie(c, "session");
  c.set("session", undefined);
}
