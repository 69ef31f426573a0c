/**
 * Planning what rules would change, before anything is written: the count behind "apply to
 * existing: this will change N transactions", and the list a service then applies one by one
 * through applyAutomatedChange (services/ledger/automated-change.ts). The plan mirrors that
 * function's guards, so what it counts is what gets applied (closed years aside, which only the
 * database knows):
 * - a split transaction is a person's decision: rules never re-target it;
 * - a rule whose action would alter a locked field (classification, payer or category) changes
 *   nothing on that transaction — applying the rest would leave it half-classified;
 * - a transaction that already has the action's values yields no change;
 * - an action that breaks the classification rules (a stored rule gone bad) changes nothing.
 * Only the first matching rule acts (match-rule.ts). A rule changes neither the description nor
 * the amount nor the account it matched on, so re-planning after applying finds nothing to do.
 */
import { lockOf } from "../ledger/locks.js";
import type { Classification } from "../ledger/vocabulary.js";
import { normalizeForMatch } from "./description-match.js";
import { matchesConditions, orderRules } from "./match-rule.js";
import type { Rule, RuleAction, RuleTransaction } from "./rule-types.js";
import { ruleActionIssues } from "./validate-rule.js";

/** The classifying fields a rule sets; a subset of applyAutomatedChange's input. */
export type RuleChange = Partial<{
  classification: Classification;
  payerId: string | null;
  categoryId: string | null;
}>;

export type PlannedRuleChange = { transactionId: string; ruleId: string; change: RuleChange };

const CLASSIFYING = ["classification", "payerId", "categoryId"] as const;

/**
 * One entry per transaction the rules would change, in the transactions' order. With `ruleId`,
 * only the changes that rule makes where it is the first match ("apply this rule to existing").
 */
export function planRuleChanges(
  rules: readonly Rule[],
  transactions: readonly RuleTransaction[],
  options: { ruleId?: string } = {},
): PlannedRuleChange[] {
  const ordered = orderRules(rules);
  const plan: PlannedRuleChange[] = [];
  for (const tx of transactions) {
    if (tx.splitCount > 0) continue;
    const normalized = normalizeForMatch(tx.description);
    const rule = ordered.find((r) => matchesConditions(r.conditions, tx, normalized));
    if (!rule || (options.ruleId !== undefined && rule.id !== options.ruleId)) continue;
    const change = ruleChangeFor(rule.action, tx);
    if (change) plan.push({ transactionId: tx.id, ruleId: rule.id, change });
  }
  return plan;
}

/** The fields an action would change on a transaction, or null if it changes none or may not. */
export function ruleChangeFor(
  action: RuleAction,
  tx: Pick<RuleTransaction, (typeof CLASSIFYING)[number] | "lockedFields" | "splitCount">,
): RuleChange | null {
  if (tx.splitCount > 0 || ruleActionIssues(action).length > 0) return null;
  const target = {
    classification: action.classification,
    payerId: action.classification === "income" ? (action.payerId ?? null) : null,
    categoryId: action.classification === "expense" ? (action.categoryId ?? null) : null,
  };
  const change: RuleChange = {};
  for (const field of CLASSIFYING) {
    if (target[field] === tx[field]) continue;
    if (tx.lockedFields.includes(lockOf(field) ?? field)) return null;
    Object.assign(change, { [field]: target[field] });
  }
  return Object.keys(change).length > 0 ? change : null;
}

/** The transaction as it will be once the change is applied. */
export function withRuleChange<T extends Pick<RuleTransaction, (typeof CLASSIFYING)[number]>>(
  tx: T,
  change: RuleChange,
): T {
  return { ...tx, ...change };
}
