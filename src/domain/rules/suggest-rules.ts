/**
 * Rule suggestions: when a person has classified three transactions the same way by hand, and
 * they share a description key and a direction, propose the rule that would have done it.
 *
 * The key of a description: lower-case, runs of white space folded (as rule conditions read it,
 * description-match.ts), cut at every digit and at punctuation other than . ' - &, and at the
 * "[client]" left by the privacy guard; the longest piece (most letters, the first on a tie),
 * trimmed, at most five words, at least three letters. Dates, amounts, card numbers and
 * references fall away: "CHECKCARD 0105 STARBUCKS STORE 123 SEATTLE" → "starbucks store",
 * "Zelle payment from [client] 12345678" → "zelle payment from". The key is a piece of the
 * description itself, so the suggested `descriptionContains` matches the transactions it came
 * from.
 *
 * A key and direction whose choices disagree (two categories for "amazon") suggest nothing; nor
 * does one that an existing rule already decides the same way, or whose key a rule already uses.
 */
import type { Classification } from "../ledger/vocabulary.js";
import { normalizeForMatch } from "./description-match.js";
import { firstMatchingRule } from "./match-rule.js";
import type { Rule, RuleAction, RuleDirection, RuleSubject } from "./rule-types.js";
import { ruleActionIssues } from "./validate-rule.js";

export const SUGGESTION_MIN_CHOICES = 3;
const MAX_KEY_WORDS = 5;
const MIN_KEY_LETTERS = 3;
const PLACEHOLDER = "[client]";

/** A classification a person made by hand, with what a rule would read of its transaction. */
export type ManualChoice = RuleSubject & {
  classification: Classification;
  payerId: string | null;
  categoryId: string | null;
};

export type RuleSuggestion = {
  conditions: { descriptionContains: string; direction: RuleDirection };
  action: { classification: Classification; payerId: string | null; categoryId: string | null };
  /** How many manual choices agree on it. */
  choiceCount: number;
};

export function suggestRules(
  choices: readonly ManualChoice[],
  existingRules: readonly Rule[],
): RuleSuggestion[] {
  const groups = new Map<
    string,
    { suggestion: RuleSuggestion; actions: Set<string>; samples: ManualChoice[] }
  >();
  for (const choice of choices) {
    const key = descriptionKey(choice.description);
    const direction = choice.amountCents > 0 ? "in" : choice.amountCents < 0 ? "out" : null;
    const action = {
      classification: choice.classification,
      payerId: choice.classification === "income" ? choice.payerId : null,
      categoryId: choice.classification === "expense" ? choice.categoryId : null,
    };
    if (key === null || direction === null || ruleActionIssues(action).length > 0) continue;
    const id = `${direction} ${key}`;
    const group = groups.get(id) ?? {
      suggestion: { conditions: { descriptionContains: key, direction }, action, choiceCount: 0 },
      actions: new Set<string>(),
      samples: [],
    };
    group.actions.add(actionKey(action));
    group.suggestion.choiceCount++;
    group.samples.push(choice);
    groups.set(id, group);
  }
  return [...groups.values()]
    .filter((g) => g.actions.size === 1 && g.suggestion.choiceCount >= SUGGESTION_MIN_CHOICES)
    .filter((g) => !isCovered(g.suggestion, g.samples, existingRules))
    .map((g) => g.suggestion)
    .sort(
      (a, b) =>
        b.choiceCount - a.choiceCount ||
        a.conditions.descriptionContains.localeCompare(b.conditions.descriptionContains),
    );
}

/** The key that groups descriptions for suggestions (see the top of this file), or null. */
export function descriptionKey(description: string): string | null {
  const text = normalizeForMatch(description);
  let best = "";
  let bestLetters = 0;
  let start = 0;
  const close = (end: number) => {
    const piece = trimPiece(text.slice(start, end));
    const letters = countLetters(piece);
    if (letters > bestLetters) [best, bestLetters] = [piece, letters];
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith(PLACEHOLDER, i)) {
      close(i);
      i += PLACEHOLDER.length;
      start = i;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i) ?? 0);
    if (!KEY_CHAR.test(ch)) {
      close(i);
      start = i + ch.length;
    }
    i += ch.length;
  }
  close(text.length);
  const key = trimPiece(best.split(" ").slice(0, MAX_KEY_WORDS).join(" "));
  return countLetters(key) >= MIN_KEY_LETTERS ? key : null;
}

const KEY_CHAR = /^[\p{L}\p{M} .'’&-]$/u;
const EDGE = new Set([" ", ".", "'", "’", "&", "-"]);

function trimPiece(piece: string): string {
  let from = 0;
  let to = piece.length;
  while (from < to && EDGE.has(piece.charAt(from))) from++;
  while (to > from && EDGE.has(piece.charAt(to - 1))) to--;
  return piece.slice(from, to);
}

function countLetters(text: string): number {
  let n = 0;
  for (const ch of text) if (/\p{L}/u.test(ch)) n++;
  return n;
}

function actionKey(a: RuleSuggestion["action"]): string {
  return `${a.classification}|${a.payerId ?? ""}|${a.categoryId ?? ""}`;
}

/** A rule already uses the key, or the rules already decide every sample the same way. */
function isCovered(suggestion: RuleSuggestion, samples: ManualChoice[], rules: readonly Rule[]): boolean {
  const key = suggestion.conditions.descriptionContains;
  const sameKey = rules.some(
    (r) =>
      r.conditions.descriptionContains != null && normalizeForMatch(r.conditions.descriptionContains) === key,
  );
  if (sameKey) return true;
  const wanted = actionKey(suggestion.action);
  return samples.every((sample) => {
    const rule = firstMatchingRule(rules, sample);
    return rule !== null && actionKey(normalizedAction(rule.action)) === wanted;
  });
}

function normalizedAction(a: RuleAction): RuleSuggestion["action"] {
  return {
    classification: a.classification,
    payerId: a.classification === "income" ? (a.payerId ?? null) : null,
    categoryId: a.classification === "expense" ? (a.categoryId ?? null) : null,
  };
}
