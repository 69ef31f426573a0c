import { desc, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { securityEvents } from "../db/schema/identity.js";

/** The events a person can read about their own account, in one list. */
export const SECURITY_EVENT_TYPES = [
  "account_created",
  "email_verified",
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "mfa_failed",
  "mfa_locked",
  "backup_code_used",
  "two_factor_enabled",
  "two_factor_disabled",
  "backup_codes_regenerated",
  "password_changed",
  "password_reset_requested",
  "password_reset",
  "session_revoked",
  "terms_accepted",
  "sso_sign_in",
  "identity_connected",
  "identity_disconnected",
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export type RequestOrigin = { ip: string; userAgent: string | undefined };

export async function recordSecurityEvent(
  db: Pick<Db, "insert">,
  userId: string,
  type: SecurityEventType,
  origin: RequestOrigin,
  details?: Record<string, unknown>,
): Promise<void> {
  await db.insert(securityEvents).values({
    userId,
    type,
    ip: origin.ip,
    userAgent: origin.userAgent?.slice(0, 300),
    details: details ?? null,
  });
}

export async function listSecurityEvents(db: Db, userId: string, limit = 200) {
  return db
    .select({
      id: securityEvents.id,
      type: securityEvents.type,
      ip: securityEvents.ip,
      userAgent: securityEvents.userAgent,
      createdAt: securityEvents.createdAt,
      details: securityEvents.details,
    })
    .from(securityEvents)
    .where(eq(securityEvents.userId, userId))
    .orderBy(desc(securityEvents.createdAt), desc(securityEvents.id))
    .limit(limit);
}
