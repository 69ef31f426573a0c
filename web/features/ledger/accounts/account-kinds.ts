import type { LedgerAccount } from "../ledger-queries";

export type AccountKind = LedgerAccount["kind"];

export const ACCOUNT_KINDS = [
  "checking",
  "savings",
  "credit_card",
  "cash",
] as const satisfies readonly AccountKind[];

export const ACCOUNT_KIND_LABELS: Record<AccountKind, string> = {
  checking: "Checking",
  savings: "Savings",
  credit_card: "Credit card",
  cash: "Cash",
};
