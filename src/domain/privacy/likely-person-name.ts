/**
 * A warning-grade check that free text names a person: a person-to-person payment whose
 * counterparty the privacy guard would redact, or two or three capitalised words in a row that
 * the payer-name heuristic (domain/ledger/person-name.ts) takes for a person ("Jane Doe",
 * "Mary J. Blige"). It errs both ways ("Office Depot" looks like a name, "JANE DOE" outside a
 * payment does not), so it may prompt a warning, never a refusal. Linear in the text's length.
 */
import { looksLikePersonName } from "../ledger/person-name.js";
import { redactCounterparty } from "./redact-counterparty.js";

const OPENERS = new Set(["(", "[", '"', "“", "'", "‘"]);
const CLOSERS = new Set([")", "]", '"', "”", "'", "’", ",", ";", ":", "!", "?"]);
const CAPITALISED = /^\p{Lu}/u;

export function containsLikelyPersonName(text: string): boolean {
  if (redactCounterparty(text).redacted) return true;
  // Runs of capitalised words; punctuation around a word ("Doe," "(Jane") ends a run there.
  const runs: string[][] = [[]];
  const current = () => runs[runs.length - 1] ?? [];
  for (const raw of text.split(/\s+/)) {
    let start = 0;
    let end = raw.length;
    while (start < end && OPENERS.has(raw.charAt(start))) start++;
    while (end > start && CLOSERS.has(raw.charAt(end - 1))) end--;
    if (start > 0) runs.push([]);
    let word = raw.slice(start, end);
    if (word.length > 2 && word.endsWith(".")) word = word.slice(0, -1);
    if (CAPITALISED.test(word)) current().push(word);
    else runs.push([]);
    if (end < raw.length) runs.push([]);
  }
  return runs.some((run) => run.length >= 2 && run.length <= 3 && looksLikePersonName(run.join(" ")));
}
