/**
 * A CSV statement under a mapping → StatementRows, streamed. Rows are yielded as they are read,
 * until the first bad row; from then on nothing more is yielded, reading goes on to gather up to
 * MAX_STATEMENT_PROBLEMS problems, and the generator throws one StatementError naming each line.
 * So a consumer that writes rows while reading (batched inserts) must write them inside one
 * database transaction and roll it back on StatementError: a malformed file imports nothing.
 */

import { normaliseHeaderCell } from "./csv-header-names.js";
import type { CsvMapping } from "./csv-mapping.js";
import { readCsvRecords } from "./csv-records.js";
import { readCsvRow } from "./csv-row.js";
import type { StatementSource } from "./decode.js";
import { StatementError, StatementProblems } from "./statement-error.js";
import type { StatementRow } from "./statement-row.js";

/** How far down a file the saved header row is looked for (summary blocks are a few lines). */
export const HEADER_SEARCH_RECORDS = 50;

function withoutTrailingBlanks(cells: readonly string[]): string[] {
  const normalised = cells.map(normaliseHeaderCell);
  while (normalised.length > 0 && normalised[normalised.length - 1] === "") normalised.pop();
  return normalised;
}

function sameHeader(cells: readonly string[], expected: readonly string[]): boolean {
  const a = withoutTrailingBlanks(cells);
  const b = withoutTrailingBlanks(expected);
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}

export async function* parseCsvStatement(
  source: StatementSource,
  mapping: CsvMapping,
): AsyncGenerator<StatementRow> {
  const problems = new StatementProblems();
  const header = mapping.header;
  let headerFound = header.kind === "none";
  let seen = 0;
  let fatal: StatementError | undefined;
  try {
    for await (const record of readCsvRecords(source)) {
      seen += 1;
      if (!headerFound && header.kind === "row") {
        headerFound = sameHeader(record.cells, header.cells);
        if (!headerFound && seen >= HEADER_SEARCH_RECORDS) break;
        continue;
      }
      if (header.kind === "none" && seen <= header.skipRecords) continue;
      const result = readCsvRow(record, mapping);
      if (result.kind === "skip") continue;
      if (result.kind === "problems") {
        for (const message of result.messages) problems.add(record.line, message);
        if (problems.full) break;
        continue;
      }
      if (problems.count === 0) yield result.row;
    }
  } catch (error) {
    if (!(error instanceof StatementError)) throw error;
    fatal = error;
  }
  if (!headerFound && !fatal && header.kind === "row") {
    problems.add(
      null,
      `the header row "${header.cells.join(",")}" was not found near the top of the file: its columns differ from the saved mapping, so choose them again.`,
    );
  }
  problems.throwIfAny(fatal);
}

/** Every row of a statement held in memory (tests, small uploads). */
export async function parseCsvStatementText(
  source: string | Uint8Array,
  mapping: CsvMapping,
): Promise<StatementRow[]> {
  const rows: StatementRow[] = [];
  for await (const row of parseCsvStatement(source, mapping)) rows.push(row);
  return rows;
}
