import { z } from "@hono/zod-openapi";
import { LOCKABLE_FIELDS } from "../../domain/ledger/locks.js";
import { SCHEDULE_C_LINE_CODES } from "../../domain/ledger/schedule-c.js";
import {
  ACCOUNT_KINDS,
  CLASSIFICATIONS,
  INCOME_METHODS,
  MAX_AMOUNT_CENTS,
  PAYER_KINDS,
  TRANSACTION_SOURCES,
} from "../../domain/ledger/vocabulary.js";

/** Shared request and response pieces of the ledger's routes. */

// C0 control characters other than tab and line breaks, and DEL: never meaningful in a ledger
// text, and PostgreSQL refuses NUL in text.
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) return true;
  }
  return false;
}

export function textField(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .refine((s) => !hasControlCharacter(s), "Remove control characters from the text.");
}

export function nameField(max: number, message: string) {
  return textField(max).pipe(z.string().min(1, message));
}

/** An amount in integer cents under the ledger's sign convention (positive = into the account). */
export const CentsSchema = z.int().min(-MAX_AMOUNT_CENTS).max(MAX_AMOUNT_CENTS).openapi({
  description: "Integer cents; positive = money into the account, negative = money out",
  example: 15000,
});

export const NonNegativeCentsSchema = z.int().min(0).max(MAX_AMOUNT_CENTS).openapi({ example: 465 });

export const IsoDateSchema = z.iso
  .date({ message: "Use a date like 2025-03-31." })
  .refine((d) => d >= "1900-01-01" && d <= "2199-12-31", "Use a date between 1900 and 2199.")
  .openapi({ example: "2025-03-31" });

export const YearParamSchema = z.coerce.number().int().min(1900).max(2200);

export const AccountKindSchema = z.enum(ACCOUNT_KINDS);
export const PayerKindSchema = z.enum(PAYER_KINDS);
export const ClassificationSchema = z.enum(CLASSIFICATIONS);
export const IncomeMethodSchema = z.enum(INCOME_METHODS);
export const SourceSchema = z.enum(TRANSACTION_SOURCES);
export const LockableFieldSchema = z.enum(LOCKABLE_FIELDS);
export const ScheduleCLineSchema = z.enum(SCHEDULE_C_LINE_CODES);

/** `?includeArchived=true` on list routes; unknown query parameters are refused. */
export const ListQuery = z.strictObject({
  includeArchived: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true"),
});

/** `?reassignTo=<id>` on deletes of payers and categories still in use. */
export const ReassignQuery = z.strictObject({ reassignTo: z.uuid().optional() });

export const ReassignedSchema = z.object({ reassigned: z.number().int() });

/** Timestamps leave the API as ISO strings. */
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** A PATCH body must change something: `{}` is refused. */
export function someField<T extends z.ZodObject>(schema: T) {
  return schema.refine((v) => Object.values(v).some((x) => x !== undefined), "Change at least one field.");
}
