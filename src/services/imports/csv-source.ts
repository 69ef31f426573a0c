import { type CsvGuess, guessCsvMapping } from "../../domain/import/csv-guess.js";
import { normaliseHeaderCell } from "../../domain/import/csv-header-names.js";
import type { CsvMapping } from "../../domain/import/csv-mapping.js";
import { type CsvRecord, readCsvHead } from "../../domain/import/csv-records.js";
import { readCsvRow } from "../../domain/import/csv-row.js";
import { parseCsvStatement } from "../../domain/import/csv-statement.js";
import type { AccountKind } from "../../domain/ledger/vocabulary.js";
import { guardText } from "../ledger/privacy-guard.js";
import type { StatementSource } from "./statement-source.js";
import { piecesOf, type Upload } from "./upload.js";

/** How many records are read up front to guess or check a mapping. */
const HEAD_RECORDS = 60;
/** How many of the file's first records the mapping screen shows. */
const SAMPLE_RECORDS = 12;

export type MappingSource = "request" | "saved" | "guessed";

function trimmedHeader(cells: readonly string[]): string[] {
  const out = cells.map(normaliseHeaderCell);
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

function isHeader(record: CsvRecord, cells: readonly string[]): boolean {
  const a = trimmedHeader(record.cells);
  const b = trimmedHeader(cells);
  return a.length === b.length && a.every((cell, i) => cell === b[i]);
}

/** Whether a saved mapping reads this file: its header is there and the first rows read cleanly. */
export function mappingFits(head: readonly CsvRecord[], mapping: CsvMapping): boolean {
  const { header } = mapping;
  let start = header.kind === "none" ? header.skipRecords : -1;
  if (header.kind === "row") {
    const at = head.findIndex((record) => isHeader(record, header.cells));
    if (at < 0) return false;
    start = at + 1;
  }
  const data = head.slice(start, start + 5);
  return data.length > 0 && data.every((record) => readCsvRow(record, mapping).kind !== "problems");
}

function columnsOf(mapping: CsvMapping | null, head: readonly CsvRecord[]): string[] {
  if (mapping?.header.kind === "row") return mapping.header.cells.map((cell) => guardText(cell));
  const width = head.reduce((max, record) => Math.max(max, record.cells.length), 0);
  return Array.from({ length: width }, (_, i) => `Column ${i + 1}`);
}

function chooseMapping(
  head: readonly CsvRecord[],
  requested: CsvMapping | null,
  saved: CsvMapping | null,
  accountKind: AccountKind,
): { mapping: CsvMapping | null; source: MappingSource | null; notes: string[] } {
  if (requested) return { mapping: requested, source: "request", notes: [] };
  if (saved && mappingFits(head, saved)) {
    return { mapping: saved, source: "saved", notes: ["The columns saved for this account were used."] };
  }
  const notes = saved
    ? ["The columns saved for this account do not fit this file, so they were recognised again."]
    : [];
  const guess: CsvGuess = guessCsvMapping(head, { accountKind });
  if (!guess.ok)
    return { mapping: null, source: null, notes: [...notes, `${guess.message} Choose the columns.`] };
  return { mapping: guess.mapping, source: "guessed", notes: [...notes, ...guess.notes] };
}

/** A CSV statement: its mapping (requested, saved or guessed), the mapping screen's sample, its rows. */
export async function openCsvStatement(
  upload: Upload,
  options: { requested: CsvMapping | null; saved: CsvMapping | null; accountKind: AccountKind },
): Promise<StatementSource> {
  const head = await readCsvHead(piecesOf(upload), HEAD_RECORDS);
  const { mapping, source, notes } = chooseMapping(
    head,
    options.requested,
    options.saved,
    options.accountKind,
  );
  return {
    format: "csv",
    mapping,
    mappingSource: source,
    notes,
    columns: columnsOf(mapping, head),
    sample: head.slice(0, SAMPLE_RECORDS).map((record) => ({
      line: record.line,
      cells: record.cells.map((cell) => guardText(cell)),
    })),
    statement: null,
    rows: mapping ? () => parseCsvStatement(piecesOf(upload), mapping) : null,
  };
}
