/**
 * The ledger's fixed vocabularies, shared by the schema (CHECK constraints), the API (Zod enums)
 * and the services.
 *
 * THE SIGN CONVENTION (decision 0011): a transaction's `amountCents` is the money that moved in
 * its account, seen from the account. Positive = money into the account (a deposit, a payment
 * received, a refund received); negative = money out (a purchase, a withdrawal, a transfer out,
 * a card charge). A credit-card account follows the same rule: a charge is negative, a payment
 * to the card is positive. Income is therefore normally positive and an expense normally
 * negative; a refund of an expense is a positive expense and an insurer's recoupment a negative
 * income, and both reduce their totals.
 */

/** The largest magnitude of any amount the API accepts: $1,000,000,000.00. */
export const MAX_AMOUNT_CENTS = 100_000_000_000;

export const ACCOUNT_KINDS = ["checking", "savings", "credit_card", "cash"] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const PAYER_KINDS = ["insurance", "private_pay", "eap", "other"] as const;
export type PayerKind = (typeof PAYER_KINDS)[number];

export const CLASSIFICATIONS = [
  "income",
  "expense",
  "transfer",
  "owner_draw",
  "owner_contribution",
  "estimated_tax",
  "personal",
  "unreviewed",
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** How income arrived; only income carries a method. */
export const INCOME_METHODS = ["insurance_payment", "card", "cash", "check", "ach", "p2p", "other"] as const;
export type IncomeMethod = (typeof INCOME_METHODS)[number];

export const TRANSACTION_SOURCES = ["manual", "import", "bank"] as const;
export type TransactionSource = (typeof TRANSACTION_SOURCES)[number];

export const AUDIT_ACTIONS = ["create", "update", "delete"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who made a change: a person through the API, or an automated process (rules, bank sync). */
export const AUDIT_ORIGINS = ["user", "rule", "bank"] as const;
export type AuditOrigin = (typeof AUDIT_ORIGINS)[number];
