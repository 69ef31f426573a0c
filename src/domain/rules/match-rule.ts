/**
 * Matching: a rule matches a transaction when every condition it sets holds (a rule that sets
 * none matches nothing). Rules run in order — lowest position first, ties by id — and only the
 * first match acts; a later rule never fills in what an earlier one left alone.
 */
import { normalizeForMatch, patternMatches } from "./description-match.js";
import type { Rule, RuleConditions, RuleSubject } from "./rule-types.js";

export function matchRule(rule: Pick<Rule, "conditions">, subject: RuleSubject): boolean {
  return matchesConditions(rule.conditions, subject, normalizeForMatch(subject.description));
}

/** The first rule, in order, that matches, or null. */
export function firstMatchingRule<R extends Pick<Rule, "id" | "position" | "conditions">>(
  rules: readonly R[],
  subject: RuleSubject,
): R | null {
  const normalized = normalizeForMatch(subject.description);
  return orderRules(rules).find((r) => matchesConditions(r.conditions, subject, normalized)) ?? null;
}

/** The rules in the order they run. */
export function orderRules<R extends Pick<Rule, "id" | "position">>(rules: readonly R[]): R[] {
  return [...rules].sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function hasCondition(conditions: RuleConditions): boolean {
  return Object.values(conditions).some((value) => value !== undefined && value !== null);
}

/** `normalized` is normalizeForMatch(subject.description), computed once per transaction. */
export function matchesConditions(c: RuleConditions, subject: RuleSubject, normalized: string): boolean {
  if (!hasCondition(c)) return false;
  const magnitude = Math.abs(subject.amountCents);
  if (c.direction === "in" && !(subject.amountCents > 0)) return false;
  if (c.direction === "out" && !(subject.amountCents < 0)) return false;
  if (c.amountMinCents != null && magnitude < c.amountMinCents) return false;
  if (c.amountMaxCents != null && magnitude > c.amountMaxCents) return false;
  if (c.accountId != null && subject.accountId !== c.accountId) return false;
  if (c.descriptionStartsWith != null && !normalized.startsWith(normalizeForMatch(c.descriptionStartsWith))) {
    return false;
  }
  if (c.descriptionContains != null && !normalized.includes(normalizeForMatch(c.descriptionContains))) {
    return false;
  }
  if (c.descriptionPattern != null && !patternMatches(c.descriptionPattern, subject.description)) {
    return false;
  }
  return true;
}
