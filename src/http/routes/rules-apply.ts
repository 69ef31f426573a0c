import { OpenAPIHono, z } from "@hono/zod-openapi";
import { applyRule, previewDraft, previewSavedRule } from "../../services/rules/rule-apply.js";
import { listSuggestions } from "../../services/rules/rule-suggestions.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, PracticeParams } from "../schemas.js";
import { ClassificationSchema } from "./ledger-schemas.js";
import { RuleParams } from "./rules.js";
import { AppliedSchema, ApplyQuery, PreviewBody, PreviewSchema, ScopeQuery } from "./rules-schemas.js";

const tags = ["rules"];
const access = { access: "practice", permission: "rules.manage" } as const;

const previewRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/rules/preview",
  tags,
  summary: "How many transactions a rule not saved yet would change, with a sample",
  "x-access": access,
  request: { params: PracticeParams, query: ScopeQuery, body: jsonBody(PreviewBody) },
  responses: { 200: jsonResponse(PreviewSchema, "What the rule would change"), ...errorResponses() },
});

const applyRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/rules/{ruleId}/apply",
  tags,
  summary: "Apply a rule to existing transactions; ?dryRun=true counts and samples first",
  description:
    "Without a date range, every open year. Locked fields and closed years are left alone and " +
    "counted as skipped; each change is audited with origin rule.",
  "x-access": access,
  request: { params: RuleParams, query: ApplyQuery },
  responses: {
    200: jsonResponse(z.union([PreviewSchema, AppliedSchema]), "The preview (dry run) or what was applied"),
    ...errorResponses(),
  },
});

const SuggestionSchema = z
  .object({
    conditions: z.object({ descriptionContains: z.string(), direction: z.enum(["in", "out"]) }),
    action: z.object({
      classification: ClassificationSchema,
      payerId: z.uuid().nullable(),
      categoryId: z.uuid().nullable(),
    }),
    choiceCount: z.number().int().openapi({ description: "Manual choices that agree on it" }),
    changeCount: z.number().int().openapi({ description: "Transactions it would change if saved now" }),
  })
  .openapi("RuleSuggestion");

const suggestionsRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/rules/suggestions",
  tags,
  summary: "Rules suggested by three or more agreeing manual choices",
  "x-access": access,
  request: { params: PracticeParams },
  responses: {
    200: jsonResponse(z.object({ suggestions: z.array(SuggestionSchema) }), "Suggestions"),
    ...errorResponses(),
  },
});

export function ruleApplyRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(previewRoute, async (c) => {
    const preview = await previewDraft(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("json"),
      c.req.valid("query"),
    );
    return c.json(preview, 200);
  });
  app.openapi(applyRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const { dryRun, ...scope } = c.req.valid("query");
    const { ruleId } = c.req.valid("param");
    const db = c.get("deps").database.db;
    if (dryRun) return c.json(await previewSavedRule(db, practiceId, ruleId, scope), 200);
    return c.json(await applyRule(db, { practiceId, userId }, ruleId, scope), 200);
  });
  app.openapi(suggestionsRoute, async (c) => {
    const suggestions = await listSuggestions(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json({ suggestions }, 200);
  });
  return app;
}
