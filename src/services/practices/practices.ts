import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { rateLimitCounters, users } from "../../db/schema/identity.js";
import { practiceMembers, practices } from "../../db/schema/practices.js";
import { ApiError } from "../../http/errors.js";
import { type AuthContext, limitKeys } from "../auth/auth-context.js";
import { addPresetCategories } from "../ledger/categories.js";
import { appBaseUrl } from "../mailer.js";
import { recordPracticeEvent } from "./practice-events.js";

export type PracticeRow = typeof practices.$inferSelect;

export function practiceUrl(ctx: AuthContext, practiceId: string): string {
  return `${appBaseUrl(ctx.deps.config)}/practices/${practiceId}`;
}

export async function requirePractice(db: Db, practiceId: string): Promise<PracticeRow> {
  const [row] = await db.select().from(practices).where(eq(practices.id, practiceId));
  if (!row) throw new ApiError(404, "not_found", "No such practice, or you are not a member of it.");
  return row;
}

export async function listMyPractices(db: Db, userId: string) {
  return db
    .select({
      id: practices.id,
      name: practices.name,
      timeZone: practices.timeZone,
      role: practiceMembers.role,
      requireTwoFactor: practices.requireTwoFactor,
    })
    .from(practiceMembers)
    .innerJoin(practices, eq(practices.id, practiceMembers.practiceId))
    .where(eq(practiceMembers.userId, userId))
    .orderBy(asc(practices.name), asc(practices.id));
}

/** A new practice with the caller as its Owner. */
export async function createPractice(
  ctx: AuthContext,
  userId: string,
  input: { name: string; timeZone: string },
): Promise<PracticeRow> {
  return ctx.deps.database.db.transaction(async (tx) => {
    const [practice] = await tx.insert(practices).values(input).returning();
    if (!practice) throw new Error("practice insert returned no row");
    await tx.insert(practiceMembers).values({ practiceId: practice.id, userId, role: "owner" });
    await addPresetCategories(tx, practice.id);
    await recordPracticeEvent(tx, {
      practiceId: practice.id,
      type: "practice_created",
      actorUserId: userId,
      ip: ctx.origin.ip,
    });
    return practice;
  });
}

export async function updatePractice(
  ctx: AuthContext,
  practiceId: string,
  actorUserId: string,
  changes: {
    name?: string | undefined;
    timeZone?: string | undefined;
    requireTwoFactor?: boolean | undefined;
  },
): Promise<PracticeRow> {
  return ctx.deps.database.db.transaction(async (tx) => {
    const [updated] = await tx.update(practices).set(changes).where(eq(practices.id, practiceId)).returning();
    if (!updated) throw new ApiError(404, "not_found", "No such practice.");
    const { requireTwoFactor, ...rest } = changes;
    if (Object.values(rest).some((v) => v !== undefined)) {
      await recordPracticeEvent(tx, {
        practiceId,
        type: "practice_updated",
        actorUserId,
        ip: ctx.origin.ip,
        details: rest,
      });
    }
    if (requireTwoFactor !== undefined) {
      await recordPracticeEvent(tx, {
        practiceId,
        type: "two_factor_requirement_changed",
        actorUserId,
        ip: ctx.origin.ip,
        details: { requireTwoFactor },
      });
    }
    return updated;
  });
}

/** Deletes the practice and, by cascade, all its data. The Owner confirms by typing its name. */
export async function deletePractice(
  ctx: AuthContext,
  practiceId: string,
  confirmName: string,
): Promise<void> {
  const db = ctx.deps.database.db;
  const practice = await requirePractice(db, practiceId);
  if (confirmName.trim() !== practice.name.trim()) {
    throw new ApiError(400, "validation_failed", "Type the practice's name exactly to confirm.", [
      { path: "confirmName", message: "Does not match the practice's name." },
    ]);
  }
  await db.transaction((tx) => removePractices(tx, [practiceId]));
}

/** Deletes practices (all their data goes by cascade) and the counters named after them. */
export async function removePractices(tx: Pick<Db, "delete">, practiceIds: string[]): Promise<void> {
  if (practiceIds.length === 0) return;
  await tx.delete(practices).where(inArray(practices.id, practiceIds));
  await tx
    .delete(rateLimitCounters)
    .where(inArray(rateLimitCounters.key, practiceIds.map(limitKeys.practiceInvitations)));
}

/**
 * Makes another member the Owner; the previous Owner becomes an Admin. The demotion is
 * conditional on the caller still being the Owner, so of two racing transfers one wins and the
 * other is refused: the practice always has exactly one Owner (a partial unique index holds it).
 */
export async function transferOwnership(
  ctx: AuthContext,
  practiceId: string,
  ownerUserId: string,
  newOwnerUserId: string,
): Promise<void> {
  if (newOwnerUserId === ownerUserId) {
    throw new ApiError(400, "bad_request", "You are already the Owner.");
  }
  const db = ctx.deps.database.db;
  const result = await db.transaction(async (tx) => {
    const demoted = await tx
      .update(practiceMembers)
      .set({ role: "admin" })
      .where(
        and(
          eq(practiceMembers.practiceId, practiceId),
          eq(practiceMembers.userId, ownerUserId),
          eq(practiceMembers.role, "owner"),
        ),
      )
      .returning({ userId: practiceMembers.userId });
    if (demoted.length === 0) return "not_owner" as const;
    const promoted = await tx
      .update(practiceMembers)
      .set({ role: "owner" })
      .where(and(eq(practiceMembers.practiceId, practiceId), eq(practiceMembers.userId, newOwnerUserId)))
      .returning({ userId: practiceMembers.userId });
    // Throwing rolls the demotion back too.
    if (promoted.length === 0)
      throw new ApiError(404, "not_found", "That person is not a member of this practice.");
    await recordPracticeEvent(tx, {
      practiceId,
      type: "ownership_transferred",
      actorUserId: ownerUserId,
      subjectUserId: newOwnerUserId,
      ip: ctx.origin.ip,
    });
    return "done" as const;
  });
  if (result === "not_owner")
    throw new ApiError(409, "conflict", "You are no longer the Owner of this practice.");
  const [practice, previous, next] = await Promise.all([
    requirePractice(db, practiceId),
    emailOf(db, ownerUserId),
    emailOf(db, newOwnerUserId),
  ]);
  const template = {
    kind: "ownership_transferred" as const,
    practiceName: practice.name,
    previousOwnerName: previous,
    newOwnerName: next,
    practiceUrl: practiceUrl(ctx, practiceId),
  };
  await ctx.deps.mailer.send(previous, template, { userId: ownerUserId });
  await ctx.deps.mailer.send(next, template, { userId: newOwnerUserId });
}

export async function emailOf(db: Db, userId: string): Promise<string> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? "a former member";
}

/** Practices where the user is the Owner, with how many members each has. */
export async function listOwnedPractices(db: Pick<Db, "select">, userId: string) {
  const everyone = alias(practiceMembers, "everyone");
  return db
    .select({ id: practiceMembers.practiceId, members: sql<number>`count(${everyone.userId})::int` })
    .from(practiceMembers)
    .innerJoin(everyone, eq(everyone.practiceId, practiceMembers.practiceId))
    .where(and(eq(practiceMembers.userId, userId), eq(practiceMembers.role, "owner")))
    .groupBy(practiceMembers.practiceId);
}
