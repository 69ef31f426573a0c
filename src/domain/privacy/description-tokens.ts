/**
 * Splits a bank description into words and the separators between them, in one pass, so the
 * privacy guard never runs a backtracking pattern over text a bank (or an attacker) wrote.
 * Words keep letters of any script with their accents, digits, apostrophes, hyphens, dots,
 * slashes and underscores ("O'BRIEN", "MARY-ANNE", "A.", "01/05"); the placeholder that
 * replaced a name is a token of its own, so redacting twice changes nothing.
 */

export const COUNTERPARTY_PLACEHOLDER = "[client]";

export type DescriptionToken = {
  kind: "word" | "separator" | "placeholder";
  text: string;
  start: number;
  end: number;
};

// One character at a time: a constant-time test, never a scan. ASCII answers from a table.
const WORD_CHAR = /^[\p{L}\p{M}\p{N}'’./_-]$/u;
const ASCII_WORD = Array.from({ length: 128 }, (_, code) => WORD_CHAR.test(String.fromCharCode(code)));

export function tokenizeDescription(text: string): DescriptionToken[] {
  const tokens: DescriptionToken[] = [];
  let i = 0;
  while (i < text.length) {
    const start = i;
    if (text.startsWith(COUNTERPARTY_PLACEHOLDER, i)) {
      i += COUNTERPARTY_PLACEHOLDER.length;
      tokens.push({ kind: "placeholder", text: COUNTERPARTY_PLACEHOLDER, start, end: i });
      continue;
    }
    const word = isWordCharAt(text, i);
    while (i < text.length && isWordCharAt(text, i) === word) {
      if (!word && text.startsWith(COUNTERPARTY_PLACEHOLDER, i)) break;
      i += charLengthAt(text, i);
    }
    tokens.push({ kind: word ? "word" : "separator", text: text.slice(start, i), start, end: i });
  }
  return tokens;
}

/** A word as the vocabularies spell it: lower-case, without accents, dots or apostrophes. */
export function normalizeWord(word: string): string {
  return word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[.'’]/g, "");
}

export function hasDigit(word: string): boolean {
  return /\p{N}/u.test(word);
}

export function hasLetter(word: string): boolean {
  return /\p{L}/u.test(word);
}

function isWordCharAt(text: string, i: number): boolean {
  const code = text.codePointAt(i) ?? 0;
  return code < 128 ? ASCII_WORD[code] === true : WORD_CHAR.test(String.fromCodePoint(code));
}

function charLengthAt(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
