import { z } from "@hono/zod-openapi";
import { MAX_AMOUNT_CENTS } from "../../domain/ledger/vocabulary.js";
import { ErrorSchema, jsonResponse } from "../schemas.js";
import { YearParamSchema } from "./ledger-schemas.js";

/** Request and response pieces shared by the tax planner, mileage and reconciliation routes. */

export const YearParams = z.strictObject({ practiceId: z.uuid(), year: YearParamSchema });

/** `?year=YYYY`, optional: the practice's current year when left out. */
export const OptionalYearQuery = z.strictObject({ year: YearParamSchema.optional() });

/** Integer cents that may be negative without being a movement of money (a loss, an AGI). */
export const SignedCentsSchema = z.int().min(-MAX_AMOUNT_CENTS).max(MAX_AMOUNT_CENTS).openapi({ example: 0 });

export const PositiveCentsSchema = z.int().min(1).max(MAX_AMOUNT_CENTS).openapi({ example: 250_000 });

/** The answer for a year the tax data file has no figures for. */
export function unsupportedYearResponse() {
  return {
    422: jsonResponse(ErrorSchema, "No tax figures for that year; the message names the years there are"),
  };
}

export function conflictResponse(description: string) {
  return { 409: jsonResponse(ErrorSchema, description) };
}

export function notFoundResponse(description: string) {
  return { 404: jsonResponse(ErrorSchema, description) };
}
