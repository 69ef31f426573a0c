import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  type AccountRow,
  createAccount,
  deleteAccount,
  listAccounts,
  updateAccount,
} from "../../services/ledger/accounts.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, noContent, PracticeParams } from "../schemas.js";
import { AccountKindSchema, CentsSchema, iso, ListQuery, nameField, someField } from "./ledger-schemas.js";

const tags = ["ledger"];
const AccountParams = z.strictObject({ practiceId: z.uuid(), accountId: z.uuid() });

const AccountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: AccountKindSchema,
    last4: z.string().nullable(),
    openingBalanceCents: z.number().int(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("LedgerAccount");

const AccountWithBalanceSchema = AccountSchema.extend({
  balanceCents: z.number().int(),
  transactionCount: z.number().int(),
});

const Last4Schema = z
  .string()
  .regex(/^\d{4}$/, "Enter the last four digits of the account number, nothing more.")
  .nullable();

const AccountFields = {
  name: nameField(80, "Give the account a name."),
  kind: AccountKindSchema,
  last4: Last4Schema.optional(),
  openingBalanceCents: CentsSchema.optional(),
};

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/accounts",
  tags,
  summary: "Bank, card and cash accounts with their balances",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams, query: ListQuery },
  responses: {
    200: jsonResponse(z.object({ accounts: z.array(AccountWithBalanceSchema) }), "Accounts"),
    ...errorResponses(),
  },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/accounts",
  tags,
  summary: "Add an account",
  "x-access": { access: "practice", permission: "accounts.manage" },
  request: { params: PracticeParams, body: jsonBody(z.strictObject(AccountFields)) },
  responses: { 201: jsonResponse(z.object({ account: AccountSchema }), "Added"), ...errorResponses() },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/accounts/{accountId}",
  tags,
  summary: "Rename, re-describe, archive or restore an account",
  "x-access": { access: "practice", permission: "accounts.manage" },
  request: {
    params: AccountParams,
    body: jsonBody(
      someField(
        z.strictObject({
          name: AccountFields.name.optional(),
          kind: AccountKindSchema.optional(),
          last4: Last4Schema.optional(),
          openingBalanceCents: CentsSchema.optional(),
          archived: z.boolean().optional(),
        }),
      ),
    ),
  },
  responses: { 200: jsonResponse(z.object({ account: AccountSchema }), "Updated"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/accounts/{accountId}",
  tags,
  summary: "Delete an account that holds no transactions (archive one that does)",
  "x-access": { access: "practice", permission: "accounts.manage" },
  request: { params: AccountParams },
  responses: { ...noContent("Deleted"), ...errorResponses() },
});

function accountJson(row: AccountRow) {
  const { practiceId: _practiceId, ...rest } = row;
  return { ...rest, archivedAt: iso(row.archivedAt), createdAt: row.createdAt.toISOString() };
}

export function ledgerAccountRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const rows = await listAccounts(c.get("deps").database.db, c.get("membership").practiceId, {
      includeArchived: c.req.valid("query").includeArchived,
    });
    return c.json(
      {
        accounts: rows.map((r) => ({
          ...accountJson(r),
          balanceCents: r.balanceCents,
          transactionCount: r.transactionCount,
        })),
      },
      200,
    );
  });
  app.openapi(createRoute, async (c) => {
    const row = await createAccount(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("json"),
    );
    return c.json({ account: accountJson(row) }, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const row = await updateAccount(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").accountId,
      c.req.valid("json"),
    );
    return c.json({ account: accountJson(row) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await deleteAccount(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").accountId,
    );
    return c.body(null, 204);
  });
  return app;
}
