/**
 * What makes a rule savable, checked when it is saved so that a bad pattern or an incomplete
 * action is refused with a clear message instead of failing silently later. The issues use the
 * API's validation_failed shape (domain/ledger/classification.ts); whether the payer, category
 * and account exist in the practice is the service's check.
 */
import type { Issue } from "../ledger/classification.js";
import { MAX_AMOUNT_CENTS } from "../ledger/vocabulary.js";
import { patternError } from "./description-match.js";
import { hasCondition } from "./match-rule.js";
import {
  MAX_RULE_NAME_LENGTH,
  MAX_RULE_TEXT_LENGTH,
  RULE_CLASSIFICATIONS,
  RULE_DIRECTIONS,
  type Rule,
  type RuleAction,
  type RuleConditions,
} from "./rule-types.js";

export type RuleDraft = Pick<Rule, "name" | "conditions" | "action">;

export function ruleIssues(draft: RuleDraft): Issue[] {
  const issues: Issue[] = [];
  if (draft.name != null && (draft.name.trim() === "" || draft.name.length > MAX_RULE_NAME_LENGTH)) {
    issues.push({ path: "name", message: `A name has 1 to ${MAX_RULE_NAME_LENGTH} characters.` });
  }
  issues.push(...conditionIssues(draft.conditions), ...ruleActionIssues(draft.action));
  return issues;
}

export function conditionIssues(c: RuleConditions): Issue[] {
  const issues: Issue[] = [];
  const at = (field: keyof RuleConditions, message: string) =>
    issues.push({ path: `conditions.${field}`, message });
  if (!hasCondition(c)) {
    issues.push({ path: "conditions", message: "A rule needs at least one condition." });
  }
  for (const field of ["descriptionContains", "descriptionStartsWith"] as const) {
    const text = c[field];
    if (text != null && (text.trim() === "" || text.length > MAX_RULE_TEXT_LENGTH)) {
      at(field, `The text has 1 to ${MAX_RULE_TEXT_LENGTH} characters, not only spaces.`);
    }
  }
  if (c.descriptionPattern != null) {
    const error = patternError(c.descriptionPattern);
    if (error) at("descriptionPattern", error);
  }
  for (const field of ["amountMinCents", "amountMaxCents"] as const) {
    const cents = c[field];
    if (cents != null && !(Number.isSafeInteger(cents) && cents >= 0 && cents <= MAX_AMOUNT_CENTS)) {
      at(field, "An amount bound is a whole number of cents from 0 to $1,000,000,000.00.");
    }
  }
  if (c.amountMinCents != null && c.amountMaxCents != null && c.amountMinCents > c.amountMaxCents) {
    at("amountMaxCents", "The largest amount is below the smallest.");
  }
  if (c.direction != null && !RULE_DIRECTIONS.includes(c.direction)) {
    at("direction", 'The direction is "in" (money into the account) or "out".');
  }
  if (c.accountId != null && c.accountId.trim() === "") at("accountId", "Choose an account.");
  return issues;
}

/** The classification rules for an action: income names a payer, an expense a category. */
export function ruleActionIssues(action: RuleAction): Issue[] {
  const issues: Issue[] = [];
  const { classification } = action;
  const payerId = action.payerId ?? null;
  const categoryId = action.categoryId ?? null;
  if (!(RULE_CLASSIFICATIONS as readonly string[]).includes(classification)) {
    issues.push({
      path: "action.classification",
      message: `A rule classifies as one of: ${RULE_CLASSIFICATIONS.join(", ")}.`,
    });
    return issues;
  }
  if (classification === "income" && payerId === null) {
    issues.push({ path: "action.payerId", message: "A rule that files income names its payer." });
  }
  if (classification !== "income" && payerId !== null) {
    issues.push({ path: "action.payerId", message: "Only a rule that files income names a payer." });
  }
  if (classification === "expense" && categoryId === null) {
    issues.push({ path: "action.categoryId", message: "A rule that files an expense names its category." });
  }
  if (classification !== "expense" && categoryId !== null) {
    issues.push({
      path: "action.categoryId",
      message: "Only a rule that files an expense names a category.",
    });
  }
  return issues;
}
