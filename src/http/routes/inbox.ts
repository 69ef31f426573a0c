import { OpenAPIHono, z } from "@hono/zod-openapi";
import { roleCan } from "../../domain/permissions.js";
import { listInbox } from "../../services/rules/inbox.js";
import { classifyInbox } from "../../services/rules/inbox-classify.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { ApiError } from "../errors.js";
import { errorResponses, jsonBody, jsonResponse, PracticeParams } from "../schemas.js";
import { textField } from "./ledger-schemas.js";
import { TransactionSchema, transactionJson } from "./ledger-transaction-schemas.js";
import { conditionFields, RuleClassificationSchema, RuleSchema, ruleJson } from "./rules-schemas.js";

/** The review inbox: what no rule classified, and bulk classification by a person. */
const tags = ["inbox"];
export const MAX_CLASSIFY_BATCH = 500;

const InboxQuery = z.strictObject({
  accountId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional().openapi({ description: "The nextCursor of the previous page" }),
});

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/inbox",
  tags,
  summary: "Unreviewed transactions, newest first, with how many there are and their sums",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams, query: InboxQuery },
  responses: {
    200: jsonResponse(
      z.object({
        transactions: z.array(TransactionSchema),
        nextCursor: z.string().nullable(),
        summary: z.object({
          count: z.number().int(),
          sumCents: z.number().int(),
          inCents: z.number().int().openapi({ description: "Sum of the money in" }),
          outCents: z.number().int().openapi({ description: "Sum of the money out (zero or negative)" }),
        }),
      }),
      "A page of the inbox",
    ),
    ...errorResponses(),
  },
});

const ClassifyBody = z.strictObject({
  transactionIds: z.array(z.uuid()).min(1).max(MAX_CLASSIFY_BATCH),
  classification: RuleClassificationSchema,
  payerId: z.uuid().nullable().optional().openapi({ description: "Income names its payer" }),
  categoryId: z.uuid().nullable().optional().openapi({ description: "An expense names its category" }),
  createRule: z
    .strictObject({ name: textField(1_000).optional(), ...conditionFields })
    .optional()
    .openapi({ description: "Also save this choice as a rule with these conditions (rules.manage)" }),
  applyRuleToInbox: z
    .boolean()
    .optional()
    .openapi({ description: "Let the new rule classify the rest of the inbox at once" }),
});

const classifyRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/inbox/classify",
  tags,
  summary: "Classify transactions as a person (all or none), optionally making the choice a rule",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: PracticeParams, body: jsonBody(ClassifyBody) },
  responses: {
    200: jsonResponse(
      z.object({
        classified: z.number().int(),
        rule: z
          .object({
            rule: RuleSchema,
            inboxMatches: z
              .number()
              .int()
              .openapi({ description: "Other unreviewed transactions it matches" }),
            appliedToInbox: z.number().int(),
          })
          .nullable(),
      }),
      "Classified",
    ),
    ...errorResponses(),
  },
});

export function inboxRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const page = await listInbox(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("query"),
    );
    return c.json({ ...page, transactions: page.transactions.map(transactionJson) }, 200);
  });
  app.openapi(classifyRoute, async (c) => {
    const { practiceId, userId, role } = c.get("membership");
    const body = c.req.valid("json");
    if (body.createRule && !roleCan(role, "rules.manage")) {
      throw new ApiError(403, "forbidden", "Your role in this practice does not allow writing rules.");
    }
    const result = await classifyInbox(c.get("deps").database.db, { practiceId, userId }, body);
    return c.json(
      {
        classified: result.classified,
        rule: result.rule && { ...result.rule, rule: ruleJson(result.rule.rule) },
      },
      200,
    );
  });
  return app;
}
