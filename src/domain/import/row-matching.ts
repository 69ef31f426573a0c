/**
 * The comparisons behind duplicate detection and transfer pairing (decision 0013).
 *
 * - The exact key of a row without a bank id: its date, its amount in cents and its description
 *   as rule conditions read it (lower-case, runs of white space folded), after the privacy
 *   guard, since that is the description the ledger stores.
 * - "Similar" descriptions, for probable duplicates: the words that hold a letter ("zoom", "us",
 *   "as01"; reference numbers and dates fall away) overlap by at least half of the shorter
 *   description's words, with at least one shared word of three or more characters. So
 *   "ZOOM.US 888-799-9666 CA 01/06" and "ZOOM.US 888-799-9666 SAN JOSE CA" are similar,
 *   "ZOOM.US" and "SIMPLEPRACTICE" are not.
 * - Days apart, on ISO dates, for the three-day windows.
 */

import { normalizeForMatch } from "../rules/description-match.js";

/** Duplicates and transfers are looked for this many days either side of a row's date. */
export const MATCH_WINDOW_DAYS = 3;

export function exactKey(date: string, amountCents: number, description: string): string {
  return `${date}|${amountCents}|${normalizeForMatch(description)}`;
}

const WORD = /[\p{L}\p{N}]+/gu;
const LETTER = /\p{L}/u;

export function descriptionWords(description: string): Set<string> {
  const words = new Set<string>();
  for (const match of normalizeForMatch(description).matchAll(WORD)) {
    if (LETTER.test(match[0])) words.add(match[0]);
  }
  return words;
}

export function similarWords(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  let long = false;
  for (const word of small) {
    if (!large.has(word)) continue;
    shared += 1;
    if (word.length >= 3) long = true;
  }
  return long && shared * 2 >= small.size;
}

export function similarDescriptions(a: string, b: string): boolean {
  return similarWords(descriptionWords(a), descriptionWords(b));
}

/** Days since 1970-01-01 of an ISO date (YYYY-MM-DD). */
export function dayNumber(isoDate: string): number {
  return Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

/** The ISO date `days` after (or before, if negative) `isoDate`. */
export function shiftDate(isoDate: string, days: number): string {
  return new Date((dayNumber(isoDate) + days) * 86_400_000).toISOString().slice(0, 10);
}
