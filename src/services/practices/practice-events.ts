import { desc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/identity.js";
import { practiceEvents } from "../../db/schema/practices.js";

export const PRACTICE_EVENT_TYPES = [
  "practice_created",
  "practice_updated",
  "member_invited",
  "invitation_resent",
  "invitation_revoked",
  "member_joined",
  "member_role_changed",
  "member_removed",
  "member_left",
  "ownership_transferred",
  "two_factor_requirement_changed",
  "year_closed",
  "year_reopened",
] as const;
export type PracticeEventType = (typeof PRACTICE_EVENT_TYPES)[number];

export async function recordPracticeEvent(
  db: Pick<Db, "insert">,
  input: {
    practiceId: string;
    type: PracticeEventType;
    actorUserId: string | null;
    subjectUserId?: string | null;
    ip?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(practiceEvents).values({
    practiceId: input.practiceId,
    type: input.type,
    actorUserId: input.actorUserId,
    subjectUserId: input.subjectUserId ?? null,
    ip: input.ip ?? null,
    details: input.details ?? null,
  });
}

const actor = alias(users, "actor");
const subject = alias(users, "subject");

export async function listPracticeEvents(db: Db, practiceId: string, limit = 200) {
  return db
    .select({
      id: practiceEvents.id,
      type: practiceEvents.type,
      createdAt: practiceEvents.createdAt,
      ip: practiceEvents.ip,
      details: practiceEvents.details,
      actorEmail: actor.email,
      subjectEmail: subject.email,
    })
    .from(practiceEvents)
    .leftJoin(actor, eq(actor.id, practiceEvents.actorUserId))
    .leftJoin(subject, eq(subject.id, practiceEvents.subjectUserId))
    .where(eq(practiceEvents.practiceId, practiceId))
    .orderBy(desc(practiceEvents.createdAt), desc(practiceEvents.id))
    .limit(limit);
}
