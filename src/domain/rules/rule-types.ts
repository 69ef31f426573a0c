/**
 * The rule engine's vocabulary (issue 6). A rule is an ordered pair of conditions and an action:
 * when every condition it sets holds for a transaction, the action classifies it. Rules are
 * plain data, stored by the services and run by the pure functions beside this file.
 *
 * Amounts: `amountMinCents` and `amountMaxCents` bound the amount's magnitude (its absolute
 * value), inclusively; the sign is the `direction` condition ("in" = money into the account,
 * amount > 0; "out" = money out, amount < 0; decision 0011's sign convention). So "between $10
 * and $50, out, on the Visa account" reads as people say it, for deposits and charges alike.
 */
import { CLASSIFICATIONS, type Classification } from "../ledger/vocabulary.js";

export const RULE_DIRECTIONS = ["in", "out"] as const;
export type RuleDirection = (typeof RULE_DIRECTIONS)[number];

/** A rule classifies: "unreviewed" is where transactions start, not an action. */
export const RULE_CLASSIFICATIONS = CLASSIFICATIONS.filter(
  (c): c is Exclude<Classification, "unreviewed"> => c !== "unreviewed",
);

export const MAX_RULE_NAME_LENGTH = 100;
export const MAX_RULE_TEXT_LENGTH = 200;
export const MAX_RULE_PATTERN_LENGTH = 500;

/** All set conditions must hold; a rule sets at least one. */
export type RuleConditions = {
  /** Case-insensitive, runs of white space count as one space. */
  descriptionContains?: string;
  /** Case-insensitive, as above, against the description without leading space. */
  descriptionStartsWith?: string;
  /** An RE2 pattern (linear time, no backreferences or lookarounds), case-insensitive, unanchored. */
  descriptionPattern?: string;
  /** Inclusive lower bound on |amountCents|. */
  amountMinCents?: number;
  /** Inclusive upper bound on |amountCents|. */
  amountMaxCents?: number;
  direction?: RuleDirection;
  accountId?: string;
};

/**
 * What a matching rule sets. Income names a payer, an expense a category, every other class
 * neither; "mark as transfer" and "mark as personal" are the classifications of those names.
 */
export type RuleAction = {
  classification: Classification;
  payerId?: string | null;
  categoryId?: string | null;
};

export type Rule = {
  id: string;
  /** The order rules run in: the lowest position that matches wins (ties by id). */
  position: number;
  name?: string | null;
  conditions: RuleConditions;
  action: RuleAction;
};

/** What a rule reads of a transaction. */
export type RuleSubject = { description: string; amountCents: number; accountId: string };

/** What planning reads of a transaction: the subject, its classifying fields and its locks. */
export type RuleTransaction = RuleSubject & {
  id: string;
  classification: Classification;
  payerId: string | null;
  categoryId: string | null;
  /** The transaction's `locked_fields` (domain/ledger/locks.ts). */
  lockedFields: readonly string[];
  /** How many splits it has; a split transaction is a person's decision and is never re-targeted. */
  splitCount: number;
};
