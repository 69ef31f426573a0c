import type { StatementFormat } from "../../db/schema/imports.js";
import type { CsvMapping } from "../../domain/import/csv-mapping.js";
import { DETECT_HEAD_BYTES, detectStatementFormat } from "../../domain/import/detect.js";
import { statementError } from "../../domain/import/statement-error.js";
import type { StatementRow } from "../../domain/import/statement-row.js";
import type { AccountKind } from "../../domain/ledger/vocabulary.js";
import { type MappingSource, openCsvStatement } from "./csv-source.js";
import { type OfxStatementInfo, openOfxStatement } from "./ofx-source.js";
import { headOf, type Upload } from "./upload.js";

/**
 * A statement file opened for import: which format, how its columns are read (CSV), what the
 * mapping screen shows, and its rows, streamed from the upload when `rows()` is called. `rows` is
 * null when no mapping could be found; reading them throws StatementError for a bad row
 * (csv-statement.ts), which refuses the whole file.
 */
export type StatementSource = {
  format: StatementFormat;
  mapping: CsvMapping | null;
  mappingSource: MappingSource | null;
  notes: string[];
  /** The column titles (or "Column 1" …) for the mapping screen; empty for OFX. */
  columns: string[];
  /** The file's first records, each cell through the privacy guard. */
  sample: { line: number; cells: string[] }[];
  statement: OfxStatementInfo | null;
  rows: (() => AsyncIterable<StatementRow>) | null;
};

export type ImportAccount = { id: string; name: string; kind: AccountKind; last4: string | null };

/** Opens the upload, or throws StatementError when it cannot be read as a statement at all. */
export async function openStatement(
  upload: Upload,
  options: { account: ImportAccount; requested: CsvMapping | null; saved: CsvMapping | null },
): Promise<StatementSource> {
  const detected = detectStatementFormat(upload.fileName, headOf(upload, DETECT_HEAD_BYTES));
  if (!detected.ok) throw statementError(null, detected.message);
  if (detected.format !== "csv") return openOfxStatement(upload, detected.format, options.account);
  return openCsvStatement(upload, { ...options, accountKind: options.account.kind });
}
