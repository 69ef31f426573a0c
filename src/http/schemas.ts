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

export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "Enter a valid email address." }))
  .openapi({ example: "[email protected]" });

/** Length rules for new passwords live in identity/password.ts; this only bounds the input. */
export const PasswordInputSchema = z.string().min(1, "Enter your password.").max(1024);

export const CodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(32)
  .openapi({ description: "A 6-digit TOTP code or a backup code" });

export const TokenSchema = z.string().min(16).max(256);

export function noContent(description: string) {
  return { 204: { description } };
}

export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

const TIME_ZONES = new Set(Intl.supportedValuesOf("timeZone"));

export const TimeZoneSchema = z
  .string()
  .refine((tz) => TIME_ZONES.has(tz), "Choose a time zone from the list (for example America/Chicago).")
  .openapi({ example: "America/Chicago" });

export const PracticeNameSchema = z.string().trim().min(1, "Give the practice a name.").max(120);

export const PracticeParams = z.strictObject({ practiceId: z.uuid() });
