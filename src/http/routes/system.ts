import { OpenAPIHono, z } from "@hono/zod-openapi";
import { messageOf } from "../../lib/error-message.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses } from "../schemas.js";

const healthRoute = defineRoute({
  method: "get",
  path: "/health",
  summary: "Liveness: the process is up",
  tags: ["system"],
  "x-access": { access: "public" },
  request: {},
  responses: {
    200: {
      description: "The process is up",
      content: { "application/json": { schema: z.object({ status: z.literal("ok") }) } },
    },
  },
});

const ReadySchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  database: z.enum(["ok", "unreachable"]),
  migrations: z.object({ expected: z.number().int(), applied: z.number().int() }),
});

const readyRoute = defineRoute({
  method: "get",
  path: "/ready",
  summary: "Readiness: the database answers and its migrations are current",
  tags: ["system"],
  "x-access": { access: "public" },
  request: {},
  responses: {
    200: { description: "Ready", content: { "application/json": { schema: ReadySchema } } },
    503: { description: "Not ready", content: { "application/json": { schema: ReadySchema } } },
  },
});

export function systemRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(healthRoute, (c) => c.json({ status: "ok" as const }, 200));
  app.openapi(readyRoute, async (c) => {
    const { database } = c.get("deps");
    try {
      const migrations = await database.migrationStatus();
      const current = migrations.applied >= migrations.expected;
      return c.json(
        {
          status: current ? ("ready" as const) : ("not_ready" as const),
          database: "ok" as const,
          migrations,
        },
        current ? 200 : 503,
      );
    } catch (error) {
      c.get("log").warn({ err: messageOf(error) }, "readiness check failed");
      return c.json(
        {
          status: "not_ready" as const,
          database: "unreachable" as const,
          migrations: { expected: 0, applied: 0 },
        },
        503,
      );
    }
  });
  return app;
}

export const openApiRoute = defineRoute({
  method: "get",
  path: "/openapi.json",
  summary: "This API's OpenAPI 3.1 document",
  tags: ["system"],
  "x-access": { access: "public" },
  request: {},
  responses: {
    200: {
      description: "The OpenAPI document",
      content: { "application/json": { schema: z.record(z.string(), z.unknown()) } },
    },
    ...errorResponses(),
  },
});
