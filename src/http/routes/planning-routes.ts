import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../app-env.js";
import { planningDashboardRoutes } from "./planning-dashboard.js";
import { planningMileageRoutes } from "./planning-mileage.js";
import { planningReconciliationRoutes } from "./planning-reconciliations.js";
import { planningTaxPaymentRoutes } from "./planning-tax-payments.js";
import { planningTaxPlanRoutes } from "./planning-tax-plan.js";
import { planningTaxProfileRoutes } from "./planning-tax-profile.js";

/** Issue 5's planning: the tax planner, the mileage log, reconciliation and the dashboard. */
export function planningRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.route("/", planningTaxProfileRoutes());
  app.route("/", planningTaxPaymentRoutes());
  app.route("/", planningTaxPlanRoutes());
  app.route("/", planningMileageRoutes());
  app.route("/", planningReconciliationRoutes());
  app.route("/", planningDashboardRoutes());
  return app;
}
