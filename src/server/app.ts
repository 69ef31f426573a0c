import { fileURLToPath } from "node:url";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../http/app-env.js";
import { ApiError } from "../http/errors.js";
import { apiBodyLimit } from "../http/middleware/body-limits.js";
import { csrfProtection } from "../http/middleware/csrf.js";
import { handleApiNotFound, handleErrors } from "../http/middleware/handle-errors.js";
import { loadSession } from "../http/middleware/load-session.js";
import { requestContext } from "../http/middleware/request-context.js";
import { requireHttps } from "../http/middleware/require-https.js";
import { securityHeaders } from "../http/middleware/security-headers.js";
import { authRoutes } from "../http/routes/auth.js";
import { importRoutes } from "../http/routes/imports.js";
import { ledgerRoutes } from "../http/routes/ledger-routes.js";
import { meRoutes } from "../http/routes/me.js";
import { memberRoutes } from "../http/routes/members.js";
import { practiceRoutes } from "../http/routes/practices.js";
import { ssoRoutes } from "../http/routes/sso.js";
import { openApiRoute, systemRoutes } from "../http/routes/system.js";
import { twoFactorRoutes } from "../http/routes/two-factor.js";
import { serveWebApp } from "../http/web-app.js";

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web", import.meta.url));

export type AppOptions = { webRoot?: string };

/** Builds the API under /api and the web app for every other path. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>();
  app.use("*", securityHeaders());
  app.use("*", requestContext(deps));
  if (deps.config.isProduction) app.use("*", requireHttps(deps.config.publicUrl));
  app.onError(handleErrors);

  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError(
          400,
          "validation_failed",
          "Some fields are missing or invalid.",
          result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        );
      }
    },
  });
  api.use("*", apiBodyLimit(deps.config.bodyLimitBytes));
  api.use("*", loadSession());
  api.use("*", csrfProtection());
  api.route("/", systemRoutes());
  api.route("/", authRoutes());
  api.route("/", meRoutes());
  api.route("/", twoFactorRoutes());
  api.route("/", practiceRoutes());
  api.route("/", memberRoutes());
  api.route("/", ledgerRoutes());
  api.route("/", importRoutes());
  api.route("/", ssoRoutes());
  api.openapi(openApiRoute, (c) => c.json(buildOpenApiDocument(api), 200));
  api.notFound(handleApiNotFound);
  app.route("/api", api);
  // Unknown /api paths must answer JSON 404, not the web app's shell.
  app.all("/api/*", handleApiNotFound);

  app.use("*", serveWebApp(options.webRoot ?? DEFAULT_WEB_ROOT));
  app.notFound((c) => c.text("Not found", 404));
  return app;
}

export type App = ReturnType<typeof createApp>;

function buildOpenApiDocument(api: OpenAPIHono<AppEnv>) {
  return api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: {
      title: "TherapyLedger API",
      version: "1",
      description: "The financial back office for therapists in private practice.",
    },
    servers: [{ url: "/api" }],
  });
}
