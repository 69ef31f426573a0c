/**
 * Reports for any date range (issue 5). ONE design for every report: a GET with
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (inclusive, from ≤ to, at most 20 years) and
 * `&format=json|csv|pdf` (json by default). JSON money is integer cents; csv and pdf are downloads
 * (Content-Disposition: attachment) built from the same figures.
 */
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requirePractice } from "../../services/practices/practices.js";
import { expensesByCategoryReport, incomeByPayerReport } from "../../services/reports/breakdowns.js";
import { monthlyReport } from "../../services/reports/monthly.js";
import { renderCsv } from "../../services/reports/report-csv.js";
import { renderPdf } from "../../services/reports/report-pdf.js";
import type { ReportTable } from "../../services/reports/report-table.js";
import {
  expensesByCategoryTable,
  incomeByPayerTable,
  monthlyTable,
  profitAndLossTable,
  yearOverYearTable,
} from "../../services/reports/report-tables.js";
import { computeScheduleC } from "../../services/reports/schedule-c.js";
import { yearOverYear } from "../../services/reports/year-over-year.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, PracticeParams } from "../schemas.js";
import {
  ExpensesByCategorySchema,
  IncomeByPayerSchema,
  MonthlySchema,
  ProfitAndLossSchema,
  ReportQuery,
  YearOverYearSchema,
} from "./reports-schemas.js";

const tags = ["reports"];
const FORMATS = "`format=json` (default), `csv` or `pdf` (downloads)";

function reportRoute<P extends string, S extends z.ZodType>(
  path: P,
  summary: string,
  key: string,
  schema: S,
) {
  return defineRoute({
    method: "get",
    path,
    tags,
    summary: `${summary}; ?from&to (YYYY-MM-DD, inclusive, ≤ 20 years), ${FORMATS}`,
    "x-access": { access: "practice", permission: "reports.read" },
    request: { params: PracticeParams, query: ReportQuery },
    responses: {
      200: {
        description: `${summary}: JSON (integer cents), or a CSV or PDF download`,
        content: {
          "application/json": { schema: z.object({ [key]: schema }) },
          "text/csv": { schema: z.string() },
          "application/pdf": { schema: z.string().openapi({ format: "binary" }) },
        },
      },
      ...errorResponses(),
    },
  });
}

const profitAndLossRoute = reportRoute(
  "/practices/{practiceId}/reports/profit-and-loss",
  "Profit and loss by Schedule C line",
  "profitAndLoss",
  ProfitAndLossSchema,
);
const incomeByPayerRoute = reportRoute(
  "/practices/{practiceId}/reports/income-by-payer",
  "Income by payer, with each payer's share and count",
  "incomeByPayer",
  IncomeByPayerSchema,
);
const expensesByCategoryRoute = reportRoute(
  "/practices/{practiceId}/reports/expenses-by-category",
  "Expenses by category and Schedule C line",
  "expensesByCategory",
  ExpensesByCategorySchema,
);
const monthlyRoute = reportRoute(
  "/practices/{practiceId}/reports/monthly",
  "Income, expenses and net by month",
  "monthly",
  MonthlySchema,
);
const yearOverYearRoute = reportRoute(
  "/practices/{practiceId}/reports/year-over-year",
  "This range against the same range a year earlier, per line",
  "yearOverYear",
  YearOverYearSchema,
);

type Query = { from: string; to: string; format: "json" | "csv" | "pdf" };

/** The CSV or PDF download of a report. */
async function download(c: Context<AppEnv>, table: ReportTable, query: Query): Promise<Response> {
  const name = `${table.slug}_${query.from}_${query.to}.${query.format}`;
  c.header("Content-Disposition", `attachment; filename="${name}"`);
  if (query.format === "csv") {
    c.header("Content-Type", "text/csv; charset=utf-8");
    return c.body(renderCsv(table), 200);
  }
  const { practiceId } = c.get("membership");
  const practice = await requirePractice(c.get("deps").database.db, practiceId);
  const pdf = await renderPdf(table, {
    practiceName: practice.name,
    range: { from: query.from, to: query.to },
    generatedAt: new Date(),
    timeZone: practice.timeZone,
  });
  c.header("Content-Type", "application/pdf");
  return c.body(new Uint8Array(pdf), 200);
}

export function reportRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  const inputs = (c: Context<AppEnv>, query: Query) => ({
    db: c.get("deps").database.db,
    practiceId: c.get("membership").practiceId,
    range: { from: query.from, to: query.to },
  });

  app.openapi(profitAndLossRoute, async (c) => {
    const query = c.req.valid("query");
    const { db, practiceId, range } = inputs(c, query);
    const report = await computeScheduleC(db, practiceId, range);
    if (query.format === "json") return c.json({ profitAndLoss: report }, 200);
    return download(c, profitAndLossTable(report), query);
  });
  app.openapi(incomeByPayerRoute, async (c) => {
    const query = c.req.valid("query");
    const { db, practiceId, range } = inputs(c, query);
    const report = await incomeByPayerReport(db, practiceId, range);
    if (query.format === "json") return c.json({ incomeByPayer: report }, 200);
    return download(c, incomeByPayerTable(report), query);
  });
  app.openapi(expensesByCategoryRoute, async (c) => {
    const query = c.req.valid("query");
    const { db, practiceId, range } = inputs(c, query);
    const report = await expensesByCategoryReport(db, practiceId, range);
    if (query.format === "json") return c.json({ expensesByCategory: report }, 200);
    return download(c, expensesByCategoryTable(report), query);
  });
  app.openapi(monthlyRoute, async (c) => {
    const query = c.req.valid("query");
    const { db, practiceId, range } = inputs(c, query);
    const report = await monthlyReport(db, practiceId, range);
    if (query.format === "json") return c.json({ monthly: report }, 200);
    return download(c, monthlyTable(report), query);
  });
  app.openapi(yearOverYearRoute, async (c) => {
    const query = c.req.valid("query");
    const { db, practiceId, range } = inputs(c, query);
    const report = await yearOverYear(db, practiceId, range);
    if (query.format === "json") return c.json({ yearOverYear: report }, 200);
    return download(c, yearOverYearTable(report), query);
  });
  return app;
}
