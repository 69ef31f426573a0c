import { centsToInput, parseAmount } from "../ledger/money";
import type { Rule, RuleBody, RuleClassification, RuleConditions } from "./rule-queries";

/** A rule as its form holds it: text as typed, amounts as typed. */
export type RuleDraft = {
  name: string;
  contains: string;
  startsWith: string;
  pattern: string;
  min: string;
  max: string;
  direction: "" | "in" | "out";
  accountId: string;
  classification: RuleClassification | "";
  payerId: string;
  categoryId: string;
};

export type DraftErrors = Partial<Record<keyof RuleDraft | "conditions", string>>;

export const EMPTY_DRAFT: RuleDraft = {
  name: "",
  contains: "",
  startsWith: "",
  pattern: "",
  min: "",
  max: "",
  direction: "",
  accountId: "",
  classification: "",
  payerId: "",
  categoryId: "",
};

export function draftOf(rule: Rule): RuleDraft {
  const c = rule.conditions;
  const classification = rule.action.classification === "unreviewed" ? "" : rule.action.classification;
  return {
    name: rule.name,
    contains: c.descriptionContains ?? "",
    startsWith: c.descriptionStartsWith ?? "",
    pattern: c.descriptionPattern ?? "",
    min: c.amountMinCents === undefined ? "" : centsToInput(c.amountMinCents),
    max: c.amountMaxCents === undefined ? "" : centsToInput(c.amountMaxCents),
    direction: c.direction ?? "",
    accountId: c.accountId ?? "",
    classification,
    payerId: rule.action.payerId ?? "",
    categoryId: rule.action.categoryId ?? "",
  };
}

function amountOf(
  text: string,
  label: string,
  errors: DraftErrors,
  field: "min" | "max",
): number | undefined {
  if (text.trim() === "") return undefined;
  const parsed = parseAmount(text, {
    label,
    allowZero: true,
    negativeMessage: `${label} is a size: type it without a sign.`,
  });
  if (!parsed.ok) {
    errors[field] = parsed.message;
    return undefined;
  }
  return parsed.cents;
}

/** The request body of a draft, or the problems to show under its fields. */
export function bodyOf(draft: RuleDraft): { body: RuleBody | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const conditions: RuleConditions = {};
  if (draft.contains.trim()) conditions.descriptionContains = draft.contains.trim();
  if (draft.startsWith.trim()) conditions.descriptionStartsWith = draft.startsWith.trim();
  if (draft.pattern !== "") conditions.descriptionPattern = draft.pattern;
  const min = amountOf(draft.min, "The smallest amount", errors, "min");
  const max = amountOf(draft.max, "The largest amount", errors, "max");
  if (min !== undefined) conditions.amountMinCents = min;
  if (max !== undefined) conditions.amountMaxCents = max;
  if (min !== undefined && max !== undefined && min > max)
    errors.max = "The largest amount is below the smallest.";
  if (draft.direction) conditions.direction = draft.direction;
  if (draft.accountId) conditions.accountId = draft.accountId;
  if (Object.keys(conditions).length === 0 && !errors.min && !errors.max) {
    errors.conditions = "Set at least one condition: a description, an amount, a direction or an account.";
  }
  if (draft.classification === "") errors.classification = "Choose what the rule classifies them as.";
  if (draft.classification === "income" && !draft.payerId) errors.payerId = "Choose the payer.";
  if (draft.classification === "expense" && !draft.categoryId) errors.categoryId = "Choose the category.";
  if (Object.keys(errors).length > 0 || draft.classification === "") return { body: null, errors };
  const classification = draft.classification;
  return {
    body: {
      ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
      conditions,
      action: {
        classification,
        payerId: classification === "income" ? draft.payerId : null,
        categoryId: classification === "expense" ? draft.categoryId : null,
      },
    },
    errors,
  };
}

/** The server's field paths, under the form's fields. */
export const SERVER_PATHS: Record<string, keyof DraftErrors> = {
  name: "name",
  conditions: "conditions",
  "conditions.descriptionContains": "contains",
  "conditions.descriptionStartsWith": "startsWith",
  "conditions.descriptionPattern": "pattern",
  "conditions.amountMinCents": "min",
  "conditions.amountMaxCents": "max",
  "conditions.direction": "direction",
  "conditions.accountId": "accountId",
  "action.classification": "classification",
  "action.payerId": "payerId",
  "action.categoryId": "categoryId",
};
