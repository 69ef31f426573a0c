/**
 * Column titles that US banks and card issuers put in their CSV headers, by role, most telling
 * first. Titles are compared after `normaliseHeaderCell` ("Running Bal." → "running bal").
 * Chase checking's "Details" column says DEBIT/CREDIT, not what the money was for, so it is the
 * description only when nothing better exists; "Posting Date" loses to "Transaction Date" because
 * a card charge is paid, for the books, on the day it is made.
 */

export const DATE_TITLES = [
  "transaction date",
  "trans date",
  "date",
  "posting date",
  "post date",
  "posted date",
  "effective date",
  "value date",
  "booking date",
];

export const DESCRIPTION_TITLES = [
  "description",
  "transaction description",
  "original description",
  "payee",
  "merchant",
  "merchant name",
  "name",
  "narrative",
  "memo",
  "details",
];

export const AMOUNT_TITLES = ["amount", "transaction amount", "amount usd", "net amount"];

export const DEBIT_TITLES = [
  "debit",
  "debits",
  "debit amount",
  "withdrawal",
  "withdrawals",
  "withdrawal amount",
  "money out",
  "amount debit",
];

export const CREDIT_TITLES = [
  "credit",
  "credits",
  "credit amount",
  "deposit",
  "deposits",
  "deposit amount",
  "money in",
  "amount credit",
];

export const BANK_ID_TITLES = [
  "transaction id",
  "reference",
  "reference number",
  "reference no",
  "reference id",
  "fitid",
  "transaction number",
];

/** Lower case, punctuation as spaces, spaces collapsed: "Check or Slip #" → "check or slip". */
export function normaliseHeaderCell(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The index of the first cell whose title is in `titles`, trying titles in their order. */
export function findTitledColumn(
  normalisedCells: readonly string[],
  titles: readonly string[],
): number | null {
  for (const title of titles) {
    const index = normalisedCells.indexOf(title);
    if (index >= 0) return index;
  }
  return null;
}
