/** Builders shared by the rule engine's tests. */
import type {
  Rule,
  RuleAction,
  RuleConditions,
  RuleTransaction,
} from "../../../src/domain/rules/rule-types.js";

export const PAYER_AETNA = "payer-aetna";
export const PAYER_PRIVATE = "payer-private";
export const CATEGORY_SOFTWARE = "category-software";
export const CATEGORY_OFFICE = "category-office";
export const CHECKING = "acct-checking";
export const VISA = "acct-visa";

export function rule(id: string, position: number, conditions: RuleConditions, action: RuleAction): Rule {
  return { id, position, conditions, action };
}

export function tx(id: string, overrides: Partial<RuleTransaction> = {}): RuleTransaction {
  return {
    id,
    description: "UNKNOWN",
    amountCents: -100,
    accountId: CHECKING,
    classification: "unreviewed",
    payerId: null,
    categoryId: null,
    lockedFields: [],
    splitCount: 0,
    ...overrides,
  };
}
