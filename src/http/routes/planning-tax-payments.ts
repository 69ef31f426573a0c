import { OpenAPIHono, z } from "@hono/zod-openapi";
import { TAX_JURISDICTIONS } from "../../db/schema/planning.js";
import { deleteTaxPayment, listTaxPayments, recordTaxPayment } from "../../services/planning/tax-payments.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, noContent, PracticeParams } from "../schemas.js";
import { IsoDateSchema, textField } from "./ledger-schemas.js";
import { notFoundResponse, OptionalYearQuery, PositiveCentsSchema } from "./planning-schemas.js";

const tags = ["tax"];
const PaymentParams = z.strictObject({ practiceId: z.uuid(), paymentId: z.uuid() });

export const TaxPaymentSchema = z
  .object({
    id: z.uuid(),
    source: z.enum(["recorded", "ledger"]).openapi({
      description: "recorded: entered in the planner; ledger: a transaction classified estimated_tax",
    }),
    taxYear: z.number().int(),
    date: z.string(),
    amountCents: z.number().int(),
    jurisdiction: z.enum(TAX_JURISDICTIONS),
    note: z.string().nullable(),
  })
  .openapi("TaxPayment");

const PaymentBody = z
  .strictObject({
    date: IsoDateSchema,
    amountCents: PositiveCentsSchema,
    jurisdiction: z.enum(TAX_JURISDICTIONS).default("federal"),
    taxYear: z.int().min(1900).max(2200).optional().openapi({
      description:
        "The tax year paid toward; by default the date's year, or the year before for a January payment",
    }),
    note: textField(200).nullable().optional(),
  })
  .refine(
    (p) =>
      p.taxYear === undefined ||
      [Number(p.date.slice(0, 4)), Number(p.date.slice(0, 4)) - 1].includes(p.taxYear),
    { path: ["taxYear"], message: "A payment counts toward the year of its date or the year before." },
  );

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/tax/payments",
  tags,
  summary: "Estimated tax payments: recorded by you, and found in the ledger",
  "x-access": { access: "practice", permission: "tax.profile" },
  request: { params: PracticeParams, query: OptionalYearQuery },
  responses: {
    200: jsonResponse(
      z.object({ payments: z.array(TaxPaymentSchema), totalCents: z.number().int() }),
      "Payments, oldest first",
    ),
    ...errorResponses(),
  },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/tax/payments",
  tags,
  summary: "Record an estimated tax payment",
  "x-access": { access: "practice", permission: "tax.profile" },
  request: { params: PracticeParams, body: jsonBody(PaymentBody) },
  responses: { 201: jsonResponse(z.object({ payment: TaxPaymentSchema }), "Recorded"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/tax/payments/{paymentId}",
  tags,
  summary: "Delete a recorded payment (a ledger payment changes in the ledger)",
  "x-access": { access: "practice", permission: "tax.profile" },
  request: { params: PaymentParams },
  responses: {
    ...noContent("Deleted"),
    ...notFoundResponse("No such recorded payment of yours"),
    ...errorResponses(),
  },
});

export function planningTaxPaymentRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const payments = await listTaxPayments(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("query").year,
    );
    return c.json({ payments, totalCents: payments.reduce((sum, p) => sum + p.amountCents, 0) }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const payment = await recordTaxPayment(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("json"),
    );
    return c.json({ payment }, 201);
  });
  app.openapi(deleteRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    await deleteTaxPayment(c.get("deps").database.db, { practiceId, userId }, c.req.valid("param").paymentId);
    return c.body(null, 204);
  });
  return app;
}
