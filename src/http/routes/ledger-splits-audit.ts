import { OpenAPIHono, z } from "@hono/zod-openapi";
import { AUDIT_ACTIONS, AUDIT_ORIGINS } from "../../domain/ledger/vocabulary.js";
import { listPracticeAudit, listTransactionAudit } from "../../services/ledger/audit.js";
import { replaceSplits } from "../../services/ledger/split-writes.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, PracticeParams } from "../schemas.js";
import {
  ReplaceSplitsBody,
  TransactionAnswer,
  TransactionParams,
  transactionJson,
} from "./ledger-transaction-schemas.js";

const tags = ["ledger"];

const splitsRoute = defineRoute({
  method: "put",
  path: "/practices/{practiceId}/transactions/{transactionId}/splits",
  tags,
  summary: "Replace the whole split set at once; the parts must add up to the amount to the cent",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: TransactionParams, body: jsonBody(ReplaceSplitsBody) },
  responses: { 200: jsonResponse(TransactionAnswer, "Split"), ...errorResponses() },
});

const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    transactionId: z.uuid(),
    action: z.enum(AUDIT_ACTIONS),
    origin: z.enum(AUDIT_ORIGINS),
    changedBy: z.uuid().nullable(),
    changedByEmail: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.string(),
  })
  .openapi("TransactionAuditEntry");

const transactionAuditRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/transactions/{transactionId}/audit",
  tags,
  summary: "Every change to one transaction (deleted ones too): who, when, before and after",
  "x-access": { access: "practice", permission: "audit.read" },
  request: { params: TransactionParams },
  responses: {
    200: jsonResponse(z.object({ entries: z.array(AuditEntrySchema) }), "The trail"),
    ...errorResponses(),
  },
});

const practiceAuditRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/audit",
  tags,
  summary: "Every change to the practice's transactions, newest first",
  "x-access": { access: "practice", permission: "audit.read" },
  request: {
    params: PracticeParams,
    query: z.strictObject({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce
        .number()
        .int()
        .min(1)
        .optional()
        .openapi({ description: "nextBefore of the previous page" }),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({ entries: z.array(AuditEntrySchema), nextBefore: z.number().int().nullable() }),
      "The trail",
    ),
    ...errorResponses(),
  },
});

type AuditRow = Awaited<ReturnType<typeof listTransactionAudit>>[number];
const entryJson = (e: AuditRow) => ({ ...e, createdAt: e.createdAt.toISOString() });

export function ledgerSplitAndAuditRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(splitsRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const view = await replaceSplits(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").transactionId,
      c.req.valid("json"),
    );
    return c.json({ transaction: transactionJson(view) }, 200);
  });
  app.openapi(transactionAuditRoute, async (c) => {
    const rows = await listTransactionAudit(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").transactionId,
    );
    return c.json({ entries: rows.map(entryJson) }, 200);
  });
  app.openapi(practiceAuditRoute, async (c) => {
    const { limit, before } = c.req.valid("query");
    const page = await listPracticeAudit(c.get("deps").database.db, c.get("membership").practiceId, {
      limit,
      beforeId: before,
    });
    return c.json({ entries: page.entries.map(entryJson), nextBefore: page.nextBeforeId }, 200);
  });
  return app;
}
