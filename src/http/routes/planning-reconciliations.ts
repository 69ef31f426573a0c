import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  listReconciliations,
  type ReconciliationRow,
  reconcileAccount,
} from "../../services/planning/reconciliations.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse } from "../schemas.js";
import { CentsSchema, IsoDateSchema } from "./ledger-schemas.js";
import { notFoundResponse } from "./planning-schemas.js";

const tags = ["ledger"];
const AccountParams = z.strictObject({ practiceId: z.uuid(), accountId: z.uuid() });
const int = () => z.number().int();

const ReconciliationSchema = z
  .object({
    id: z.uuid(),
    accountId: z.uuid(),
    statementDate: z.string(),
    statementBalanceCents: int(),
    ledgerBalanceCents: int().openapi({
      description: "The ledger's balance on the statement date when reconciled",
    }),
    differenceCents: int().openapi({ description: "Statement − ledger: positive when the bank shows more" }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("Reconciliation");

const Activity = z.object({ transactionCount: int(), netCents: int() });

const reconcileRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/accounts/{accountId}/reconciliations",
  tags,
  summary: "Compare a statement's ending balance with the ledger's balance on that date",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: {
    params: AccountParams,
    body: jsonBody(
      z.strictObject({
        statementDate: IsoDateSchema,
        statementBalanceCents: CentsSchema.openapi({
          description: "The statement's ending balance; on a card, what is owed is negative",
        }),
      }),
    ),
  },
  responses: {
    201: jsonResponse(
      z.object({
        reconciliation: ReconciliationSchema,
        sincePrevious: Activity.extend({ previousStatementDate: z.string() }).nullable().openapi({
          description: "Transactions after the previous reconciliation's date, up to this one's",
        }),
        afterStatementDate: Activity.openapi({
          description: "Transactions dated after the statement: not counted",
        }),
      }),
      "Reconciled",
    ),
    ...notFoundResponse("No such account in this practice"),
    ...errorResponses(),
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/accounts/{accountId}/reconciliations",
  tags,
  summary: "The account's reconciliations, latest statement first",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: AccountParams },
  responses: {
    200: jsonResponse(
      z.object({
        reconciliations: z.array(
          ReconciliationSchema.extend({
            currentLedgerBalanceCents: int().openapi({
              description:
                "The ledger's balance on the statement date now; differs when entries changed since",
            }),
          }),
        ),
      }),
      "Reconciliations",
    ),
    ...notFoundResponse("No such account in this practice"),
    ...errorResponses(),
  },
});

function reconciliationJson(row: ReconciliationRow): z.infer<typeof ReconciliationSchema> {
  return {
    id: row.id,
    accountId: row.accountId,
    statementDate: row.statementDate,
    statementBalanceCents: row.statementBalanceCents,
    ledgerBalanceCents: row.ledgerBalanceCents,
    differenceCents: row.statementBalanceCents - row.ledgerBalanceCents,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

export function planningReconciliationRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(reconcileRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const result = await reconcileAccount(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").accountId,
      c.req.valid("json"),
    );
    return c.json({ ...result, reconciliation: reconciliationJson(result.reconciliation) }, 201);
  });
  app.openapi(listRoute, async (c) => {
    const { practiceId, accountId } = c.req.valid("param");
    const rows = await listReconciliations(c.get("deps").database.db, practiceId, accountId);
    return c.json(
      {
        reconciliations: rows.map((r) => ({
          ...reconciliationJson(r),
          currentLedgerBalanceCents: r.currentLedgerBalanceCents,
        })),
      },
      200,
    );
  });
  return app;
}
