import { and, asc, count, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/identity.js";
import { userIdentities } from "../../db/schema/practices.js";
import { ApiError } from "../../http/errors.js";
import type { VerifiedIdentity } from "../../identity/sso/identity-claims.js";
import { recordSecurityEvent } from "../security-events.js";
import type { AuthContext } from "./auth-context.js";
import { isUniqueViolation } from "./users.js";

export type IdentityRow = typeof userIdentities.$inferSelect;

/** The identity with this (issuer, subject), whoever it belongs to. */
export async function findIdentity(
  db: Db,
  key: { issuer: string; subject: string },
): Promise<IdentityRow | undefined> {
  const [row] = await db
    .select()
    .from(userIdentities)
    .where(and(eq(userIdentities.issuer, key.issuer), eq(userIdentities.subject, key.subject)));
  return row;
}

export async function listIdentities(db: Db, userId: string) {
  return db
    .select({
      id: userIdentities.id,
      provider: userIdentities.provider,
      email: userIdentities.email,
      createdAt: userIdentities.createdAt,
      lastUsedAt: userIdentities.lastUsedAt,
    })
    .from(userIdentities)
    .where(eq(userIdentities.userId, userId))
    .orderBy(asc(userIdentities.createdAt));
}

/** Marks a sign-in through the identity and refreshes the email shown for it. */
export async function touchIdentity(db: Db, identityId: string, identity: VerifiedIdentity): Promise<void> {
  await db
    .update(userIdentities)
    .set({ lastUsedAt: new Date(), email: identity.displayEmail ?? null })
    .where(eq(userIdentities.id, identityId));
}

export type ConnectResult = "connected" | "already_connected" | "in_use";

/**
 * Connects a verified identity to a signed-in account. An identity belongs to one account: one
 * already connected elsewhere is refused, never moved.
 */
export async function connectIdentity(
  ctx: AuthContext,
  userId: string,
  identity: VerifiedIdentity,
): Promise<ConnectResult> {
  const { db } = ctx.deps.database;
  const existing = await findIdentity(db, identity);
  if (existing) {
    if (existing.userId !== userId) return "in_use";
    await touchIdentity(db, existing.id, identity);
    return "already_connected";
  }
  try {
    await db.transaction(async (tx) => {
      await tx.insert(userIdentities).values({
        userId,
        provider: identity.provider,
        issuer: identity.issuer,
        subject: identity.subject,
        email: identity.displayEmail ?? null,
        lastUsedAt: new Date(),
      });
      await recordSecurityEvent(tx, userId, "identity_connected", ctx.origin, {
        provider: identity.provider,
      });
    });
  } catch (error) {
    // Connected by someone else in the meantime.
    if (isUniqueViolation(error)) return "in_use";
    throw error;
  }
  return "connected";
}

/**
 * Disconnects one of the user's identities, unless it is their last way to sign in: an account
 * without a password keeps at least one identity. The user row is locked for the check, so two
 * concurrent disconnects cannot both pass it.
 */
export async function disconnectIdentity(
  ctx: AuthContext,
  userId: string,
  identityId: string,
): Promise<void> {
  const { db } = ctx.deps.database;
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!user) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
    const [identity] = await tx
      .select({ id: userIdentities.id, provider: userIdentities.provider })
      .from(userIdentities)
      .where(and(eq(userIdentities.id, identityId), eq(userIdentities.userId, userId)));
    if (!identity) throw new ApiError(404, "not_found", "No such connected account.");
    const [counted] = await tx
      .select({ n: count() })
      .from(userIdentities)
      .where(eq(userIdentities.userId, userId));
    if (user.passwordHash === null && (counted?.n ?? 0) <= 1) {
      throw new ApiError(
        409,
        "last_sign_in_method",
        "This is your only way to sign in. Set a password or connect another account first.",
      );
    }
    await tx.delete(userIdentities).where(eq(userIdentities.id, identity.id));
    await recordSecurityEvent(tx, userId, "identity_disconnected", ctx.origin, {
      provider: identity.provider,
    });
  });
}
