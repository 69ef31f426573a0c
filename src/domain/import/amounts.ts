/**
 * Statement amounts → integer cents, through the ledger's own `parseMoney` (so "$1,234.56",
 * "(12.00)", "-12.00" and "1234.5" read exactly as they do when typed, and "1.234" is refused as
 * ambiguous). Bank exports add a few spellings a person would not type, normalised first: a
 * trailing minus ("12.00-"), the sign after the dollar ("$-12.00"), a typographic minus, and a
 * "USD" code. The ledger bounds any amount at $1 billion, and so does the import.
 */

import { parseMoney } from "../money.js";

export const MAX_IMPORT_AMOUNT_CENTS = 100_000_000_000;

export type AmountResult = { ok: true; cents: number } | { ok: false; message: string };

function normalise(raw: string): string {
  let text = raw
    .replace(/\u2212/g, "-")
    .replace(/^USD\s*|\s*USD$/i, "")
    // Spaces around a sign or symbol go; a space between digits stays and is refused below, since
    // "12 34" may be two numbers.
    .replace(/(?<!\d)\s+|\s+(?!\d)/g, "");
  if (/^\$-/.test(text)) text = `-$${text.slice(2)}`;
  if (/^[^-+(].*-$/.test(text)) text = `-${text.slice(0, -1)}`;
  return text;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");
}

/** One amount cell as cents, with the sign as written. An empty cell is refused here. */
export function parseStatementAmount(input: string): AmountResult {
  const raw = input.trim();
  if (raw === "") return { ok: false, message: "the amount is empty." };
  const parsed = parseMoney(normalise(raw));
  if (!parsed.ok) {
    return { ok: false, message: `the amount "${raw}" is not a number (${lowerFirst(parsed.message)}).` };
  }
  if (Math.abs(parsed.cents) > MAX_IMPORT_AMOUNT_CENTS) {
    return { ok: false, message: `the amount "${raw}" is more than $1,000,000,000.` };
  }
  return parsed;
}

/** Whether a cell reads as an amount (for column detection). */
export function looksLikeAmount(value: string): boolean {
  return value.trim() !== "" && parseStatementAmount(value).ok;
}
