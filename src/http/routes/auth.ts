import { OpenAPIHono, z } from "@hono/zod-openapi";
import { verifyEmail } from "../../services/auth/account.js";
import { requestPasswordReset, resetPassword } from "../../services/auth/passwords.js";
import { registerAccount } from "../../services/auth/register-account.js";
import { completeSecondFactor, signInWithPassword } from "../../services/auth/sign-in.js";
import { describeUser } from "../../services/auth/users.js";
import { recordSecurityEvent } from "../../services/security-events.js";
import { deleteSession } from "../../services/sessions.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { issueCsrfToken } from "../middleware/csrf.js";
import { authContextOf } from "../route-context.js";
import {
  CodeSchema,
  EmailSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
  noContent,
  PasswordInputSchema,
  TokenSchema,
} from "../schemas.js";
import { endSessionCookie, startSession } from "../session-cookie.js";
import { UserSchema } from "./me.js";

const tags = ["auth"];

const csrfRoute = defineRoute({
  method: "get",
  path: "/auth/csrf",
  tags,
  summary: "The CSRF token to send as X-CSRF-Token on every state-changing request",
  "x-access": { access: "public", allowPending: true },
  request: {},
  responses: { 200: jsonResponse(z.object({ token: z.string() }), "The token"), ...errorResponses() },
});

const registerRoute = defineRoute({
  method: "post",
  path: "/auth/register",
  tags,
  summary: "Create an account (accepting the Terms and Privacy Policy) and sign in",
  "x-access": { access: "public" },
  request: {
    body: jsonBody(
      z.strictObject({
        email: EmailSchema,
        password: PasswordInputSchema,
        acceptTerms: z.literal(true, {
          message: "Accept the Terms of Service and Privacy Policy to continue.",
        }),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ user: UserSchema }), "Created and signed in"),
    409: jsonResponse(z.object({ error: z.unknown() }), "The address has an account"),
    ...errorResponses(),
  },
});

const loginRoute = defineRoute({
  method: "post",
  path: "/auth/login",
  tags,
  summary: "Sign in with email and password; a second factor may follow",
  "x-access": { access: "public" },
  request: { body: jsonBody(z.strictObject({ email: EmailSchema, password: PasswordInputSchema })) },
  responses: {
    200: jsonResponse(
      z.object({ mfaRequired: z.boolean(), enrolmentRequired: z.boolean() }),
      "Signed in; or pending the second factor; or limited to two-factor enrolment (a practice requires it)",
    ),
    ...errorResponses(),
  },
});

const mfaRoute = defineRoute({
  method: "post",
  path: "/auth/mfa",
  tags,
  summary: "Finish signing in with a TOTP code or a backup code",
  "x-access": { access: "session", allowPending: true },
  request: { body: jsonBody(z.strictObject({ code: CodeSchema })) },
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), "Signed in"), ...errorResponses() },
});

const logoutRoute = defineRoute({
  method: "post",
  path: "/auth/logout",
  tags,
  summary: "Sign out: the session ends on the server, so the old cookie works nowhere",
  "x-access": { access: "public", allowPending: true },
  request: {},
  responses: { ...noContent("Signed out"), ...errorResponses() },
});

const forgotRoute = defineRoute({
  method: "post",
  path: "/auth/password/forgot",
  tags,
  summary: "Email a password reset link (the answer is the same whether or not the account exists)",
  "x-access": { access: "public" },
  request: { body: jsonBody(z.strictObject({ email: EmailSchema })) },
  responses: { 202: jsonResponse(z.object({ ok: z.literal(true) }), "Accepted"), ...errorResponses() },
});

const resetRoute = defineRoute({
  method: "post",
  path: "/auth/password/reset",
  tags,
  summary: "Set a new password with a reset link's token",
  "x-access": { access: "public" },
  request: { body: jsonBody(z.strictObject({ token: TokenSchema, password: PasswordInputSchema })) },
  responses: { ...noContent("Password changed; sign in with it"), ...errorResponses() },
});

const verifyEmailRoute = defineRoute({
  method: "post",
  path: "/auth/verify-email",
  tags,
  summary: "Confirm an email address with the link's token",
  "x-access": { access: "public" },
  request: { body: jsonBody(z.strictObject({ token: TokenSchema })) },
  responses: { ...noContent("Verified"), ...errorResponses() },
});

export function authRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(csrfRoute, (c) => c.json({ token: issueCsrfToken(c) }, 200));
  app.openapi(registerRoute, async (c) => {
    const { email, password } = c.req.valid("json");
    const user = await registerAccount(authContextOf(c), { email, password });
    const previous = c.get("session");
    if (previous) await deleteSession(c.get("deps").database.db, previous.id);
    await startSession(c, { userId: user.id, state: "active", method: "password" });
    return c.json({ user: describeUser(user) }, 201);
  });
  app.openapi(loginRoute, async (c) => {
    const result = await signInWithPassword(c, authContextOf(c), c.req.valid("json"));
    return c.json(result, 200);
  });
  app.openapi(mfaRoute, async (c) => {
    await completeSecondFactor(c, authContextOf(c), c.req.valid("json").code);
    return c.json({ ok: true as const }, 200);
  });
  app.openapi(logoutRoute, async (c) => {
    const session = c.get("session");
    if (session) {
      const ctx = authContextOf(c);
      await deleteSession(ctx.deps.database.db, session.id);
      await recordSecurityEvent(ctx.deps.database.db, session.userId, "sign_out", ctx.origin);
    }
    endSessionCookie(c);
    return c.body(null, 204);
  });
  app.openapi(forgotRoute, async (c) => {
    await requestPasswordReset(authContextOf(c), c.req.valid("json").email);
    return c.json({ ok: true as const }, 202);
  });
  app.openapi(resetRoute, async (c) => {
    await resetPassword(authContextOf(c), c.req.valid("json"));
    return c.body(null, 204);
  });
  app.openapi(verifyEmailRoute, async (c) => {
    await verifyEmail(authContextOf(c), c.req.valid("json").token);
    return c.body(null, 204);
  });
  return app;
}
