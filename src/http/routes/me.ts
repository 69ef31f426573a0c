import { OpenAPIHono, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { sessions } from "../../db/schema/identity.js";
import { PRIVACY_VERSION, TERMS_VERSION } from "../../domain/legal.js";
import {
  acceptCurrentTerms,
  deleteAccount,
  hasCurrentConsent,
  resendVerificationEmail,
} from "../../services/auth/account.js";
import { changePassword } from "../../services/auth/passwords.js";
import { describeUser, requireUser } from "../../services/auth/users.js";
import { listSecurityEvents, recordSecurityEvent } from "../../services/security-events.js";
import { listActiveSessions } from "../../services/sessions.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { ApiError } from "../errors.js";
import { authContextOf, requireSession } from "../route-context.js";
import {
  CodeSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
  noContent,
  PasswordInputSchema,
} from "../schemas.js";
import { endSessionCookie, sessionPolicyOf } from "../session-cookie.js";

const tags = ["me"];
const signedIn = { access: "session" } as const;

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean(),
    hasPassword: z.boolean(),
  })
  .openapi("User");

const meRoute = defineRoute({
  method: "get",
  path: "/me",
  tags,
  summary: "The signed-in user",
  "x-access": { access: "session", allowEnrolment: true },
  request: {},
  responses: {
    200: jsonResponse(
      z.object({
        user: UserSchema,
        consent: z.object({ current: z.boolean(), termsVersion: z.string(), privacyVersion: z.string() }),
        session: z.object({ state: z.enum(["active", "enrol_mfa"]), method: z.string() }),
      }),
      "The user, and whether they have accepted the current Terms",
    ),
    ...errorResponses(),
  },
});

const consentRoute = defineRoute({
  method: "post",
  path: "/me/consent",
  tags,
  summary: "Accept the current Terms of Service and Privacy Policy",
  "x-access": signedIn,
  request: { body: jsonBody(z.strictObject({ acceptTerms: z.literal(true) })) },
  responses: { ...noContent("Recorded"), ...errorResponses() },
});

const passwordRoute = defineRoute({
  method: "post",
  path: "/me/password",
  tags,
  summary: "Change the password; every other session ends",
  "x-access": signedIn,
  request: {
    body: jsonBody(
      z.strictObject({ currentPassword: PasswordInputSchema, newPassword: PasswordInputSchema }),
    ),
  },
  responses: { ...noContent("Changed"), ...errorResponses() },
});

const resendVerificationRoute = defineRoute({
  method: "post",
  path: "/me/email/verification",
  tags,
  summary: "Send the email verification link again",
  "x-access": signedIn,
  request: {},
  responses: { 202: jsonResponse(z.object({ ok: z.literal(true) }), "Sent"), ...errorResponses() },
});

const SessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  method: z.string(),
  current: z.boolean(),
});

const sessionsRoute = defineRoute({
  method: "get",
  path: "/me/sessions",
  tags,
  summary: "The user's active sessions",
  "x-access": signedIn,
  request: {},
  responses: {
    200: jsonResponse(z.object({ sessions: z.array(SessionSchema) }), "Sessions"),
    ...errorResponses(),
  },
});

const endSessionRoute = defineRoute({
  method: "delete",
  path: "/me/sessions/{id}",
  tags,
  summary: "End one of the user's sessions",
  "x-access": signedIn,
  request: { params: z.strictObject({ id: z.uuid() }) },
  responses: {
    ...noContent("Ended"),
    404: jsonResponse(z.unknown(), "No such session"),
    ...errorResponses(),
  },
});

const eventsRoute = defineRoute({
  method: "get",
  path: "/me/security-events",
  tags,
  summary: "The user's security events, newest first",
  "x-access": signedIn,
  request: {},
  responses: {
    200: jsonResponse(
      z.object({
        events: z.array(
          z.object({
            id: z.number(),
            type: z.string(),
            ip: z.string().nullable(),
            userAgent: z.string().nullable(),
            createdAt: z.string(),
            details: z.record(z.string(), z.unknown()).nullable(),
          }),
        ),
      }),
      "Events",
    ),
    ...errorResponses(),
  },
});

const deleteMeRoute = defineRoute({
  method: "delete",
  path: "/me",
  tags,
  summary: "Delete the account and all its data, permanently",
  "x-access": signedIn,
  request: {
    body: jsonBody(z.strictObject({ password: PasswordInputSchema.optional(), code: CodeSchema.optional() })),
  },
  responses: { ...noContent("Deleted"), ...errorResponses() },
});

export function meRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(meRoute, async (c) => {
    const { database } = c.get("deps");
    const session = requireSession(c);
    const user = await requireUser(database.db, session.userId);
    const current = await hasCurrentConsent(database.db, user.id);
    return c.json(
      {
        user: describeUser(user),
        consent: { current, termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION },
        // A pending session never gets here: the MFA gate answers first.
        session: {
          state: session.state === "enrol_mfa" ? ("enrol_mfa" as const) : ("active" as const),
          method: session.method,
        },
      },
      200,
    );
  });
  app.openapi(consentRoute, async (c) => {
    await acceptCurrentTerms(authContextOf(c), requireSession(c).userId);
    return c.body(null, 204);
  });
  app.openapi(passwordRoute, async (c) => {
    const session = requireSession(c);
    await changePassword(authContextOf(c), session.userId, session, c.req.valid("json"));
    return c.body(null, 204);
  });
  app.openapi(resendVerificationRoute, async (c) => {
    await resendVerificationEmail(authContextOf(c), requireSession(c).userId);
    return c.json({ ok: true as const }, 202);
  });
  app.openapi(sessionsRoute, async (c) => {
    const session = requireSession(c);
    const rows = await listActiveSessions(c.get("deps").database.db, session.userId, sessionPolicyOf(c));
    return c.json(
      {
        sessions: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          lastSeenAt: r.lastSeenAt.toISOString(),
          current: r.id === session.id,
        })),
      },
      200,
    );
  });
  app.openapi(endSessionRoute, async (c) => {
    const session = requireSession(c);
    const { id } = c.req.valid("param");
    const ctx = authContextOf(c);
    const removed = await ctx.deps.database.db
      .delete(sessions)
      .where(and(eq(sessions.id, id), eq(sessions.userId, session.userId)))
      .returning({ id: sessions.id });
    if (removed.length === 0) throw new ApiError(404, "not_found", "No such session.");
    await recordSecurityEvent(ctx.deps.database.db, session.userId, "session_revoked", ctx.origin);
    if (id === session.id) endSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(eventsRoute, async (c) => {
    const rows = await listSecurityEvents(c.get("deps").database.db, requireSession(c).userId);
    return c.json({ events: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) }, 200);
  });
  app.openapi(deleteMeRoute, async (c) => {
    await deleteAccount(authContextOf(c), requireSession(c), c.req.valid("json"));
    endSessionCookie(c);
    return c.body(null, 204);
  });
  return app;
}
