import { OpenAPIHono, z } from "@hono/zod-openapi";
import { roleCan } from "../../domain/permissions.js";
import { buildDashboard } from "../../services/planning/dashboard.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonResponse, PracticeParams } from "../schemas.js";
import { OptionalYearQuery } from "./planning-schemas.js";

const int = () => z.number().int();

const DashboardSchema = z
  .object({
    year: int(),
    today: z.string(),
    progress: z.object({
      status: z.enum(["ended", "in_progress", "not_started"]),
      through: z.string().nullable(),
      daysElapsed: int(),
      daysInYear: int(),
    }),
    range: z.object({ from: z.string(), to: z.string() }),
    totals: z.object({
      incomeCents: int().openapi({ description: "Gross receipts (Schedule C line 1)" }),
      expensesCents: int().openapi({ description: "Total deductible expenses (line 28)" }),
      profitCents: int().openapi({ description: "Tentative profit (line 29)" }),
    }),
    setAside: z.object({
      status: z.enum(["computed", "owner_only", "no_profile", "unsupported_year"]),
      message: z.string().nullable(),
      figures: z
        .object({
          federalTaxCents: int(),
          stateTaxCents: int(),
          totalTaxCents: int(),
          withholdingCents: int(),
          paymentsCents: int(),
          setAsideCents: int(),
        })
        .nullable(),
    }),
    monthly: z.array(
      z.object({ month: z.string(), incomeCents: int(), expenseCents: int(), netCents: int() }),
    ),
    payerMix: z.array(
      z.object({
        payerId: z.string().nullable(),
        name: z.string(),
        kind: z.string().nullable(),
        amountCents: int(),
        feesCents: int(),
        count: int(),
        shareBasisPoints: int(),
      }),
    ),
    topCategories: z.array(
      z.object({
        categoryId: z.string().nullable(),
        name: z.string(),
        line: z.string(),
        source: z.enum(["category", "processor_fees", "mileage"]),
        spentCents: int(),
        deductibleCents: int(),
        count: int(),
      }),
    ),
    unreviewed: z.object({
      count: int().openapi({ description: "Transactions of any date waiting for review" }),
      inRangeCount: int(),
    }),
  })
  .openapi("Dashboard");

const dashboardRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/dashboard",
  tags: ["reports"],
  summary:
    "The year so far in one answer: totals, tax set-aside (Owner only), trend, payers, categories, review",
  "x-access": { access: "practice", permission: "reports.read" },
  request: { params: PracticeParams, query: OptionalYearQuery },
  responses: { 200: jsonResponse(DashboardSchema, "The dashboard"), ...errorResponses() },
});

export function planningDashboardRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(dashboardRoute, async (c) => {
    const { practiceId, userId, role } = c.get("membership");
    const dashboard = await buildDashboard(
      c.get("deps").database.db,
      { practiceId, userId, isOwner: roleCan(role, "tax.profile") },
      c.req.valid("query").year,
    );
    return c.json(dashboard, 200);
  });
  return app;
}
