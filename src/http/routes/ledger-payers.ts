import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createPayer,
  deletePayer,
  listPayers,
  type PayerView,
  setPayerRates,
  updatePayer,
} from "../../services/ledger/payers.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, PracticeParams } from "../schemas.js";
import {
  iso,
  ListQuery,
  NonNegativeCentsSchema,
  nameField,
  PayerKindSchema,
  ReassignedSchema,
  ReassignQuery,
  someField,
} from "./ledger-schemas.js";

const tags = ["ledger"];
const PayerParams = z.strictObject({ practiceId: z.uuid(), payerId: z.uuid() });

const RateSchema = z.strictObject({
  serviceCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^[0-9A-Z]{5}(-[0-9A-Z]{2})?$/,
      "Use a 5-character service code such as 90837, with an optional modifier (90837-95).",
    )
    .openapi({ example: "90837" }),
  rateCents: NonNegativeCentsSchema,
});
const RatesSchema = z.array(RateSchema).max(200);

const PayerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: PayerKindSchema,
    archivedAt: z.string().nullable(),
    createdAt: z.string(),
    rates: z.array(z.object({ serviceCode: z.string(), rateCents: z.number().int() })),
    transactionCount: z.number().int(),
  })
  .openapi("Payer");

const WarningSchema = z
  .object({ code: z.literal("possible_client_name"), message: z.string() })
  .nullable()
  .openapi({ description: "Set when the name looks like a person's: client names must not be stored" });

const PayerAnswer = z.object({ payer: PayerSchema, warning: WarningSchema });
const PayerName = nameField(120, "Give the payer a name.");

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/payers",
  tags,
  summary: "Payers with their contracted rates and how many transactions name each",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams, query: ListQuery },
  responses: { 200: jsonResponse(z.object({ payers: z.array(PayerSchema) }), "Payers"), ...errorResponses() },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/payers",
  tags,
  summary: 'Add a payer (an insurer, an EAP, "Private pay" — never a client\'s name)',
  "x-access": { access: "practice", permission: "payers.manage" },
  request: {
    params: PracticeParams,
    body: jsonBody(z.strictObject({ name: PayerName, kind: PayerKindSchema, rates: RatesSchema.optional() })),
  },
  responses: { 201: jsonResponse(PayerAnswer, "Added"), ...errorResponses() },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/payers/{payerId}",
  tags,
  summary: "Rename, re-type, archive or restore a payer",
  "x-access": { access: "practice", permission: "payers.manage" },
  request: {
    params: PayerParams,
    body: jsonBody(
      someField(
        z.strictObject({
          name: PayerName.optional(),
          kind: PayerKindSchema.optional(),
          archived: z.boolean().optional(),
        }),
      ),
    ),
  },
  responses: { 200: jsonResponse(PayerAnswer, "Updated"), ...errorResponses() },
});

const ratesRoute = defineRoute({
  method: "put",
  path: "/practices/{practiceId}/payers/{payerId}/rates",
  tags,
  summary: "Replace the payer's contracted rates per service code",
  "x-access": { access: "practice", permission: "payers.manage" },
  request: { params: PayerParams, body: jsonBody(z.strictObject({ rates: RatesSchema })) },
  responses: { 200: jsonResponse(z.object({ payer: PayerSchema }), "Rates replaced"), ...errorResponses() },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/payers/{payerId}",
  tags,
  summary: "Delete a payer; one in use needs ?reassignTo=<payer id> for its transactions (else 409)",
  "x-access": { access: "practice", permission: "payers.manage" },
  request: { params: PayerParams, query: ReassignQuery },
  responses: { 200: jsonResponse(ReassignedSchema, "Deleted"), ...errorResponses() },
});

function payerJson(p: PayerView) {
  return {
    id: p.id,
    name: p.name,
    kind: p.kind,
    archivedAt: iso(p.archivedAt),
    createdAt: p.createdAt.toISOString(),
    rates: p.rates,
    transactionCount: p.transactionCount,
  };
}

export function ledgerPayerRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const rows = await listPayers(c.get("deps").database.db, c.get("membership").practiceId, {
      includeArchived: c.req.valid("query").includeArchived,
    });
    return c.json({ payers: rows.map(payerJson) }, 200);
  });
  app.openapi(createRoute, async (c) => {
    const { payer, warning } = await createPayer(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("json"),
    );
    return c.json({ payer: payerJson(payer), warning }, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { payer, warning } = await updatePayer(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").payerId,
      c.req.valid("json"),
    );
    return c.json({ payer: payerJson(payer), warning }, 200);
  });
  app.openapi(ratesRoute, async (c) => {
    const payer = await setPayerRates(
      c.get("deps").database.db,
      c.get("membership").practiceId,
      c.req.valid("param").payerId,
      c.req.valid("json").rates,
    );
    return c.json({ payer: payerJson(payer) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const result = await deletePayer(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").payerId,
      c.req.valid("query").reassignTo,
    );
    return c.json(result, 200);
  });
  return app;
}
