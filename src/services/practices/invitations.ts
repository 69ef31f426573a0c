import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/identity.js";
import { invitations, practiceMembers, practices } from "../../db/schema/practices.js";
import type { AssignableRole } from "../../domain/permissions.js";
import { ApiError } from "../../http/errors.js";
import { createOpaqueToken, hashToken } from "../../identity/random-token.js";
import { type AuthContext, limitKeys } from "../auth/auth-context.js";
import { normalizeEmail, requireUser } from "../auth/users.js";
import { linkWithToken } from "../mailer.js";
import { consumeRateLimit } from "../rate-limit.js";
import { recordPracticeEvent } from "./practice-events.js";
import { emailOf, practiceUrl, requirePractice } from "./practices.js";

export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;
export const INVITATIONS_PER_PRACTICE_HOURLY = { limit: 20, windowSeconds: 3600 } as const;

function invalidInvitation(): ApiError {
  return new ApiError(400, "invalid_token", "This invitation is not valid any more. Ask for a new one.");
}

export async function listPendingInvitations(db: Db, practiceId: string) {
  return db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      expiresAt: invitations.expiresAt,
      createdAt: invitations.createdAt,
      invitedByEmail: users.email,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.practiceId, practiceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(desc(invitations.createdAt));
}

async function requireInvitationQuota(ctx: AuthContext, practiceId: string) {
  const limit = await consumeRateLimit(
    ctx.deps.database.db,
    limitKeys.practiceInvitations(practiceId),
    INVITATIONS_PER_PRACTICE_HOURLY,
  );
  if (!limit.allowed) {
    throw new ApiError(
      429,
      "rate_limited",
      "This practice has sent many invitations this hour. Try again later.",
      undefined,
      {
        "Retry-After": String(limit.retryAfterSeconds),
      },
    );
  }
}

/** Issues a fresh token for an invitation row and emails the link; older links for it stop working. */
async function sendInvitationEmail(
  ctx: AuthContext,
  tx: Pick<Db, "update" | "insert">,
  invitation: { id: string; email: string; role: AssignableRole; practiceId: string },
  practiceName: string,
  inviterEmail: string,
) {
  const token = createOpaqueToken();
  await tx
    .update(invitations)
    .set({ tokenHash: hashToken(token), expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000) })
    .where(eq(invitations.id, invitation.id));
  await ctx.deps.mailer.send(
    invitation.email,
    {
      kind: "practice_invitation",
      practiceName,
      inviterName: inviterEmail,
      role: invitation.role === "admin" ? "Admin" : "User",
      acceptUrl: linkWithToken(ctx.deps.config, "/invitations/accept", token),
    },
    { executor: tx },
  );
}

/** Invites an address with a role. A pending invitation to the same address is replaced. */
export async function createInvitation(
  ctx: AuthContext,
  practiceId: string,
  inviterUserId: string,
  input: { email: string; role: AssignableRole },
) {
  const db = ctx.deps.database.db;
  const email = normalizeEmail(input.email);
  const [existingMember] = await db
    .select({ userId: practiceMembers.userId })
    .from(practiceMembers)
    .innerJoin(users, eq(users.id, practiceMembers.userId))
    .where(and(eq(practiceMembers.practiceId, practiceId), eq(users.email, email)));
  if (existingMember)
    throw new ApiError(409, "conflict", "That person is already a member of this practice.");
  await requireInvitationQuota(ctx, practiceId);
  const practice = await requirePractice(db, practiceId);
  const inviterEmail = await emailOf(db, inviterUserId);
  return db.transaction(async (tx) => {
    await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.practiceId, practiceId),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      );
    const [row] = await tx
      .insert(invitations)
      .values({
        practiceId,
        email,
        role: input.role,
        // Replaced at once by sendInvitationEmail; a placeholder must still be unique.
        tokenHash: hashToken(createOpaqueToken()),
        invitedBy: inviterUserId,
        expiresAt: new Date(Date.now() + INVITATION_TTL_SECONDS * 1000),
      })
      .returning();
    if (!row) throw new Error("invitation insert returned no row");
    await sendInvitationEmail(ctx, tx, row, practice.name, inviterEmail);
    await recordPracticeEvent(tx, {
      practiceId,
      type: "member_invited",
      actorUserId: inviterUserId,
      ip: ctx.origin.ip,
      details: { email, role: input.role },
    });
    return { id: row.id, email: row.email, role: row.role, expiresAt: row.expiresAt };
  });
}

async function requirePendingInvitation(db: Db, practiceId: string, invitationId: string) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.id, invitationId),
        eq(invitations.practiceId, practiceId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  if (!row) throw new ApiError(404, "not_found", "No such pending invitation.");
  return row;
}

export async function resendInvitation(
  ctx: AuthContext,
  practiceId: string,
  actorUserId: string,
  invitationId: string,
) {
  const db = ctx.deps.database.db;
  const invitation = await requirePendingInvitation(db, practiceId, invitationId);
  await requireInvitationQuota(ctx, practiceId);
  const practice = await requirePractice(db, practiceId);
  const inviterEmail = await emailOf(db, actorUserId);
  await db.transaction(async (tx) => {
    await sendInvitationEmail(ctx, tx, invitation, practice.name, inviterEmail);
    await recordPracticeEvent(tx, {
      practiceId,
      type: "invitation_resent",
      actorUserId,
      ip: ctx.origin.ip,
      details: { email: invitation.email },
    });
  });
}

export async function revokeInvitation(
  ctx: AuthContext,
  practiceId: string,
  actorUserId: string,
  invitationId: string,
) {
  const db = ctx.deps.database.db;
  const invitation = await requirePendingInvitation(db, practiceId, invitationId);
  await db.transaction(async (tx) => {
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await recordPracticeEvent(tx, {
      practiceId,
      type: "invitation_revoked",
      actorUserId,
      ip: ctx.origin.ip,
      details: { email: invitation.email },
    });
  });
}

async function findUsableInvitation(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, practiceName: practices.name })
    .from(invitations)
    .innerJoin(practices, eq(practices.id, invitations.practiceId))
    .where(
      and(
        eq(invitations.tokenHash, hashToken(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  return row;
}

/** What the accept page shows before the person signs in: only what the link already implies. */
export async function previewInvitation(db: Db, token: string) {
  const found = await findUsableInvitation(db, token);
  if (!found) throw invalidInvitation();
  return { practiceName: found.practiceName, email: found.invitation.email, role: found.invitation.role };
}

/**
 * Joins the practice. The invitation is bound to its address: only someone signed in as that
 * address can use it, and only once (a conditional update).
 */
export async function acceptInvitation(ctx: AuthContext, userId: string, token: string) {
  const db = ctx.deps.database.db;
  const user = await requireUser(db, userId);
  const found = await findUsableInvitation(db, token);
  if (!found) throw invalidInvitation();
  if (found.invitation.email !== user.email) {
    throw new ApiError(
      403,
      "forbidden",
      `This invitation was sent to ${found.invitation.email}. Sign in with that address to accept it.`,
    );
  }
  const invitation = found.invitation;
  const addedByName = invitation.invitedBy ? await emailOf(db, invitation.invitedBy) : "an administrator";
  await db.transaction(async (tx) => {
    const used = await tx
      .update(invitations)
      .set({ acceptedAt: new Date() })
      .where(
        and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
      )
      .returning({ id: invitations.id });
    if (used.length === 0) throw invalidInvitation();
    const joined = await tx
      .insert(practiceMembers)
      .values({ practiceId: invitation.practiceId, userId, role: invitation.role })
      .onConflictDoNothing()
      .returning({ userId: practiceMembers.userId });
    if (joined.length === 0)
      throw new ApiError(409, "conflict", "You are already a member of this practice.");
    await recordPracticeEvent(tx, {
      practiceId: invitation.practiceId,
      type: "member_joined",
      actorUserId: userId,
      subjectUserId: userId,
      ip: ctx.origin.ip,
      details: { role: invitation.role, invitedBy: invitation.invitedBy },
    });
    await ctx.deps.mailer.send(
      user.email,
      {
        kind: "added_to_practice",
        practiceName: found.practiceName,
        addedByName,
        role: invitation.role === "admin" ? "Admin" : "User",
        practiceUrl: practiceUrl(ctx, invitation.practiceId),
      },
      { executor: tx, userId },
    );
  });
  return { practiceId: invitation.practiceId, role: invitation.role };
}
