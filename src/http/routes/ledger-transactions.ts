import { OpenAPIHono, z } from "@hono/zod-openapi";
import { listTransactions } from "../../services/ledger/transaction-list.js";
import { updateTransaction } from "../../services/ledger/transaction-update.js";
import { getTransaction } from "../../services/ledger/transaction-views.js";
import { createTransaction, deleteTransaction } from "../../services/ledger/transaction-writes.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, noContent, PracticeParams } from "../schemas.js";
import {
  CreateTransactionBody,
  ListTransactionsQuery,
  TransactionAnswer,
  TransactionParams,
  TransactionSchema,
  transactionJson,
  UpdateTransactionBody,
} from "./ledger-transaction-schemas.js";

const tags = ["ledger"];

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/transactions",
  tags,
  summary: "Transactions, newest first, filtered and a page at a time",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams, query: ListTransactionsQuery },
  responses: {
    200: jsonResponse(
      z.object({ transactions: z.array(TransactionSchema), nextCursor: z.string().nullable() }),
      "A page of transactions",
    ),
    ...errorResponses(),
  },
});

const getRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/transactions/{transactionId}",
  tags,
  summary: "One transaction with its splits",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: TransactionParams },
  responses: { 200: jsonResponse(TransactionAnswer, "The transaction"), ...errorResponses() },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/transactions",
  tags,
  summary: "Record income, an expense or any other transaction (optionally split)",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: PracticeParams, body: jsonBody(CreateTransactionBody) },
  responses: { 201: jsonResponse(TransactionAnswer, "Recorded"), ...errorResponses() },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/transactions/{transactionId}",
  tags,
  summary: "Edit or classify a transaction; the fields changed are locked against automation",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: TransactionParams, body: jsonBody(UpdateTransactionBody) },
  responses: { 200: jsonResponse(TransactionAnswer, "Updated"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/transactions/{transactionId}",
  tags,
  summary: "Delete a transaction (the audit trail keeps what it was)",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: TransactionParams },
  responses: { ...noContent("Deleted"), ...errorResponses() },
});

export function ledgerTransactionRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const page = await listTransactions(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("query"),
    );
    return c.json({ transactions: page.transactions.map(transactionJson), nextCursor: page.nextCursor }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const view = await getTransaction(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").transactionId,
    );
    return c.json({ transaction: transactionJson(view) }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const view = await createTransaction(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("json"),
    );
    return c.json({ transaction: transactionJson(view) }, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const view = await updateTransaction(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").transactionId,
      c.req.valid("json"),
    );
    return c.json({ transaction: transactionJson(view) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await deleteTransaction(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").transactionId,
    );
    return c.body(null, 204);
  });
  return app;
}
