/**
 * A ReportTable as CSV (RFC 4180): a header row, the rows, the totals rows, CRLF line ends, every
 * text cell quoted (quotes doubled), numbers unquoted.
 *
 * Formula injection: a spreadsheet runs a cell that begins with `=`, `+`, `-` or `@` (and, in some,
 * a tab or carriage return) as a formula. Payer and category names are typed by users, so every
 * TEXT cell that begins with one of those gets a leading apostrophe ("'=HYPERLINK(…)"), which the
 * spreadsheet shows as text. Numeric cells are never neutralised: they are written from numbers the
 * code computed (cents as plain decimal dollars, "-12.50"), never from user text, so a negative
 * amount stays a number the spreadsheet can add up.
 */
import type { Cell, ColumnKind, ReportTable } from "./report-table.js";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** 123456 → "1234.56", -5 → "-0.05": dollars with two decimals, no grouping, no symbol. */
export function centsToDecimal(cents: number): string {
  const magnitude = Math.abs(cents);
  const rest = magnitude % 100;
  const dollars = (magnitude - rest) / 100;
  return `${cents < 0 ? "-" : ""}${dollars}.${String(rest).padStart(2, "0")}`;
}

function cell(value: Cell, kind: ColumnKind): string {
  if (value === null) return "";
  if (kind === "text" || typeof value === "string")
    return `"${neutralise(String(value)).replaceAll('"', '""')}"`;
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number: ${value}`);
  // Basis points as a percentage with two decimals: 1234 → "12.34".
  if (kind === "cents" || kind === "basisPoints") return centsToDecimal(value);
  return String(value);
}

export function renderCsv(table: ReportTable): string {
  const kinds = table.columns.map((c) => c.kind);
  const line = (cells: readonly Cell[]) => cells.map((v, i) => cell(v, kinds[i] ?? "text")).join(",");
  const header = table.columns.map((c) => cell(c.header, "text")).join(",");
  return [header, ...table.rows.map(line), ...table.totals.map(line)].map((l) => `${l}\r\n`).join("");
}
