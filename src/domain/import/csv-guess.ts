/**
 * Proposes a CsvMapping for a file never seen before, from its first records (`readCsvHead`).
 * The header is the first row within the top 30 that titles a date and an amount (or withdrawals
 * and deposits) and holds no date or amount itself, so a summary block above it ("Beginning
 * balance as of …") is skipped; with no such row the columns are read by their contents. The
 * guess is shown to the person with its `notes` before anything is imported.
 *
 * A single amount column is taken as signed (positive = into the account) unless the file shows
 * otherwise: card payments ("PAYMENT - THANK YOU") written as negative mean charges are positive
 * (American Express), and for a credit card with no payment in the sample, mostly positive
 * amounts mean the same.
 */

import type { AccountKind } from "../ledger/vocabulary.js";
import { parseStatementAmount } from "./amounts.js";
import {
  columnValues,
  findAmountColumns,
  findDescriptionColumn,
  isDateColumn,
  widthOf,
} from "./csv-columns.js";
import {
  AMOUNT_TITLES,
  BANK_ID_TITLES,
  CREDIT_TITLES,
  DATE_TITLES,
  DEBIT_TITLES,
  DESCRIPTION_TITLES,
  findTitledColumn,
  normaliseHeaderCell,
} from "./csv-header-names.js";
import type { CsvAmountLayout, CsvMapping } from "./csv-mapping.js";
import type { CsvRecord } from "./csv-records.js";
import { type DateFormat, guessDateFormat, looksLikeDate } from "./dates.js";

export type CsvGuessOptions = { accountKind?: AccountKind };

export type CsvGuess =
  | {
      ok: true;
      mapping: CsvMapping;
      notes: string[];
      headerLine: number | null;
      firstDataLine: number | null;
    }
  | { ok: false; message: string };

const HEADER_SEARCH_RECORDS = 30;
const SAMPLE_RECORDS = 50;
const CARD_PAYMENT = /\bpayment\b.*\bthank you\b|\bthank you\b.*\bpayment\b|^payment received\b/i;

type Layout = { header: CsvRecord | null; data: CsvRecord[]; skipped: number };

function isHeaderRow(record: CsvRecord): boolean {
  const cells = record.cells.map(normaliseHeaderCell);
  if (record.cells.some((cell) => looksLikeDate(cell) || /\d\.\d{2}\b/.test(cell))) return false;
  const hasAmount =
    findTitledColumn(cells, AMOUNT_TITLES) !== null ||
    (findTitledColumn(cells, DEBIT_TITLES) !== null && findTitledColumn(cells, CREDIT_TITLES) !== null);
  return hasAmount && findTitledColumn(cells, DATE_TITLES) !== null;
}

function looksLikeDataRow(record: CsvRecord): boolean {
  return record.cells.some(looksLikeDate) && record.cells.some((cell) => /\d\.\d{2}\)?$/.test(cell.trim()));
}

function findLayout(records: readonly CsvRecord[]): Layout | null {
  const top = records.slice(0, HEADER_SEARCH_RECORDS);
  const headerIndex = top.findIndex(isHeaderRow);
  if (headerIndex >= 0) {
    const data = records.slice(headerIndex + 1, headerIndex + 1 + SAMPLE_RECORDS);
    return { header: records[headerIndex] ?? null, data, skipped: headerIndex };
  }
  const first = top.findIndex(looksLikeDataRow);
  if (first < 0) return null;
  return { header: null, data: records.slice(first, first + SAMPLE_RECORDS), skipped: first };
}

function chooseSignedKind(
  data: readonly CsvRecord[],
  amountColumn: number,
  descriptionColumn: number,
  options: CsvGuessOptions,
  notes: string[],
): CsvAmountLayout["kind"] {
  const cents = columnValues(data, amountColumn).map((value) => {
    const parsed = parseStatementAmount(value);
    return parsed.ok ? parsed.cents : 0;
  });
  const descriptions = columnValues(data, descriptionColumn);
  const payments = cents.filter((_, i) => CARD_PAYMENT.test(descriptions[i] ?? ""));
  if (payments.length > 0) {
    if (payments.filter((value) => value < 0).length * 2 > payments.length) {
      notes.push(
        "Card payments are negative in this file, so charges are positive: every amount is negated.",
      );
      return "signed-charges-positive";
    }
    return "signed";
  }
  if (options.accountKind === "credit_card" && cents.filter((value) => value > 0).length * 2 > cents.length) {
    notes.push(
      "Most amounts on this card are positive, so they are read as charges: every amount is negated.",
    );
    return "signed-charges-positive";
  }
  return "signed";
}

function chooseDateFormat(data: readonly CsvRecord[], dateColumn: number, notes: string[]): DateFormat {
  const guess = guessDateFormat(columnValues(data, dateColumn));
  if (guess === null) {
    if (data.length > 0) notes.push("Some dates could not be read in any format; MM/DD/YYYY is assumed.");
    return "MM/DD/YYYY";
  }
  if (guess.ambiguous) {
    notes.push("Every date could be read month-first or day-first; month-first (MM/DD/YYYY) is assumed.");
  }
  return guess.format;
}

/** Proposes a mapping, or says why none could be found. */
export function guessCsvMapping(records: readonly CsvRecord[], options: CsvGuessOptions = {}): CsvGuess {
  if (records.length === 0) return { ok: false, message: "The file has no rows." };
  const layout = findLayout(records);
  if (layout === null) {
    return {
      ok: false,
      message:
        "No header naming a date and an amount, and no row with a date and an amount, was found near the top.",
    };
  }
  const { header, data } = layout;
  const notes: string[] = [];
  const width = Math.max(header?.cells.length ?? 0, widthOf(data));
  const titles = header ? header.cells.map(normaliseHeaderCell) : [];
  const all = Array.from({ length: width }, (_, i) => i);

  const dateColumn = header ? findTitledColumn(titles, DATE_TITLES) : all.find((i) => isDateColumn(data, i));
  if (dateColumn === null || dateColumn === undefined)
    return { ok: false, message: "No column of dates was found." };
  const unused = (taken: readonly number[]) => all.filter((i) => !taken.includes(i));

  let amount: CsvAmountLayout | null = null;
  if (header) {
    const single = findTitledColumn(titles, AMOUNT_TITLES);
    const debit = findTitledColumn(titles, DEBIT_TITLES);
    const credit = findTitledColumn(titles, CREDIT_TITLES);
    if (single !== null) amount = { kind: "signed", column: single };
    else if (debit !== null && credit !== null)
      amount = { kind: "debit-credit", debitColumn: debit, creditColumn: credit };
  } else {
    const found = findAmountColumns(data, unused([dateColumn]));
    if (found?.kind === "single") amount = { kind: "signed", column: found.column };
    if (found?.kind === "pair") {
      amount = { kind: "debit-credit", debitColumn: found.debitColumn, creditColumn: found.creditColumn };
      notes.push("Two amount columns take turns: the left one (or the negative one) is read as money out.");
    }
  }
  if (amount === null) return { ok: false, message: "No column of amounts was found." };
  const amountColumns =
    amount.kind === "debit-credit" ? [amount.debitColumn, amount.creditColumn] : [amount.column];

  const bankIdColumn = header ? findTitledColumn(titles, BANK_ID_TITLES) : null;
  const taken = [dateColumn, ...amountColumns, ...(bankIdColumn === null ? [] : [bankIdColumn])];
  const titledDescription = header ? findTitledColumn(titles, DESCRIPTION_TITLES) : null;
  const descriptionColumn =
    titledDescription !== null && !taken.includes(titledDescription)
      ? titledDescription
      : findDescriptionColumn(data, unused(taken));
  if (descriptionColumn === null) return { ok: false, message: "No column of descriptions was found." };

  if (amount.kind === "signed") {
    const kind = chooseSignedKind(data, amount.column, descriptionColumn, options, notes);
    if (kind === "signed-charges-positive") amount = { kind, column: amount.column };
  }
  const dateFormat = chooseDateFormat(data, dateColumn, notes);
  if (header) {
    if (layout.skipped > 0)
      notes.push(`The header is on line ${header.line}; the lines above it are skipped.`);
    const dateTitle = header.cells[dateColumn]?.trim();
    if (titles.filter((title) => DATE_TITLES.includes(title)).length > 1) {
      notes.push(`Dates are read from "${dateTitle}".`);
    }
  } else {
    notes.push("The file has no header row: the columns were recognised by what they hold.");
  }

  const mapping: CsvMapping = {
    version: 1,
    header: header
      ? { kind: "row", cells: header.cells.map((cell) => cell.trim()) }
      : { kind: "none", skipRecords: layout.skipped },
    dateColumn,
    dateFormat,
    descriptionColumn,
    amount,
    bankIdColumn,
  };
  return { ok: true, mapping, notes, headerLine: header?.line ?? null, firstDataLine: data[0]?.line ?? null };
}
