import { OpenAPIHono, z } from "@hono/zod-openapi";
import { findTaxProfile, saveTaxProfile } from "../../services/planning/tax-profiles.js";
import { requirePlannerYear } from "../../services/planning/tax-year.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse } from "../schemas.js";
import { unsupportedYearResponse, YearParams } from "./planning-schemas.js";
import { TaxProfileBody, TaxProfileSchema, taxProfileJson } from "./planning-tax-profile-schemas.js";

const tags = ["tax"];

const getRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/tax/profile/{year}",
  tags,
  summary: "Your tax profile for the year (null when there is none yet); the Owner's alone",
  "x-access": { access: "practice", permission: "tax.profile" },
  request: { params: YearParams },
  responses: {
    200: jsonResponse(
      z.object({ year: z.number().int(), profile: TaxProfileSchema.nullable() }),
      "The profile",
    ),
    ...unsupportedYearResponse(),
    ...errorResponses(),
  },
});

const putRoute = defineRoute({
  method: "put",
  path: "/practices/{practiceId}/tax/profile/{year}",
  tags,
  summary: "Create or replace your tax profile for the year",
  "x-access": { access: "practice", permission: "tax.profile" },
  request: { params: YearParams, body: jsonBody(TaxProfileBody) },
  responses: {
    200: jsonResponse(z.object({ year: z.number().int(), profile: TaxProfileSchema }), "Saved"),
    ...unsupportedYearResponse(),
    ...errorResponses(),
  },
});

export function planningTaxProfileRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(getRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const { year } = c.req.valid("param");
    requirePlannerYear(year);
    const row = await findTaxProfile(c.get("deps").database.db, { practiceId, userId }, year);
    return c.json({ year, profile: row ? taxProfileJson(row) : null }, 200);
  });
  app.openapi(putRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const { year } = c.req.valid("param");
    requirePlannerYear(year);
    const row = await saveTaxProfile(
      c.get("deps").database.db,
      { practiceId, userId },
      year,
      c.req.valid("json"),
    );
    return c.json({ year, profile: taxProfileJson(row) }, 200);
  });
  return app;
}
