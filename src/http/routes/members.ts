import { OpenAPIHono, z } from "@hono/zod-openapi";
import { ASSIGNABLE_ROLES } from "../../domain/permissions.js";
import {
  acceptInvitation,
  createInvitation,
  listPendingInvitations,
  previewInvitation,
  resendInvitation,
  revokeInvitation,
} from "../../services/practices/invitations.js";
import { changeMemberRole, listMembers, removeMember } from "../../services/practices/members.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { authContextOf, requireSession } from "../route-context.js";
import { EmailSchema, errorResponses, jsonBody, jsonResponse, noContent, TokenSchema } from "../schemas.js";

const tags = ["members"];
const AssignableRoleSchema = z.enum(ASSIGNABLE_ROLES);
const MemberParams = z.strictObject({ practiceId: z.uuid(), userId: z.uuid() });
const InvitationParams = z.strictObject({ practiceId: z.uuid(), invitationId: z.uuid() });

const MemberSchema = z.object({
  userId: z.uuid(),
  email: z.string(),
  role: z.enum(["owner", "admin", "user"]),
  joinedAt: z.string(),
  twoFactorEnabled: z.boolean(),
});

const InvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: AssignableRoleSchema,
  expiresAt: z.string(),
  createdAt: z.string(),
  invitedByEmail: z.string().nullable(),
});

const listMembersRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/members",
  tags,
  summary: "Members and their roles",
  "x-access": { access: "practice", permission: "members.read" },
  request: { params: z.strictObject({ practiceId: z.uuid() }) },
  responses: {
    200: jsonResponse(z.object({ members: z.array(MemberSchema) }), "Members"),
    ...errorResponses(),
  },
});

const changeRoleRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/members/{userId}",
  tags,
  summary: "Change a member's role (below Owner)",
  "x-access": { access: "practice", permission: "members.manage" },
  request: { params: MemberParams, body: jsonBody(z.strictObject({ role: AssignableRoleSchema })) },
  responses: { ...noContent("Changed"), ...errorResponses() },
});

const removeRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/members/{userId}",
  tags,
  summary: "Remove a member (not the Owner)",
  "x-access": { access: "practice", permission: "members.manage" },
  request: { params: MemberParams },
  responses: { ...noContent("Removed"), ...errorResponses() },
});

const listInvitationsRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/invitations",
  tags,
  summary: "Pending invitations",
  "x-access": { access: "practice", permission: "invitations.manage" },
  request: { params: z.strictObject({ practiceId: z.uuid() }) },
  responses: {
    200: jsonResponse(z.object({ invitations: z.array(InvitationSchema) }), "Invitations"),
    ...errorResponses(),
  },
});

const inviteRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/invitations",
  tags,
  summary: "Invite someone by email with a role (a link valid for 7 days)",
  "x-access": { access: "practice", permission: "invitations.manage" },
  request: {
    params: z.strictObject({ practiceId: z.uuid() }),
    body: jsonBody(z.strictObject({ email: EmailSchema, role: AssignableRoleSchema })),
  },
  responses: {
    201: jsonResponse(
      z.object({
        invitation: z.object({
          id: z.uuid(),
          email: z.string(),
          role: AssignableRoleSchema,
          expiresAt: z.string(),
        }),
      }),
      "Invited",
    ),
    ...errorResponses(),
  },
});

const resendRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/invitations/{invitationId}/resend",
  tags,
  summary: "Send the invitation again with a fresh link; the old link stops working",
  "x-access": { access: "practice", permission: "invitations.manage" },
  request: { params: InvitationParams },
  responses: { ...noContent("Sent"), ...errorResponses() },
});

const revokeRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/invitations/{invitationId}",
  tags,
  summary: "Revoke a pending invitation",
  "x-access": { access: "practice", permission: "invitations.manage" },
  request: { params: InvitationParams },
  responses: { ...noContent("Revoked"), ...errorResponses() },
});

const previewRoute = defineRoute({
  method: "post",
  path: "/invitations/preview",
  tags,
  summary: "What an invitation link is for (practice, address, role), before signing in",
  "x-access": { access: "public" },
  request: { body: jsonBody(z.strictObject({ token: TokenSchema })) },
  responses: {
    200: jsonResponse(
      z.object({ practiceName: z.string(), email: z.string(), role: AssignableRoleSchema }),
      "The invitation",
    ),
    ...errorResponses(),
  },
});

const acceptRoute = defineRoute({
  method: "post",
  path: "/invitations/accept",
  tags,
  summary: "Join a practice with an invitation sent to your address",
  "x-access": { access: "session" },
  request: { body: jsonBody(z.strictObject({ token: TokenSchema })) },
  responses: {
    200: jsonResponse(z.object({ practiceId: z.uuid(), role: AssignableRoleSchema }), "Joined"),
    ...errorResponses(),
  },
});

export function memberRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listMembersRoute, async (c) => {
    const rows = await listMembers(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json(
      {
        members: rows.map((m) => ({
          ...m,
          joinedAt: m.joinedAt.toISOString(),
          twoFactorEnabled: m.twoFactorEnabled !== null,
        })),
      },
      200,
    );
  });
  app.openapi(changeRoleRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await changeMemberRole(
      authContextOf(c),
      practiceId,
      userId,
      c.req.valid("param").userId,
      c.req.valid("json").role,
    );
    return c.body(null, 204);
  });
  app.openapi(removeRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await removeMember(authContextOf(c), practiceId, userId, c.req.valid("param").userId);
    return c.body(null, 204);
  });
  app.openapi(listInvitationsRoute, async (c) => {
    const rows = await listPendingInvitations(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json(
      {
        invitations: rows.map((i) => ({
          ...i,
          expiresAt: i.expiresAt.toISOString(),
          createdAt: i.createdAt.toISOString(),
        })),
      },
      200,
    );
  });
  app.openapi(inviteRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const invitation = await createInvitation(authContextOf(c), practiceId, userId, c.req.valid("json"));
    return c.json({ invitation: { ...invitation, expiresAt: invitation.expiresAt.toISOString() } }, 201);
  });
  app.openapi(resendRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await resendInvitation(authContextOf(c), practiceId, userId, c.req.valid("param").invitationId);
    return c.body(null, 204);
  });
  app.openapi(revokeRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await revokeInvitation(authContextOf(c), practiceId, userId, c.req.valid("param").invitationId);
    return c.body(null, 204);
  });
  app.openapi(previewRoute, async (c) => {
    return c.json(await previewInvitation(c.get("deps").database.db, c.req.valid("json").token), 200);
  });
  app.openapi(acceptRoute, async (c) => {
    const result = await acceptInvitation(
      authContextOf(c),
      requireSession(c).userId,
      c.req.valid("json").token,
    );
    return c.json(result, 200);
  });
  return app;
}
