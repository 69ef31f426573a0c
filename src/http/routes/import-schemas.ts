import { z } from "@hono/zod-openapi";
import { STATEMENT_FORMATS } from "../../db/schema/imports.js";
import { MAX_STATEMENT_BYTES } from "../../services/imports/upload.js";
import { ClassificationSchema, textField } from "./ledger-schemas.js";

/** Request and response pieces of the statement import routes (routes/imports.ts). */

export const AccountParams = z.strictObject({ practiceId: z.uuid(), accountId: z.uuid() });
export const BatchParams = z.strictObject({ practiceId: z.uuid(), accountId: z.uuid(), batchId: z.uuid() });

const LINE_LIST = /^\d{1,7}(,\d{1,7})*$/;

export const UploadQuery = z.strictObject({
  fileName: textField(255)
    .pipe(z.string().min(1, "Name the file."))
    .openapi({ description: "The statement file's name, as picked", example: "chase-checking.csv" }),
  mapping: z
    .string()
    .max(20_000)
    .optional()
    .openapi({ description: "CSV only: the columns to read, as CsvMapping JSON (the preview's `mapping`)" }),
  includeProbableDuplicates: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "Import every probable duplicate too (by default they are skipped)" }),
  includeLines: z
    .string()
    .max(20_000)
    .regex(LINE_LIST, "List line numbers separated by commas.")
    .optional()
    .openapi({ description: "Probable duplicates to import after all, by file line: 12,40" }),
});

export const UndoQuery = z.strictObject({
  keepEdited: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "Remove only the transactions nobody has changed since; keep the edited ones" }),
});

export const HistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const UPLOAD_DESCRIPTION =
  "The request body is the statement file's bytes (CSV, OFX or QFX) with `Content-Type: application/octet-stream`, " +
  `at most ${MAX_STATEMENT_BYTES / (1024 * 1024)} MB (413 above); any other content type is refused (415). ` +
  "The file is never stored: only its SHA-256. With `Accept: application/x-ndjson` the answer is a stream of JSON " +
  'lines: `{"type":"progress","phase":"parse|dedupe|insert","rows":N,"totalRows":N|null}` at least every 250 ms, ' +
  'then one `{"type":"result","status":…}` with the body below, or `{"type":"error","status":…,"error":{…}}`.';

const ProblemSchema = z.object({ line: z.number().int().nullable(), message: z.string() });

export const TotalsSchema = z.object({
  rows: z.number().int(),
  new: z.number().int(),
  duplicates: z.number().int(),
  probableDuplicates: z.number().int(),
  includedProbableDuplicates: z.number().int(),
  toImport: z.number().int(),
  transfers: z.number().int(),
  ruleClassified: z.number().int(),
  estimatedTax: z.number().int(),
  unreviewed: z.number().int(),
  amountCents: z.number().int(),
  closedYearRows: z.number().int(),
  closedYears: z.array(z.number().int()),
});

const PreviewRowSchema = z.object({
  line: z.number().int(),
  date: z.string(),
  amountCents: z.number().int(),
  description: z.string().openapi({ description: "As it will be stored: client names replaced by [client]" }),
  redacted: z.boolean(),
  bankId: z.string().nullable(),
  status: z.enum(["new", "duplicate", "probable_duplicate"]),
  duplicateReason: z.enum(["bank_id", "same_row"]).nullable(),
  duplicateOf: z.uuid().nullable(),
  willImport: z.boolean(),
  classification: ClassificationSchema.nullable(),
  payerId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  ruleId: z.uuid().nullable(),
  proposedBy: z.enum(["transfer", "rule", "estimated_tax"]).nullable(),
  transferWith: z
    .object({ transactionId: z.uuid(), accountId: z.uuid(), date: z.string(), description: z.string() })
    .nullable(),
  inClosedYear: z.boolean(),
});

const BalanceSchema = z.object({ amountCents: z.number().int(), asOf: z.string() });

export const PreviewSchema = z.object({
  accountId: z.uuid(),
  fileName: z.string(),
  fileSha256: z.string(),
  size: z.number().int(),
  format: z.enum(STATEMENT_FORMATS),
  mapping: z
    .record(z.string(), z.unknown())
    .nullable()
    .openapi({ description: "CsvMapping: send it back to commit" }),
  mappingSource: z.enum(["request", "saved", "guessed"]).nullable(),
  notes: z.array(z.string()),
  columns: z.array(z.string()),
  sample: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  statement: z
    .object({
      kind: z.enum(["bank", "credit_card"]),
      accountType: z.string().nullable(),
      accountLast4: z.string().nullable(),
      startDate: z.string().nullable(),
      endDate: z.string().nullable(),
      ledgerBalance: BalanceSchema.nullable(),
    })
    .nullable(),
  problems: z.array(ProblemSchema),
  problemsTruncated: z.boolean(),
  ready: z.boolean(),
  rows: z.array(PreviewRowSchema),
  rowsOmitted: z.number().int(),
  totals: TotalsSchema,
  sameFileImportedAt: z.array(z.string()),
});

export const BatchSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  fileName: z.string(),
  fileSha256: z.string(),
  format: z.enum(STATEMENT_FORMATS),
  rowCount: z.number().int(),
  importedCount: z.number().int(),
  duplicateCount: z.number().int(),
  transferCount: z.number().int(),
  ruleClassifiedCount: z.number().int(),
  createdBy: z.uuid().nullable(),
  createdByEmail: z.string().nullable(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
  undoneBy: z.uuid().nullable(),
  undoneByEmail: z.string().nullable(),
});

export const CommitSchema = z.object({
  import: BatchSchema,
  totals: TotalsSchema,
  mappingSaved: z.boolean(),
});

export const UndoSchema = z.object({
  undo: z.object({
    batchId: z.uuid(),
    removedCount: z.number().int(),
    keptCount: z.number().int(),
    unpairedCount: z.number().int(),
  }),
});
