/**
 * One CSV record → a StatementRow under a mapping, or the reasons it cannot be. The amount takes
 * the ledger's sign: a charges-positive export is negated; withdrawals and deposits are read as
 * magnitudes (some banks write withdrawals as "-45.00", some as "45.00") and signed by their
 * column. A row without any amount is skipped only when it is a balance line ("Beginning balance
 * as of 01/01/2026"), which Bank of America puts inside the table; anywhere else it is refused.
 */

import { parseStatementAmount } from "./amounts.js";
import { type CsvMapping, mappedColumns } from "./csv-mapping.js";
import type { CsvRecord } from "./csv-records.js";
import { parseStatementDate } from "./dates.js";
import { cleanDescription, type StatementRow } from "./statement-row.js";

export type CsvRowResult =
  | { kind: "row"; row: StatementRow }
  | { kind: "skip" }
  | { kind: "problems"; messages: string[] };

const BALANCE_LINE = /^(beginning|ending|opening|closing|starting|previous|new) balance\b/i;

function columnName(mapping: CsvMapping, column: number): string {
  const title = mapping.header.kind === "row" ? mapping.header.cells[column]?.trim() : undefined;
  return title ? `"${title}"` : `column ${column + 1}`;
}

type Amount = { ok: true; cents: number } | { ok: false; message: string } | { ok: "empty" };

function readAmount(mapping: CsvMapping, cell: (column: number) => string): Amount {
  const layout = mapping.amount;
  if (layout.kind !== "debit-credit") {
    const raw = cell(layout.column);
    if (raw === "") return { ok: "empty" };
    const parsed = parseStatementAmount(raw);
    if (!parsed.ok || layout.kind === "signed") return parsed;
    return { ok: true, cents: parsed.cents === 0 ? 0 : -parsed.cents };
  }
  const debitRaw = cell(layout.debitColumn);
  const creditRaw = cell(layout.creditColumn);
  if (debitRaw === "" && creditRaw === "") return { ok: "empty" };
  const debit = debitRaw === "" ? { ok: true as const, cents: 0 } : parseStatementAmount(debitRaw);
  if (!debit.ok) return debit;
  const credit = creditRaw === "" ? { ok: true as const, cents: 0 } : parseStatementAmount(creditRaw);
  if (!credit.ok) return credit;
  if (debit.cents !== 0 && credit.cents !== 0) {
    return {
      ok: false,
      message: `both ${columnName(mapping, layout.debitColumn)} and ${columnName(mapping, layout.creditColumn)} have an amount; a row can only take money out or bring it in.`,
    };
  }
  const cents = Math.abs(credit.cents) - Math.abs(debit.cents);
  return { ok: true, cents };
}

export function readCsvRow(record: CsvRecord, mapping: CsvMapping): CsvRowResult {
  const needed = Math.max(...mappedColumns(mapping)) + 1;
  if (record.cells.length < needed) {
    return {
      kind: "problems",
      messages: [`the row has ${record.cells.length} columns, but the mapping reads column ${needed}.`],
    };
  }
  const cell = (column: number) => (record.cells[column] ?? "").trim();
  const description = cleanDescription(record.cells[mapping.descriptionColumn] ?? "");
  const amount = readAmount(mapping, cell);
  if (amount.ok === "empty" && BALANCE_LINE.test(description)) return { kind: "skip" };

  const messages: string[] = [];
  const date = parseStatementDate(cell(mapping.dateColumn), mapping.dateFormat);
  if (!date.ok) messages.push(date.message);
  if (amount.ok === "empty") messages.push("the amount is empty.");
  else if (!amount.ok) messages.push(amount.message);
  if (!date.ok || amount.ok !== true) return { kind: "problems", messages };

  const row: StatementRow = { line: record.line, date: date.date, amountCents: amount.cents, description };
  const bankId = mapping.bankIdColumn === null ? "" : cell(mapping.bankIdColumn);
  if (bankId !== "") row.bankId = bankId;
  return { kind: "row", row };
}
