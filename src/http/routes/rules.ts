import { OpenAPIHono, z } from "@hono/zod-openapi";
import { listRuleViews } from "../../services/rules/rule-rows.js";
import { createRule, deleteRule, reorderRules, updateRule } from "../../services/rules/rule-writes.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, noContent, PracticeParams } from "../schemas.js";
import { ReorderBody, RuleAnswer, RuleBody, RulePatchBody, RuleSchema, ruleJson } from "./rules-schemas.js";

/**
 * Categorization rules: one permission, `rules.manage`, for reading and writing them, since
 * reading the rules is part of managing them (every role holds it; see domain/permissions.ts).
 */
const tags = ["rules"];
const access = { access: "practice", permission: "rules.manage" } as const;
export const RuleParams = z.strictObject({ practiceId: z.uuid(), ruleId: z.uuid() });

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/rules",
  tags,
  summary: "The practice's rules in the order they run (the first that matches decides)",
  "x-access": access,
  request: { params: PracticeParams },
  responses: { 200: jsonResponse(z.object({ rules: z.array(RuleSchema) }), "Rules"), ...errorResponses() },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/rules",
  tags,
  summary: "Add a rule after the last one",
  "x-access": access,
  request: { params: PracticeParams, body: jsonBody(RuleBody) },
  responses: { 201: jsonResponse(RuleAnswer, "Added"), ...errorResponses() },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/rules/{ruleId}",
  tags,
  summary: "Rename a rule, replace its conditions or action, or switch it off and on",
  "x-access": access,
  request: { params: RuleParams, body: jsonBody(RulePatchBody) },
  responses: { 200: jsonResponse(RuleAnswer, "Updated"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/rules/{ruleId}",
  tags,
  summary: "Delete a rule (transactions it classified stay as they are)",
  "x-access": access,
  request: { params: RuleParams },
  responses: { ...noContent("Deleted"), ...errorResponses() },
});

const reorderRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/rules/reorder",
  tags,
  summary: "Put every rule in a new order, in one step",
  "x-access": access,
  request: { params: PracticeParams, body: jsonBody(ReorderBody) },
  responses: {
    200: jsonResponse(z.object({ rules: z.array(RuleSchema) }), "Reordered"),
    ...errorResponses(),
  },
});

export function ruleRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const rules = await listRuleViews(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json({ rules: rules.map(ruleJson) }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const rule = await createRule(c.get("deps").database.db, { practiceId, userId }, c.req.valid("json"));
    return c.json({ rule: ruleJson(rule) }, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const rule = await updateRule(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").ruleId,
      c.req.valid("json"),
    );
    return c.json({ rule: ruleJson(rule) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await deleteRule(c.get("deps").database.db, c.get("membership").practiceId, c.req.valid("param").ruleId);
    return c.body(null, 204);
  });
  app.openapi(reorderRoute, async (c) => {
    const rules = await reorderRules(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("json").ruleIds,
    );
    return c.json({ rules: rules.map(ruleJson) }, 200);
  });
  return app;
}
