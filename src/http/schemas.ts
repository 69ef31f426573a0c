import { z } from "@hono/zod-openapi";
import { ERROR_CODES } from "./errors.js";

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

const errorContent = { "application/json": { schema: ErrorSchema } };

/** The error answers any route may give; routes add their own on top. */
export function errorResponses() {
  return {
    400: { description: "The request is malformed or fails validation", content: errorContent },
    401: { description: "Not signed in", content: errorContent },
    403: { description: "Not allowed", content: errorContent },
    413: { description: "The body is too large", content: errorContent },
    429: { description: "Too many requests", content: errorContent },
    500: { description: "A fault on our side", content: errorContent },
  };
}

/** A strict JSON body: unknown keys are refused rather than ignored. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true as const,
    description,
    content: { "application/json": { schema } },
  };
}
