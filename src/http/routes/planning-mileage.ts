import { OpenAPIHono, z } from "@hono/zod-openapi";
import {
  createMileageEntry,
  deleteMileageEntry,
  updateMileageEntry,
} from "../../services/planning/mileage.js";
import { readMileageLog } from "../../services/planning/mileage-log.js";
import { findPracticeToday } from "../../services/planning/practice-calendar.js";
import { chooseVehicleMethod, findVehicleMethod } from "../../services/planning/vehicle-methods.js";
import type { AppEnv } from "../app-env.js";
import { defineRoute } from "../define-route.js";
import { errorResponses, jsonBody, jsonResponse, noContent, PracticeParams } from "../schemas.js";
import {
  CreateMileageBody,
  MileageEntrySchema,
  MileageLogSchema,
  mileageEntryJson,
  mileageLogJson,
  toHundredths,
  UpdateMileageBody,
  VehicleMethodSchema,
  VehicleMethodSchemaEnum,
  vehicleMethodJson,
} from "./planning-mileage-schemas.js";
import { conflictResponse, OptionalYearQuery, YearParams } from "./planning-schemas.js";

const tags = ["mileage"];
const EntryParams = z.strictObject({ practiceId: z.uuid(), entryId: z.uuid() });
const closedYear = conflictResponse("The date is in a closed year (period_closed)");

const listRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/mileage",
  tags,
  summary: "The year's trips, their value at the IRS standard rate, and the year's vehicle method",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: PracticeParams, query: OptionalYearQuery },
  responses: { 200: jsonResponse(MileageLogSchema, "The mileage log"), ...errorResponses() },
});

const createRoute = defineRoute({
  method: "post",
  path: "/practices/{practiceId}/mileage",
  tags,
  summary: "Log a business trip",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: PracticeParams, body: jsonBody(CreateMileageBody) },
  responses: {
    201: jsonResponse(z.object({ entry: MileageEntrySchema }), "Logged"),
    ...closedYear,
    ...errorResponses(),
  },
});

const updateRoute = defineRoute({
  method: "patch",
  path: "/practices/{practiceId}/mileage/{entryId}",
  tags,
  summary: "Change a trip",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: EntryParams, body: jsonBody(UpdateMileageBody) },
  responses: {
    200: jsonResponse(z.object({ entry: MileageEntrySchema }), "Changed"),
    ...closedYear,
    ...errorResponses(),
  },
});

const deleteRoute = defineRoute({
  method: "delete",
  path: "/practices/{practiceId}/mileage/{entryId}",
  tags,
  summary: "Delete a trip",
  "x-access": { access: "practice", permission: "ledger.write" },
  request: { params: EntryParams },
  responses: { ...noContent("Deleted"), ...closedYear, ...errorResponses() },
});

const getMethodRoute = defineRoute({
  method: "get",
  path: "/practices/{practiceId}/mileage/method/{year}",
  tags,
  summary: "How the year's car costs reach Schedule C line 9",
  "x-access": { access: "practice", permission: "ledger.read" },
  request: { params: YearParams },
  responses: {
    200: jsonResponse(z.object({ vehicleMethod: VehicleMethodSchema }), "The method"),
    ...errorResponses(),
  },
});

const putMethodRoute = defineRoute({
  method: "put",
  path: "/practices/{practiceId}/mileage/method/{year}",
  tags,
  summary: "Choose the standard mileage rate or actual car expenses for the year",
  "x-access": { access: "practice", permission: "settings.manage" },
  request: { params: YearParams, body: jsonBody(z.strictObject({ method: VehicleMethodSchemaEnum })) },
  responses: {
    200: jsonResponse(z.object({ vehicleMethod: VehicleMethodSchema }), "Chosen"),
    ...closedYear,
    ...errorResponses(),
  },
});

export function planningMileageRoutes() {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(listRoute, async (c) => {
    const db = c.get("deps").database.db;
    const { practiceId } = c.get("membership");
    const year = c.req.valid("query").year ?? (await findPracticeToday(db, practiceId)).year;
    return c.json(mileageLogJson(await readMileageLog(db, practiceId, year)), 200);
  });
  app.openapi(createRoute, async (c) => {
    const { miles, ...fields } = c.req.valid("json");
    const { practiceId, userId } = c.get("membership");
    const row = await createMileageEntry(
      c.get("deps").database.db,
      { practiceId, userId },
      { ...fields, hundredthsOfMiles: toHundredths(miles) },
    );
    return c.json({ entry: mileageEntryJson(row) }, 201);
  });
  app.openapi(updateRoute, async (c) => {
    const { miles, ...fields } = c.req.valid("json");
    const { practiceId, entryId } = c.req.valid("param");
    const row = await updateMileageEntry(c.get("deps").database.db, practiceId, entryId, {
      ...fields,
      hundredthsOfMiles: miles === undefined ? undefined : toHundredths(miles),
    });
    return c.json({ entry: mileageEntryJson(row) }, 200);
  });
  app.openapi(deleteRoute, async (c) => {
    const { practiceId, entryId } = c.req.valid("param");
    await deleteMileageEntry(c.get("deps").database.db, practiceId, entryId);
    return c.body(null, 204);
  });
  app.openapi(getMethodRoute, async (c) => {
    const { practiceId, year } = c.req.valid("param");
    const choice = await findVehicleMethod(c.get("deps").database.db, practiceId, year);
    return c.json({ vehicleMethod: vehicleMethodJson(choice) }, 200);
  });
  app.openapi(putMethodRoute, async (c) => {
    const { practiceId, userId } = c.get("membership");
    const choice = await chooseVehicleMethod(
      c.get("deps").database.db,
      { practiceId, userId },
      c.req.valid("param").year,
      c.req.valid("json").method,
    );
    return c.json({ vehicleMethod: vehicleMethodJson(choice) }, 200);
  });
  return app;
}
