/**
 * CSV text → records with the physical line each starts on, streamed through csv-parse so a
 * 100,000-row file is never held as rows in memory. csv-parse's own line counter drifts on
 * Windows line endings after a blank line, so lines are counted here: every record ends with one
 * line break, and a quoted field adds the breaks it contains. Blank lines and rows of empty
 * cells are skipped. A quote that never closes stops reading with a StatementError naming the
 * line it opened on; a stray quote inside a field (`JOE"S DELI`, `"AETNA"X`) is kept as written,
 * since banks do write those and the text is still the bank's description.
 */

import { pipeline, Readable } from "node:stream";
import { type CsvError, parse } from "csv-parse";
import { type StatementSource, toTextChunks } from "./decode.js";
import { type StatementError, statementError } from "./statement-error.js";

export type CsvRecord = { line: number; cells: string[] };

/** A record longer than this is a broken quote swallowing the file, not a bank row. */
const MAX_RECORD_CHARS = 100_000;
const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaksIn(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    if (cell.includes("\n") || cell.includes("\r")) count += cell.match(LINE_BREAK)?.length ?? 0;
  }
  return count;
}

function describeCsvError(error: CsvError): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return 'a quoted field is never closed: a " is missing.';
    case "CSV_MAX_RECORD_SIZE":
      return "the row is too long to be a statement row; a quote is probably missing.";
    default:
      return `the CSV cannot be read (${error.message}).`;
  }
}

/**
 * csv-parse checks each record's length against the first record's and, even with
 * relax_column_count, builds a full CsvError (stack trace, deep copy of its state) for every
 * record that differs, then drops it. In a bank export every data row differs from the first
 * record when the header or the summary block above it is shorter (Chase's trailing comma, Bank
 * of America's summary), which made such files about eight times slower to read. Any length is
 * fine here (csv-row.ts checks the columns it reads), so the expected length is the record's own.
 */
function acceptEveryRecordLength(parser: object): void {
  const state = (parser as { state?: { record?: unknown[] } }).state;
  if (!state || !("expectedRecordLength" in state)) return;
  Object.defineProperty(state, "expectedRecordLength", {
    get: () => state.record?.length ?? 0,
    set: () => {},
    configurable: true,
  });
}

/** Records of a CSV source, in order, blank ones left out. */
export async function* readCsvRecords(source: StatementSource): AsyncGenerator<CsvRecord> {
  let nextLine = 1;
  // Start lines of the records the parser has produced and this loop has not yet taken.
  const startLines: number[] = [];
  let produced = 0;
  // A syntax error is held, not thrown by the stream, so the records before it still reach the
  // loop (and their row problems the person); it is raised once they have all been taken.
  const held: { fault: { error: StatementError; after: number } | null } = { fault: null };
  const parser = parse({
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    // Numbered here, synchronously and in order, so a syntax error knows its own line.
    on_record: (cells: string[]) => {
      startLines.push(nextLine);
      nextLine += 1 + lineBreaksIn(cells);
      produced += 1;
      return cells;
    },
    on_skip: (error: CsvError | undefined) => {
      if (held.fault === null && error) {
        held.fault = { error: statementError(nextLine, describeCsvError(error)), after: produced };
      }
      return undefined;
    },
  });
  acceptEveryRecordLength(parser);
  // The callback only swallows the copy of an error that pipeline hands back; the same error
  // reaches the parser and so the loop below.
  pipeline(Readable.from(toTextChunks(source)), parser, () => {});
  let taken = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    const line = startLines.shift() ?? nextLine;
    if (held.fault !== null && taken >= held.fault.after) break;
    taken += 1;
    if (cells.every((cell) => cell.trim() === "")) continue;
    yield { line, cells };
  }
  if (held.fault !== null) throw held.fault.error;
}

/** The first `limit` records (enough to guess a mapping and show a preview); stops reading there. */
export async function readCsvHead(source: StatementSource, limit = 50): Promise<CsvRecord[]> {
  const records: CsvRecord[] = [];
  if (limit <= 0) return records;
  for await (const record of readCsvRecords(source)) {
    records.push(record);
    if (records.length >= limit) break;
  }
  return records;
}
