import { and, desc, eq, lt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { type SessionState, sessions } from "../db/schema/identity.js";

export type SessionRow = typeof sessions.$inferSelect;

export type SessionPolicy = { absoluteTtlSeconds: number; idleTtlSeconds: number };

/** Refresh last_seen_at at most this often, so a busy page does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export async function createSession(
  db: Pick<Db, "insert">,
  input: { userId: string; state: SessionState; method: string; ip: string; userAgent: string | undefined },
  policy: SessionPolicy,
): Promise<SessionRow> {
  const [row] = await db
    .insert(sessions)
    .values({
      userId: input.userId,
      state: input.state,
      method: input.method,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300),
      expiresAt: new Date(Date.now() + policy.absoluteTtlSeconds * 1000),
    })
    .returning();
  if (!row) throw new Error("session insert returned no row");
  return row;
}

/**
 * The live session with this id, or undefined when it never existed, was revoked, passed its
 * absolute lifetime or sat idle too long (an expired row is deleted on sight).
 */
export async function findLiveSession(
  db: Db,
  id: string,
  policy: SessionPolicy,
): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  if (!row) return undefined;
  const now = Date.now();
  const idleSince = now - row.lastSeenAt.getTime();
  if (row.expiresAt.getTime() <= now || idleSince > policy.idleTtlSeconds * 1000) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return undefined;
  }
  if (idleSince > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return row;
}

export async function deleteSession(db: Pick<Db, "delete">, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of the user except `keepSessionId` (password or 2FA change). */
export async function deleteOtherSessions(
  db: Pick<Db, "delete">,
  userId: string,
  keepSessionId: string | undefined,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keepSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId))
        : eq(sessions.userId, userId),
    );
}

export async function listActiveSessions(db: Db, userId: string, policy: SessionPolicy) {
  const idleCutoff = new Date(Date.now() - policy.idleTtlSeconds * 1000);
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      method: sessions.method,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        eq(sessions.state, "active"),
        sql`${sessions.expiresAt} > now()`,
        sql`${sessions.lastSeenAt} > ${idleCutoff}`,
      ),
    )
    .orderBy(desc(sessions.lastSeenAt));
}

/**
 * Counts one wrong second-factor code on a pending session, atomically. Returns false when the
 * challenge has already used its attempts; the caller then ends it.
 */
export async function consumeMfaAttempt(db: Db, sessionId: string, maxAttempts: number): Promise<boolean> {
  const updated = await db
    .update(sessions)
    .set({ mfaAttempts: sql`${sessions.mfaAttempts} + 1` })
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.state, "pending_mfa"),
        lt(sessions.mfaAttempts, maxAttempts),
      ),
    )
    .returning({ id: sessions.id });
  return updated.length > 0;
}

export async function purgeExpiredSessions(db: Db, policy: SessionPolicy): Promise<void> {
  const idleCutoff = new Date(Date.now() - policy.idleTtlSeconds * 1000);
  await db
    .delete(sessions)
    .where(or(sql`${sessions.expiresAt} <= now()`, lt(sessions.lastSeenAt, idleCutoff)));
}
