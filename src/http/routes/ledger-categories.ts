import { OpenAPIHono, z } from "@hono/zod-openapi";
import { describeScheduleCLine, SCHEDULE_C_LINES } from "../../domain/ledger/schedule-c.js";
import {
  addPresetCategories,
  createCategory,
  deleteCategory,
  listCategories,
  updateCategory,
} from "../../services/ledger/categories.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, PracticeParams } from "../schemas.js";
import {
  iso,
  ListQuery,
  nameField,
  ReassignedSchema,
  ReassignQuery,
  ScheduleCLineSchema,
  someField,
} from "./ledger-schemas.js";

const tags = ["ledger"];
const CategoryParams = z.strictObject({ practiceId: z.uuid(), categoryId: z.uuid() });

const CategorySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    scheduleCLine: ScheduleCLineSchema,
    scheduleCLineLabel: z.string().openapi({ example: "Line 20b — Rent or lease: Other business property" }),
    isPreset: z.boolean(),
    presetKey: z.string().nullable(),
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    transactionCount: z.number().int().optional(),
  })
  .openapi("Category");

const LineSchema = z.object({ line: z.string(), label: z.string(), deductibleBasisPoints: z.number().int() });
const CategoryName = nameField(120, "Give the category a name.");

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/categories",
  tags,
  summary: "Expense categories by Schedule C line, and the lines a category may map to",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams, query: ListQuery },
  responses: {
    200: jsonResponse(
      z.object({ categories: z.array(CategorySchema), lines: z.array(LineSchema) }),
      "Categories",
    ),
    ...errorResponses(),
  },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/categories",
  tags,
  summary: "Add a category of the practice's own, mapped to a Schedule C line",
  "x-access": { access: "practice", permission: "categories.manage" },
  request: {
    params: PracticeParams,
    body: jsonBody(z.strictObject({ name: CategoryName, scheduleCLine: ScheduleCLineSchema })),
  },
  responses: { 201: jsonResponse(z.object({ category: CategorySchema }), "Added"), ...errorResponses() },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/categories/{categoryId}",
  tags,
  summary: "Rename, re-map, archive or restore a category (presets included)",
  "x-access": { access: "practice", permission: "categories.manage" },
  request: {
    params: CategoryParams,
    body: jsonBody(
      someField(
        z.strictObject({
          name: CategoryName.optional(),
          scheduleCLine: ScheduleCLineSchema.optional(),
          archived: z.boolean().optional(),
        }),
      ),
    ),
  },
  responses: { 200: jsonResponse(z.object({ category: CategorySchema }), "Updated"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/categories/{categoryId}",
  tags,
  summary:
    "Delete a custom category; one in use needs ?reassignTo=<category id> (else 409). Presets are archived",
  "x-access": { access: "practice", permission: "categories.manage" },
  request: { params: CategoryParams, query: ReassignQuery },
  responses: { 200: jsonResponse(ReassignedSchema, "Deleted"), ...errorResponses() },
});

const restoreRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/categories/presets",
  tags,
  summary: "Add any category of the preset chart the practice lacks",
  "x-access": { access: "practice", permission: "categories.manage" },
  request: { params: PracticeParams },
  responses: { 200: jsonResponse(z.object({ added: z.number().int() }), "Added"), ...errorResponses() },
});

type CategoryRow = Awaited<ReturnType<typeof createCategory>> & { transactionCount?: number };

function categoryJson(row: CategoryRow) {
  return {
    id: row.id,
    name: row.name,
    scheduleCLine: row.scheduleCLine,
    scheduleCLineLabel: describeScheduleCLine(row.scheduleCLine),
    isPreset: row.presetKey !== null,
    presetKey: row.presetKey,
    archivedAt: iso(row.archivedAt),
    createdAt: row.createdAt.toISOString(),
    ...(row.transactionCount === undefined ? {} : { transactionCount: row.transactionCount }),
  };
}

export function ledgerCategoryRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const rows = await listCategories(c.get("deps").database.db, c.get("membership").practiceId, {
      includeArchived: c.req.valid("query").includeArchived,
    });
    return c.json({ categories: rows.map(categoryJson), lines: [...SCHEDULE_C_LINES] }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const row = await createCategory(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("json"),
    );
    return c.json({ category: categoryJson(row) }, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const row = await updateCategory(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").categoryId,
      c.req.valid("json"),
    );
    return c.json({ category: categoryJson(row) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const result = await deleteCategory(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").categoryId,
      c.req.valid("query").reassignTo,
    );
    return c.json(result, 200);
  });
  app.openapi(restoreRoute, async (c) => {
    const added = await addPresetCategories(c.get("deps").database.db, c.get("membership").practiceId);
    return c.json({ added }, 200);
  });
  return app;
}
