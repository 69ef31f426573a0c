import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type UserTokenPurpose, userTokens } from "../../db/schema/identity.js";
import { createOpaqueToken, hashToken } from "../../identity/random-token.js";

export const TOKEN_TTL_SECONDS: Record<UserTokenPurpose, number> = {
  verify_email: 7 * 24 * 3600,
  password_reset: 30 * 60,
};

/** Creates a single-use token; only its SHA-256 is stored, the token itself goes in the email. */
export async function createUserToken(
  db: Pick<Db, "insert">,
  userId: string,
  purpose: UserTokenPurpose,
): Promise<string> {
  const token = createOpaqueToken();
  await db.insert(userTokens).values({
    userId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS[purpose] * 1000),
  });
  return token;
}

/**
 * Uses a token: marks it used and returns its user, or undefined when it is unknown, expired,
 * already used or for another purpose. The conditional update lets only one caller win.
 */
export async function consumeUserToken(
  db: Pick<Db, "update">,
  token: string,
  purpose: UserTokenPurpose,
): Promise<string | undefined> {
  const [row] = await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: userTokens.userId });
  return row?.userId;
}

/** Voids the user's other unused tokens of a purpose (a new reset link voids the old ones). */
export async function voidUserTokens(db: Pick<Db, "update">, userId: string, purpose: UserTokenPurpose) {
  await db
    .update(userTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}
