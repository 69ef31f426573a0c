import { z } from "@hono/zod-openapi";
import { VEHICLE_METHODS } from "../../db/schema/planning.js";
import type { MileageRow } from "../../services/planning/mileage.js";
import type { MileageLog } from "../../services/planning/mileage-log.js";
import type { VehicleMethodChoice } from "../../services/planning/vehicle-methods.js";
import { IsoDateSchema, iso, nameField, someField, textField } from "./ledger-schemas.js";

const MAX_MILES = 1_000_000;

/** True when the number has at most two decimals (binary noise such as 12.3 × 100 aside). */
function hasAtMostTwoDecimals(miles: number): boolean {
  const hundredths = miles * 100;
  return Math.abs(hundredths - Math.round(hundredths)) <= 1e-6;
}

export const MilesSchema = z
  .number()
  .positive("Enter a distance above 0 miles.")
  .max(MAX_MILES, `Enter at most ${MAX_MILES.toLocaleString("en-US")} miles.`)
  .refine(hasAtMostTwoDecimals, "Use at most two decimals, like 12.5 or 12.25.")
  .openapi({ description: "Miles with at most two decimals", example: 12.5 });

/** Exact hundredths of a mile from a validated distance. */
export function toHundredths(miles: number): number {
  return Math.round(miles * 100);
}

const PlaceSchema = textField(200).nullable().optional();

export const CreateMileageBody = z.strictObject({
  date: IsoDateSchema,
  miles: MilesSchema,
  purpose: nameField(500, "Say what the trip was for, e.g. a home visit or a training."),
  fromPlace: PlaceSchema,
  toPlace: PlaceSchema,
});

export const UpdateMileageBody = someField(
  z.strictObject({
    date: IsoDateSchema.optional(),
    miles: MilesSchema.optional(),
    purpose: nameField(500, "Say what the trip was for, e.g. a home visit or a training.").optional(),
    fromPlace: PlaceSchema,
    toPlace: PlaceSchema,
  }),
);

export const VehicleMethodSchemaEnum = z.enum(VEHICLE_METHODS);

export const MileageEntrySchema = z
  .object({
    id: z.uuid(),
    date: z.string(),
    miles: z.number(),
    hundredthsOfMiles: z.number().int(),
    purpose: z.string(),
    fromPlace: z.string().nullable(),
    toPlace: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi("MileageEntry");

export const VehicleMethodSchema = z
  .object({
    year: z.number().int(),
    method: VehicleMethodSchemaEnum,
    isDefault: z.boolean().openapi({ description: "Nobody chose: the standard mileage rate applies" }),
    updatedAt: z.string().nullable(),
  })
  .openapi("VehicleMethod");

export const MileageLogSchema = z.object({
  year: z.number().int(),
  entries: z.array(MileageEntrySchema),
  vehicleMethod: VehicleMethodSchema,
  valuation: z
    .object({
      hundredthsOfMiles: z.number().int(),
      miles: z.number(),
      totalCents: z.number().int(),
      lines: z.array(
        z.object({
          fromDate: z.string(),
          millsPerMile: z.number().int().openapi({ description: "Tenths of a cent per mile: 700 is 70¢" }),
          source: z.string(),
          hundredthsOfMiles: z.number().int(),
          valueCents: z.number().int(),
        }),
      ),
    })
    .nullable(),
  deductionCents: z.number().int().openapi({ description: "What the log adds to Schedule C line 9" }),
  note: z.string().nullable(),
});

export function mileageEntryJson(row: MileageRow): z.infer<typeof MileageEntrySchema> {
  const { practiceId: _practiceId, createdAt, ...rest } = row;
  return { ...rest, miles: row.hundredthsOfMiles / 100, createdAt: createdAt.toISOString() };
}

export function vehicleMethodJson(choice: VehicleMethodChoice): z.infer<typeof VehicleMethodSchema> {
  return { ...choice, updatedAt: iso(choice.updatedAt) };
}

export function mileageLogJson(log: MileageLog): z.infer<typeof MileageLogSchema> {
  return {
    ...log,
    entries: log.entries.map(mileageEntryJson),
    vehicleMethod: vehicleMethodJson(log.vehicleMethod),
    valuation: log.valuation
      ? {
          hundredthsOfMiles: log.valuation.hundredthsOfMiles,
          miles: log.valuation.hundredthsOfMiles / 100,
          totalCents: log.valuation.totalCents,
          lines: log.valuation.lines,
        }
      : null,
  };
}
