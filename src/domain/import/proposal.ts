/**
 * What an import proposes for a new row's classification, in this order (decision 0013):
 * a transfer to or from another of the practice's accounts; else the first of the practice's
 * rules that matches (its action, when it is a valid one); else a federal estimated tax payment
 * by its wording; else unreviewed, for the inbox.
 */

import type { Classification } from "../ledger/vocabulary.js";
import { normalizeForMatch } from "../rules/description-match.js";
import { matchesConditions } from "../rules/match-rule.js";
import type { Rule, RuleSubject } from "../rules/rule-types.js";
import { ruleActionIssues } from "../rules/validate-rule.js";
import { isFederalEstimatedTaxPayment } from "./estimated-tax.js";

export type ProposalSource = "transfer" | "rule" | "estimated_tax" | null;

export type Proposal = {
  classification: Classification;
  payerId: string | null;
  categoryId: string | null;
  ruleId: string | null;
  source: ProposalSource;
};

const UNREVIEWED: Proposal = {
  classification: "unreviewed",
  payerId: null,
  categoryId: null,
  ruleId: null,
  source: null,
};

/** `orderedRules`: the enabled rules in the order they run (match-rule.ts's orderRules). */
export function proposeClassification(
  orderedRules: readonly Rule[],
  subject: RuleSubject,
  options: { transfer: boolean },
): Proposal {
  if (options.transfer) return { ...UNREVIEWED, classification: "transfer", source: "transfer" };
  const normalized = normalizeForMatch(subject.description);
  const rule = orderedRules.find((r) => matchesConditions(r.conditions, subject, normalized));
  if (rule && ruleActionIssues(rule.action).length === 0) {
    const { classification } = rule.action;
    return {
      classification,
      payerId: classification === "income" ? (rule.action.payerId ?? null) : null,
      categoryId: classification === "expense" ? (rule.action.categoryId ?? null) : null,
      ruleId: rule.id,
      source: "rule",
    };
  }
  if (isFederalEstimatedTaxPayment(subject.description, subject.amountCents)) {
    return { ...UNREVIEWED, classification: "estimated_tax", source: "estimated_tax" };
  }
  return UNREVIEWED;
}
