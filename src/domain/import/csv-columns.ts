/**
 * Reading a CSV's columns by what they hold, for files without a header (Wells Fargo) or a header
 * without a recognisable description title. A date column is filled with dates on every row; an
 * amount column holds amounts written with cents (so a column of check numbers is not mistaken
 * for money); two amount columns that take turns row by row are withdrawals and deposits; the
 * description is the text column with the most to say.
 */

import { looksLikeAmount, parseStatementAmount } from "./amounts.js";
import type { CsvRecord } from "./csv-records.js";
import { looksLikeDate } from "./dates.js";

const WITH_CENTS = /\.\d{2}\)?-?$/;

export function columnValues(records: readonly CsvRecord[], column: number): string[] {
  return records.map((record) => (record.cells[column] ?? "").trim());
}

export function isDateColumn(records: readonly CsvRecord[], column: number): boolean {
  const values = columnValues(records, column);
  return values.length > 0 && values.every(looksLikeDate);
}

function isAmountColumn(records: readonly CsvRecord[], column: number): boolean {
  const filled = columnValues(records, column).filter((value) => value !== "");
  if (filled.length === 0 || !filled.every(looksLikeAmount)) return false;
  return filled.filter((value) => WITH_CENTS.test(value)).length >= filled.length * 0.8;
}

function centsOf(value: string): number {
  const parsed = parseStatementAmount(value);
  return parsed.ok ? parsed.cents : 0;
}

/** Two columns where each row has a non-zero amount in exactly one of them. */
function takeTurns(records: readonly CsvRecord[], left: number, right: number): boolean {
  const a = columnValues(records, left).map((value) => (value === "" ? 0 : centsOf(value)));
  const b = columnValues(records, right).map((value) => (value === "" ? 0 : centsOf(value)));
  return a.some((x) => x !== 0) && b.some((x) => x !== 0) && a.every((x, i) => (x === 0) !== (b[i] === 0));
}

export function widthOf(records: readonly CsvRecord[]): number {
  return records.reduce((max, record) => Math.max(max, record.cells.length), 0);
}

export type AmountColumns =
  | { kind: "single"; column: number }
  | { kind: "pair"; debitColumn: number; creditColumn: number };

/**
 * The money columns among `candidates`. A pair that takes turns wins over a single full column
 * (a full column beside them is the running balance); in a pair, a column of negative numbers is
 * the debit side, otherwise the left one is.
 */
export function findAmountColumns(
  records: readonly CsvRecord[],
  candidates: readonly number[],
): AmountColumns | null {
  const money = candidates.filter((column) => isAmountColumn(records, column));
  for (let i = 0; i < money.length; i++) {
    for (let j = i + 1; j < money.length; j++) {
      const left = money[i] as number;
      const right = money[j] as number;
      if (!takeTurns(records, left, right)) continue;
      const rightNegative = columnValues(records, right).some((value) => centsOf(value) < 0);
      return rightNegative
        ? { kind: "pair", debitColumn: right, creditColumn: left }
        : { kind: "pair", debitColumn: left, creditColumn: right };
    }
  }
  const full = money.find((column) => columnValues(records, column).every((value) => value !== ""));
  return full === undefined ? null : { kind: "single", column: full };
}

/** The text column with the longest values on average, among `candidates`; null if none is text. */
export function findDescriptionColumn(
  records: readonly CsvRecord[],
  candidates: readonly number[],
): number | null {
  let best: number | null = null;
  let bestScore = 0;
  for (const column of candidates) {
    const values = columnValues(records, column);
    const filled = values.filter((value) => value !== "");
    if (filled.length === 0 || filled.some((value) => looksLikeDate(value) || looksLikeAmount(value)))
      continue;
    const score = filled.reduce((sum, value) => sum + value.length, 0) / values.length;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}
