/**
 * How to read one bank's CSV: which columns hold the date, the description and the money, how
 * the dates are written, and how to find the first row. It is plain JSON, remembered per account
 * (import_mappings.mapping) and proposed by `guessCsvMapping` for a new file. Columns are
 * 0-based positions. With a header row, the header's cells are kept: the next file is read from
 * the row that carries the same header, however long the summary block above it is, and a file
 * whose header changed is refused rather than read with the wrong columns.
 */

import { z } from "zod";
import { DATE_FORMATS } from "./dates.js";

export const MAX_CSV_COLUMNS = 200;

/**
 * signed: one column, positive = money into the account (checking exports, Chase card).
 * signed-charges-positive: one column where a charge is positive (American Express); negated.
 * debit-credit: money out in one column, money in in another; each read as a magnitude.
 */
export type CsvAmountLayout =
  | { kind: "signed"; column: number }
  | { kind: "signed-charges-positive"; column: number }
  | { kind: "debit-credit"; debitColumn: number; creditColumn: number };

/** "row": the header row's cells, matched case- and space-insensitively. "none": data from the first row after `skipRecords`. */
export type CsvHeaderLayout = { kind: "row"; cells: string[] } | { kind: "none"; skipRecords: number };

export type CsvMapping = {
  version: 1;
  header: CsvHeaderLayout;
  dateColumn: number;
  dateFormat: (typeof DATE_FORMATS)[number];
  descriptionColumn: number;
  amount: CsvAmountLayout;
  /** A column with the bank's own transaction id, when the export has one. */
  bankIdColumn: number | null;
};

const column = z
  .number()
  .int()
  .min(0)
  .max(MAX_CSV_COLUMNS - 1);

export const csvAmountLayoutSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("signed"), column }),
  z.strictObject({ kind: z.literal("signed-charges-positive"), column }),
  z.strictObject({ kind: z.literal("debit-credit"), debitColumn: column, creditColumn: column }),
]);

export const csvHeaderLayoutSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("row"),
    cells: z.array(z.string().max(200)).min(1).max(MAX_CSV_COLUMNS),
  }),
  z.strictObject({ kind: z.literal("none"), skipRecords: z.number().int().min(0).max(1000) }),
]);

/** The columns a mapping reads, in the order date, description, amount…, bank id. */
export function mappedColumns(mapping: CsvMapping): number[] {
  const amount =
    mapping.amount.kind === "debit-credit"
      ? [mapping.amount.debitColumn, mapping.amount.creditColumn]
      : [mapping.amount.column];
  const bankId = mapping.bankIdColumn === null ? [] : [mapping.bankIdColumn];
  return [mapping.dateColumn, mapping.descriptionColumn, ...amount, ...bankId];
}

/** Validates a mapping from a request or from storage: one column per role, inside the header. */
export const csvMappingSchema = z
  .strictObject({
    version: z.literal(1),
    header: csvHeaderLayoutSchema,
    dateColumn: column,
    dateFormat: z.enum(DATE_FORMATS),
    descriptionColumn: column,
    amount: csvAmountLayoutSchema,
    bankIdColumn: column.nullable(),
  })
  .superRefine((mapping, ctx) => {
    const columns = mappedColumns(mapping);
    if (new Set(columns).size !== columns.length) {
      ctx.addIssue({ code: "custom", message: "Each column can have only one role." });
    }
    if (mapping.header.kind === "row") {
      const width = mapping.header.cells.length;
      if (columns.some((index) => index >= width)) {
        ctx.addIssue({
          code: "custom",
          message: `The header has ${width} columns; a mapped column is past it.`,
        });
      }
    }
  });

/** A stored mapping, or null when it no longer validates (the person then maps the file again). */
export function readStoredCsvMapping(value: unknown): CsvMapping | null {
  const parsed = csvMappingSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
