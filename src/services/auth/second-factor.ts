import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { backupCodes, users } from "../../db/schema/identity.js";
import { normalizeBackupCode, verifyBackupCode } from "../../identity/backup-codes.js";
import type { FieldCipher } from "../../identity/field-encryption.js";
import { normalizeTotpCode, verifyTotpOnce } from "../../identity/totp.js";
import type { UserRow } from "./users.js";

export type SecondFactorResult = { method: "totp" } | { method: "backup_code"; remaining: number } | null;

export function totpSecretContext(userId: string) {
  return { table: "users", column: "totp_secret", rowId: userId };
}

export function pendingTotpSecretContext(userId: string) {
  return { table: "users", column: "pending_totp_secret", rowId: userId };
}

/**
 * Checks a second-factor code: a TOTP code (accepted once: the step is stored with a
 * conditional update, so of two concurrent submits only one wins) or a backup code (each used
 * once, again by a conditional update).
 */
export async function verifySecondFactor(
  db: Db,
  cipher: FieldCipher,
  user: UserRow,
  code: string,
  nowMs = Date.now(),
): Promise<SecondFactorResult> {
  if (!user.totpSecret || !user.totpEnabledAt) return null;
  const totp = normalizeTotpCode(code);
  if (totp) {
    const secret = cipher.decrypt(user.totpSecret, totpSecretContext(user.id));
    const match = verifyTotpOnce({ secret, code: totp, nowMs, lastUsedStep: user.totpLastUsedStep });
    if (!match) return null;
    const claimed = await db
      .update(users)
      .set({ totpLastUsedStep: match.step })
      .where(
        and(
          eq(users.id, user.id),
          or(isNull(users.totpLastUsedStep), lt(users.totpLastUsedStep, match.step)),
        ),
      )
      .returning({ id: users.id });
    return claimed.length > 0 ? { method: "totp" } : null;
  }
  const normalized = normalizeBackupCode(code);
  if (!normalized) return null;
  const unused = await db
    .select({ id: backupCodes.id, codeHash: backupCodes.codeHash })
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, user.id), isNull(backupCodes.usedAt)));
  // bcrypt runs on the thread pool, so comparing the set in parallel costs about one compare per thread.
  const matches = await Promise.all(unused.map((row) => verifyBackupCode(normalized, row.codeHash)));
  const found = unused[matches.indexOf(true)];
  if (!found) return null;
  const used = await db
    .update(backupCodes)
    .set({ usedAt: new Date(nowMs) })
    .where(and(eq(backupCodes.id, found.id), isNull(backupCodes.usedAt)))
    .returning({ id: backupCodes.id });
  if (used.length === 0) return null;
  return { method: "backup_code", remaining: unused.length - 1 };
}
