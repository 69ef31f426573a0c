/**
 * How rule conditions read a description. Text conditions compare case-insensitively with runs
 * of white space folded to one space, since banks pad descriptions unevenly. Patterns run on
 * RE2 (`re2js`), whose matching time is linear in the input, because a JavaScript RegExp that
 * backtracks cannot be interrupted; they are compiled once and cached.
 */
import { RE2JS } from "re2js";
import { MAX_RULE_PATTERN_LENGTH } from "./rule-types.js";

/** The description as text conditions see it: NFC, lower-case, single spaces, trimmed. */
export function normalizeForMatch(text: string): string {
  return text.toLowerCase().normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Why a pattern cannot be saved, in words for the person who typed it, or null if it can. */
export function patternError(pattern: string): string | null {
  if (pattern.length === 0) return "The pattern is empty.";
  if (pattern.length > MAX_RULE_PATTERN_LENGTH) {
    return `The pattern is longer than ${MAX_RULE_PATTERN_LENGTH} characters.`;
  }
  try {
    RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
    return null;
  } catch (error) {
    // re2js quotes the pattern with its case-insensitive flag prefixed: quote what was typed.
    const message = error instanceof Error ? error.message : "";
    const detail = message.replace(/^error parsing regexp: /, "").replace("`(?i)", "`");
    return (
      `The pattern is not a valid regular expression (${detail}). Patterns use RE2 syntax: ` +
      "no backreferences or lookarounds."
    );
  }
}

const MAX_CACHED_PATTERNS = 1_000;
const compiled = new Map<string, RE2JS | null>();

/** Whether the pattern finds a match anywhere in the text; an invalid pattern matches nothing. */
export function patternMatches(pattern: string, text: string): boolean {
  return compiledPattern(pattern)?.test(text) ?? false;
}

function compiledPattern(pattern: string): RE2JS | null {
  const cached = compiled.get(pattern);
  if (cached !== undefined) return cached;
  let regex: RE2JS | null = null;
  if (patternError(pattern) === null) regex = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  if (compiled.size >= MAX_CACHED_PATTERNS) compiled.clear();
  compiled.set(pattern, regex);
  return regex;
}
