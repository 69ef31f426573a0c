import { OpenAPIHono } from "@hono/zod-openapi";
import { buildTaxPlan } from "../../services/planning/tax-plan.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonResponse } from "../schemas.js";
import { conflictResponse, unsupportedYearResponse, YearParams } from "./planning-schemas.js";
import { TaxPlanSchema, taxPlanJson } from "./planning-tax-plan-schemas.js";

const planRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/tax/plan/{year}",
  tags: ["tax"],
  summary: "The year's estimated tax and quarterly plan from the ledger and your profile; the Owner's alone",
  "x-access": { access: "practice", permission: "tax.profile" },
  request: { params: YearParams },
  responses: {
    200: jsonResponse(TaxPlanSchema, "The plan with its working and sources"),
    ...conflictResponse("No tax profile for the year yet"),
    ...unsupportedYearResponse(),
    ...errorResponses(),
  },
});

export function planningTaxPlanRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(planRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const plan = await buildTaxPlan(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").year,
    );
    return c.json(taxPlanJson(plan), 200);
  });
  return app;
}
