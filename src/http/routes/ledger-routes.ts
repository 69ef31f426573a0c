import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { inboxRoutes } from "./inbox.js";
import { ledgerAccountRoutes } from "./ledger-accounts.js";
import { ledgerCategoryRoutes } from "./ledger-categories.js";
import { ledgerClosedYearRoutes } from "./ledger-closed-years.js";
import { ledgerPayerRoutes } from "./ledger-payers.js";
import { ledgerSplitAndAuditRoutes } from "./ledger-splits-audit.js";
import { ledgerTransactionRoutes } from "./ledger-transactions.js";
import { planningRoutes } from "./planning-routes.js";
import { reportRoutes } from "./reports.js";
import { ruleRoutes } from "./rules.js";
import { ruleApplyRoutes } from "./rules-apply.js";

/** The ledger core: accounts, payers, categories, transactions, splits, audit, closed years. */
export function ledgerRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.route("/", ledgerAccountRoutes());
  app.route("/", ledgerPayerRoutes());
  app.route("/", ledgerCategoryRoutes());
  app.route("/", ledgerTransactionRoutes());
  app.route("/", ledgerSplitAndAuditRoutes());
  app.route("/", ledgerClosedYearRoutes());
  app.route("/", ruleRoutes());
  app.route("/", ruleApplyRoutes());
  app.route("/", inboxRoutes());
  app.route("/", reportRoutes());
  app.route("/", planningRoutes());
  return app;
}
