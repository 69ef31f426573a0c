import { RULE_CLASSIFICATIONS } from "@domain/rules/rule-types";
import { formatMoney } from "../ledger/money";
import { CLASSIFICATION_LABELS } from "../ledger/transactions/labels";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import type { Rule, RuleClassification, RuleConditions } from "./rule-queries";

/** What a rule can classify as, in the pickers' order ("unreviewed" is where transactions start). */
export const RULE_CLASSES: readonly RuleClassification[] = RULE_CLASSIFICATIONS;

/** The conditions of a rule as short phrases: "description contains “ZOOM”", "money out". */
export function describeConditions(c: RuleConditions, lookups: Lookups | undefined): string[] {
  const parts: string[] = [];
  if (c.descriptionContains) parts.push(`description contains “${c.descriptionContains}”`);
  if (c.descriptionStartsWith) parts.push(`description starts with “${c.descriptionStartsWith}”`);
  if (c.descriptionPattern) parts.push(`description matches the pattern ${c.descriptionPattern}`);
  const min = c.amountMinCents;
  const max = c.amountMaxCents;
  if (min !== undefined && max !== undefined) parts.push(`amount ${formatMoney(min)} to ${formatMoney(max)}`);
  else if (min !== undefined) parts.push(`amount at least ${formatMoney(min)}`);
  else if (max !== undefined) parts.push(`amount at most ${formatMoney(max)}`);
  if (c.direction) parts.push(c.direction === "in" ? "money in" : "money out");
  if (c.accountId) parts.push(`on ${lookups?.accountName(c.accountId) ?? "one account"}`);
  return parts;
}

type Action = {
  classification: Rule["action"]["classification"];
  payerId?: string | null;
  categoryId?: string | null;
};

/** "Expense: Software and subscriptions", "Income: Aetna", "Transfer". */
export function describeAction(action: Action, lookups: Lookups | undefined): string {
  const label = CLASSIFICATION_LABELS[action.classification];
  if (action.payerId) return `${label}: ${lookups?.payerName(action.payerId) ?? "a payer"}`;
  if (action.categoryId) return `${label}: ${lookups?.categoryName(action.categoryId) ?? "a category"}`;
  return label;
}

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** "3 set by hand and 1 in a closed year" — what matches but a rule leaves alone, or "". */
export function describeSkips(skipped: { locked: number; closedYear: number }): string {
  const parts = [
    skipped.locked > 0 ? `${skipped.locked.toLocaleString("en-US")} set by hand` : null,
    skipped.closedYear > 0 ? `${skipped.closedYear.toLocaleString("en-US")} in a closed year` : null,
  ].filter(Boolean);
  return parts.join(" and ");
}
