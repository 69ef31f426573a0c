/**
 * One transaction read from a statement file, in the ledger's terms: an ISO date, integer cents
 * with positive = money into the account, the bank's description as written (trimmed, runs of
 * whitespace made one space, nothing redacted: the privacy guard runs later), and the bank's own
 * id when the format has one (OFX FITID). `line` is the 1-based physical line of the file where
 * the row starts, for messages and the preview.
 */

export type StatementRow = {
  line: number;
  date: string;
  amountCents: number;
  description: string;
  bankId?: string;
};

export function cleanDescription(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
