import { and, asc, eq, ne } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/identity.js";
import { practiceMembers } from "../../db/schema/practices.js";
import type { AssignableRole } from "../../domain/permissions.js";
import { ApiError } from "../../http/errors.js";
import type { AuthContext } from "../auth/auth-context.js";
import { recordPracticeEvent } from "./practice-events.js";
import { emailOf, requirePractice } from "./practices.js";

export async function listMembers(db: Db, practiceId: string) {
  return db
    .select({
      userId: practiceMembers.userId,
      email: users.email,
      role: practiceMembers.role,
      joinedAt: practiceMembers.joinedAt,
      twoFactorEnabled: users.totpEnabledAt,
    })
    .from(practiceMembers)
    .innerJoin(users, eq(users.id, practiceMembers.userId))
    .where(eq(practiceMembers.practiceId, practiceId))
    .orderBy(asc(users.email));
}

function memberNotFound(): ApiError {
  return new ApiError(404, "not_found", "No such member in this practice.");
}

/** Changes a role below Owner. The Owner's own role changes only by transfer. */
export async function changeMemberRole(
  ctx: AuthContext,
  practiceId: string,
  actorUserId: string,
  targetUserId: string,
  role: AssignableRole,
): Promise<void> {
  const db = ctx.deps.database.db;
  await db.transaction(async (tx) => {
    const [target] = await tx
      .select({ role: practiceMembers.role })
      .from(practiceMembers)
      .where(and(eq(practiceMembers.practiceId, practiceId), eq(practiceMembers.userId, targetUserId)))
      .for("update");
    if (!target) throw memberNotFound();
    if (target.role === "owner") {
      throw new ApiError(403, "forbidden", "The Owner's role changes only by transferring ownership.");
    }
    if (target.role === role) return;
    await tx
      .update(practiceMembers)
      .set({ role })
      .where(
        and(
          eq(practiceMembers.practiceId, practiceId),
          eq(practiceMembers.userId, targetUserId),
          ne(practiceMembers.role, "owner"),
        ),
      );
    await recordPracticeEvent(tx, {
      practiceId,
      type: "member_role_changed",
      actorUserId,
      subjectUserId: targetUserId,
      ip: ctx.origin.ip,
      details: { from: target.role, to: role },
    });
  });
}

/** Removes a member (never the Owner); `leaving` when members remove themselves. */
export async function removeMember(
  ctx: AuthContext,
  practiceId: string,
  actorUserId: string,
  targetUserId: string,
): Promise<void> {
  const db = ctx.deps.database.db;
  const leaving = actorUserId === targetUserId;
  const removed = await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(practiceMembers)
      .where(
        and(
          eq(practiceMembers.practiceId, practiceId),
          eq(practiceMembers.userId, targetUserId),
          ne(practiceMembers.role, "owner"),
        ),
      )
      .returning({ role: practiceMembers.role });
    if (deleted.length === 0) return false;
    await recordPracticeEvent(tx, {
      practiceId,
      type: leaving ? "member_left" : "member_removed",
      actorUserId,
      subjectUserId: targetUserId,
      ip: ctx.origin.ip,
    });
    return true;
  });
  if (!removed) {
    const [still] = await db
      .select({ role: practiceMembers.role })
      .from(practiceMembers)
      .where(and(eq(practiceMembers.practiceId, practiceId), eq(practiceMembers.userId, targetUserId)));
    if (still?.role === "owner") {
      throw new ApiError(
        403,
        "forbidden",
        leaving
          ? "The Owner cannot leave: transfer ownership first, or delete the practice."
          : "The Owner cannot be removed.",
      );
    }
    throw memberNotFound();
  }
  if (!leaving) {
    const practice = await requirePractice(db, practiceId);
    await ctx.deps.mailer.send(
      await emailOf(db, targetUserId),
      {
        kind: "removed_from_practice",
        practiceName: practice.name,
        removedByName: await emailOf(db, actorUserId),
      },
      { userId: targetUserId },
    );
  }
}
