import { OpenAPIHono, z } from "@hono/zod-openapi";
import { roleCan } from "../../domain/permissions.js";
import { removeMember } from "../../services/practices/members.js";
import { listPracticeEvents } from "../../services/practices/practice-events.js";
import {
  createPractice,
  deletePractice,
  listMyPractices,
  requirePractice,
  transferOwnership,
  updatePractice,
} from "../../services/practices/practices.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { ApiError } from "../errors.js";
import { authContextOf, requireSession } from "../route-context.js";
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  noContent,
  PracticeNameSchema,
  PracticeParams,
  TimeZoneSchema,
} from "../schemas.js";

const tags = ["practices"];
const RoleSchema = z.enum(["owner", "admin", "user"]);

export const PracticeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    timeZone: z.string(),
    requireTwoFactor: z.boolean(),
    role: RoleSchema,
  })
  .openapi("Practice");

const listRoute = defineRoute({
  method: "get",
  path: "/practices",
  tags,
  summary: "The practices the user belongs to, with their role in each",
  "x-access": { access: "session" },
  request: {},
  responses: {
    200: jsonResponse(z.object({ practices: z.array(PracticeSchema) }), "Practices"),
    ...errorResponses(),
  },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices",
  tags,
  summary: "Create a practice; the caller becomes its Owner",
  "x-access": { access: "session" },
  request: { body: jsonBody(z.strictObject({ name: PracticeNameSchema, timeZone: TimeZoneSchema })) },
  responses: { 201: jsonResponse(z.object({ practice: PracticeSchema }), "Created"), ...errorResponses() },
});

const getRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}",
  tags,
  summary: "One practice",
  "x-access": { access: "practice", permission: "practice.read" },
  request: { params: PracticeParams },
  responses: {
    200: jsonResponse(z.object({ practice: PracticeSchema }), "The practice"),
    ...errorResponses(),
  },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}",
  tags,
  summary: "Change the practice's settings (requiring two-factor is the Owner's)",
  "x-access": { access: "practice", permission: "settings.manage" },
  request: {
    params: PracticeParams,
    body: jsonBody(
      z
        .strictObject({
          name: PracticeNameSchema.optional(),
          timeZone: TimeZoneSchema.optional(),
          requireTwoFactor: z.boolean().optional(),
        })
        .refine((b) => Object.values(b).some((v) => v !== undefined), {
          message: "Change at least one setting.",
        }),
    ),
  },
  responses: { 200: jsonResponse(z.object({ practice: PracticeSchema }), "Updated"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}",
  tags,
  summary: "Delete the practice and all its data (type its name to confirm)",
  "x-access": { access: "practice", permission: "practice.delete" },
  request: { params: PracticeParams, body: jsonBody(z.strictObject({ confirmName: z.string().max(200) })) },
  responses: { ...noContent("Deleted"), ...errorResponses() },
});

const transferRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/transfer-ownership",
  tags,
  summary: "Make another member the Owner; you become an Admin",
  "x-access": { access: "practice", permission: "ownership.transfer" },
  request: { params: PracticeParams, body: jsonBody(z.strictObject({ userId: z.uuid() })) },
  responses: { ...noContent("Transferred"), ...errorResponses() },
});

const leaveRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/leave",
  tags,
  summary: "Leave the practice (not for the Owner)",
  "x-access": { access: "practice", permission: "practice.read" },
  request: { params: PracticeParams },
  responses: { ...noContent("Left"), ...errorResponses() },
});

const eventsRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/events",
  tags,
  summary: "Member changes and settings changes, newest first",
  "x-access": { access: "practice", permission: "members.read" },
  request: { params: PracticeParams },
  responses: {
    200: jsonResponse(
      z.object({
        events: z.array(
          z.object({
            id: z.number(),
            type: z.string(),
            createdAt: z.string(),
            ip: z.string().nullable(),
            actorEmail: z.string().nullable(),
            subjectEmail: z.string().nullable(),
            details: z.record(z.string(), z.unknown()).nullable(),
          }),
        ),
      }),
      "Events",
    ),
    ...errorResponses(),
  },
});

export function practiceRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const rows = await listMyPractices(c.get("deps").database.db, requireSession(c).userId);
    return c.json({ practices: rows }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const practice = await createPractice(authContextOf(c), requireSession(c).userId, c.req.valid("json"));
    return c.json({ practice: { ...practice, role: "owner" as const } }, 201);
  });
  app.openapi(getRoute, async (c) => {
    const { practiceId, role } = c.get("membership");
    const practice = await requirePractice(c.get("deps").database.db, practiceId);
    return c.json({ practice: { ...practice, role } }, 200);
  });
  app.openapi(updateRoute, async (c) => {
    const { practiceId, userId, role } = c.get("membership");
    const changes = c.req.valid("json");
    if (changes.requireTwoFactor !== undefined && !roleCan(role, "security.manage")) {
      throw new ApiError(403, "forbidden", "Only the Owner can change the two-factor requirement.");
    }
    const practice = await updatePractice(authContextOf(c), practiceId, userId, changes);
    return c.json({ practice: { ...practice, role } }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await deletePractice(authContextOf(c), c.get("membership").practiceId, c.req.valid("json").confirmName);
    return c.body(null, 204);
  });
  app.openapi(transferRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await transferOwnership(authContextOf(c), practiceId, userId, c.req.valid("json").userId);
    return c.body(null, 204);
  });
  app.openapi(leaveRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await removeMember(authContextOf(c), practiceId, userId, userId);
    return c.body(null, 204);
  });
  app.openapi(eventsRoute, async (c) => {
    const rows = await listPracticeEvents(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json({ events: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200);
  });
  return app;
}
