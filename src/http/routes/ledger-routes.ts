import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { ledgerAccountRoutes } from "./ledger-accounts.js";
import { ledgerCategoryRoutes } from "./ledger-categories.js";
import { ledgerClosedYearRoutes } from "./ledger-closed-years.js";
import { ledgerPayerRoutes } from "./ledger-payers.js";
import { ledgerSplitAndAuditRoutes } from "./ledger-splits-audit.js";
import { ledgerTransactionRoutes } from "./ledger-transactions.js";

/** The ledger core: accounts, payers, categories, transactions, splits, audit, closed years. */
export function ledgerRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.route("/", ledgerAccountRoutes());
  app.route("/", ledgerPayerRoutes());
  app.route("/", ledgerCategoryRoutes());
  app.route("/", ledgerTransactionRoutes());
  app.route("/", ledgerSplitAndAuditRoutes());
  app.route("/", ledgerClosedYearRoutes());
  return app;
}
