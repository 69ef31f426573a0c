import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateBackupCodes,
  startTwoFactorSetup,
} from "../../services/auth/two-factor.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { authContextOf, requireSession } from "../route-context.js";
import {
  CodeSchema,
  errorResponses,
  jsonBody,
  jsonResponse,
  noContent,
  PasswordInputSchema,
} from "../schemas.js";

const tags = ["two-factor"];
const signedIn = { access: "session" } as const;
const BackupCodesSchema = z.object({ backupCodes: z.array(z.string()).length(10) });

const setupRoute = defineRoute({
  method: "post",
  path: "/me/two-factor/setup",
  tags,
  summary: "Start turning on two-factor: a new secret to scan",
  "x-access": { access: "session", allowEnrolment: true },
  request: {},
  responses: {
    200: jsonResponse(z.object({ secret: z.string(), otpauthUri: z.string() }), "The secret"),
    ...errorResponses(),
  },
});

const enableRoute = defineRoute({
  method: "post",
  path: "/me/two-factor/enable",
  tags,
  summary: "Confirm with a code; answers the ten backup codes, shown this once",
  "x-access": { access: "session", allowEnrolment: true },
  request: { body: jsonBody(z.strictObject({ code: CodeSchema })) },
  responses: { 200: jsonResponse(BackupCodesSchema, "Enabled"), ...errorResponses() },
});

const disableRoute = defineRoute({
  method: "post",
  path: "/me/two-factor/disable",
  tags,
  summary: "Turn off two-factor (password and a code)",
  "x-access": signedIn,
  request: { body: jsonBody(z.strictObject({ password: PasswordInputSchema.optional(), code: CodeSchema })) },
  responses: { ...noContent("Disabled"), ...errorResponses() },
});

const regenerateRoute = defineRoute({
  method: "post",
  path: "/me/two-factor/backup-codes",
  tags,
  summary: "Replace the backup codes with a fresh set; the old ones stop working",
  "x-access": signedIn,
  request: { body: jsonBody(z.strictObject({ code: CodeSchema })) },
  responses: { 200: jsonResponse(BackupCodesSchema, "The new codes"), ...errorResponses() },
});

export function twoFactorRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(setupRoute, async (c) => {
    return c.json(await startTwoFactorSetup(authContextOf(c), requireSession(c).userId), 200);
  });
  app.openapi(enableRoute, async (c) => {
    const session = requireSession(c);
    return c.json(
      await enableTwoFactor(authContextOf(c), session.userId, session.id, c.req.valid("json").code),
      200,
    );
  });
  app.openapi(disableRoute, async (c) => {
    const session = requireSession(c);
    await disableTwoFactor(authContextOf(c), session.userId, session, c.req.valid("json"));
    return c.body(null, 204);
  });
  app.openapi(regenerateRoute, async (c) => {
    return c.json(
      await regenerateBackupCodes(authContextOf(c), requireSession(c).userId, c.req.valid("json").code),
      200,
    );
  });
  return app;
}
