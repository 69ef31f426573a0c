import { OpenAPIHono, z } from "@hono/zod-openapi";
import { closeYear, listClosedYears, reopenYear } from "../../services/ledger/closed-years.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { authContextOf } from "../route-context.js";
import { errorResponses, jsonResponse, noContent, PracticeParams } from "../schemas.js";
import { YearParamSchema } from "./ledger-schemas.js";

const tags = ["ledger"];
const YearParams = z.strictObject({ practiceId: z.uuid(), year: YearParamSchema });
const ClosedYearSchema = z.object({ year: z.number().int(), closedAt: z.string() });

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/closed-years",
  tags,
  summary: "Closed tax years: their transactions cannot change until reopened",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams },
  responses: {
    200: jsonResponse(z.object({ closedYears: z.array(ClosedYearSchema) }), "Closed years"),
    ...errorResponses(),
  },
});

const closeRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/closed-years/{year}",
  tags,
  summary: "Close a past year (recorded as a practice event)",
  "x-access": { access: "practice", permission: "settings.manage" },
  request: { params: YearParams },
  responses: { 201: jsonResponse(z.object({ closedYear: ClosedYearSchema }), "Closed"), ...errorResponses() },
});

const reopenRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/closed-years/{year}",
  tags,
  summary: "Reopen a closed year (recorded as a practice event)",
  "x-access": { access: "practice", permission: "settings.manage" },
  request: { params: YearParams },
  responses: { ...noContent("Reopened"), ...errorResponses() },
});

export function ledgerClosedYearRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const rows = await listClosedYears(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json(
      { closedYears: rows.map((r) => ({ year: r.year, closedAt: r.closedAt.toISOString() })) },
      200,
    );
  });
  app.openapi(closeRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const { year } = c.req.valid("param");
    const { closedAt } = await closeYear(authContextOf(c), { practiceId, userId }, year);
    return c.json({ closedYear: { year, closedAt: closedAt.toISOString() } }, 201);
  });
  app.openapi(reopenRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await reopenYear(authContextOf(c), { practiceId, userId }, c.req.valid("param").year);
    return c.body(null, 204);
  });
  return app;
}
