import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { backupCodes, sessions, users } from "../../db/schema/identity.js";
import { ApiError } from "../../http/errors.js";
import { createBackupCodes, hashBackupCode, normalizeBackupCode } from "../../identity/backup-codes.js";
import { buildOtpauthUri, createTotpSecret, findTotpStep, normalizeTotpCode } from "../../identity/totp.js";
import { recordSecurityEvent } from "../security-events.js";
import { deleteOtherSessions, type SessionRow } from "../sessions.js";
import type { AuthContext } from "./auth-context.js";
import { requireCurrentPassword, requireSecondFactorCode } from "./reauthenticate.js";
import { pendingTotpSecretContext, totpSecretContext } from "./second-factor.js";
import { requireUser } from "./users.js";

const ISSUER = "TherapyLedger";

function invalidCode(): ApiError {
  return new ApiError(
    400,
    "invalid_code",
    "That code is not right. Check your authenticator app and try again.",
  );
}

/** Starts enrolment: a new secret, kept encrypted as pending until a code confirms it. */
export async function startTwoFactorSetup(ctx: AuthContext, userId: string) {
  const { database, cipher } = ctx.deps;
  const user = await requireUser(database.db, userId);
  if (user.totpEnabledAt) throw new ApiError(409, "conflict", "Two-factor authentication is already on.");
  const secret = createTotpSecret();
  await database.db
    .update(users)
    .set({ pendingTotpSecret: cipher.encrypt(secret, pendingTotpSecretContext(user.id)) })
    .where(eq(users.id, user.id));
  return { secret, otpauthUri: buildOtpauthUri({ secret, accountName: user.email, issuer: ISSUER }) };
}

/** Replaces the user's backup codes with a fresh set of ten, stored as bcrypt hashes only. */
async function replaceBackupCodes(db: Pick<Db, "insert" | "delete">, userId: string, cost: number) {
  const codes = createBackupCodes();
  const hashes = await Promise.all(
    codes.map((code) => {
      const normalized = normalizeBackupCode(code);
      if (!normalized) throw new Error("a generated backup code does not normalize");
      return hashBackupCode(normalized, cost);
    }),
  );
  await db.delete(backupCodes).where(eq(backupCodes.userId, userId));
  await db.insert(backupCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

export async function enableTwoFactor(ctx: AuthContext, userId: string, sessionId: string, code: string) {
  const { database, cipher, config, mailer } = ctx.deps;
  const user = await requireUser(database.db, userId);
  if (user.totpEnabledAt) throw new ApiError(409, "conflict", "Two-factor authentication is already on.");
  if (!user.pendingTotpSecret) {
    throw new ApiError(400, "bad_request", "Start the set-up first: the secret to scan is made there.");
  }
  const secret = cipher.decrypt(user.pendingTotpSecret, pendingTotpSecretContext(user.id));
  const normalized = normalizeTotpCode(code);
  const step = normalized ? findTotpStep({ secret, code: normalized, nowMs: Date.now() }) : null;
  if (step === null) throw invalidCode();
  const codes = await database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: cipher.encrypt(secret, totpSecretContext(user.id)),
        pendingTotpSecret: null,
        totpEnabledAt: new Date(),
        totpLastUsedStep: step,
      })
      .where(eq(users.id, user.id));
    const fresh = await replaceBackupCodes(tx, user.id, config.bcryptCost);
    await deleteOtherSessions(tx, user.id, sessionId);
    // A session limited to enrolment becomes a full one: the requirement is now met.
    await tx.update(sessions).set({ state: "active" }).where(eq(sessions.id, sessionId));
    await recordSecurityEvent(tx, user.id, "two_factor_enabled", ctx.origin);
    await mailer.send(user.email, { kind: "two_factor_enabled" }, { executor: tx, userId: user.id });
    return fresh;
  });
  return { backupCodes: codes };
}

export async function disableTwoFactor(
  ctx: AuthContext,
  userId: string,
  session: Pick<SessionRow, "id" | "createdAt">,
  input: { password?: string | undefined; code: string },
) {
  const { database, mailer } = ctx.deps;
  const user = await requireUser(database.db, userId);
  if (!user.totpEnabledAt) throw new ApiError(409, "conflict", "Two-factor authentication is already off.");
  await requireCurrentPassword(ctx, user, session, input.password);
  await requireSecondFactorCode(ctx, user, input.code);
  await database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, pendingTotpSecret: null, totpEnabledAt: null, totpLastUsedStep: null })
      .where(eq(users.id, user.id));
    await tx.delete(backupCodes).where(eq(backupCodes.userId, user.id));
    await deleteOtherSessions(tx, user.id, session.id);
    await recordSecurityEvent(tx, user.id, "two_factor_disabled", ctx.origin);
    await mailer.send(user.email, { kind: "two_factor_disabled" }, { executor: tx, userId: user.id });
  });
}

export async function regenerateBackupCodes(ctx: AuthContext, userId: string, code: string) {
  const { database, config, mailer } = ctx.deps;
  const user = await requireUser(database.db, userId);
  if (!user.totpEnabledAt) throw new ApiError(409, "conflict", "Turn on two-factor authentication first.");
  await requireSecondFactorCode(ctx, user, code);
  const codes = await database.db.transaction(async (tx) => {
    const fresh = await replaceBackupCodes(tx, user.id, config.bcryptCost);
    await recordSecurityEvent(tx, user.id, "backup_codes_regenerated", ctx.origin);
    await mailer.send(user.email, { kind: "backup_codes_regenerated" }, { executor: tx, userId: user.id });
    return fresh;
  });
  return { backupCodes: codes };
}
