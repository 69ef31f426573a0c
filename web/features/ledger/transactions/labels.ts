import type { Classification, IncomeMethod, LockableField } from "../ledger-queries";

/** How each classification reads in the app. */
export const CLASSIFICATION_LABELS: Record<Classification, string> = {
  income: "Income",
  expense: "Expense",
  transfer: "Transfer",
  owner_draw: "Owner draw",
  owner_contribution: "Owner contribution",
  estimated_tax: "Estimated tax",
  personal: "Personal",
  unreviewed: "Unreviewed",
};

/** Every classification, in the order pickers offer them. */
export const CLASSIFICATIONS = Object.keys(CLASSIFICATION_LABELS) as Classification[];

/** The classifications that are neither income nor expense ("Other" in the entry form). */
export const OTHER_CLASSIFICATIONS = CLASSIFICATIONS.filter((c) => c !== "income" && c !== "expense");

export const METHOD_LABELS: Record<IncomeMethod, string> = {
  insurance_payment: "Insurance payment",
  card: "Card",
  cash: "Cash",
  check: "Check",
  ach: "ACH / direct deposit",
  p2p: "Payment app (Zelle, Venmo…)",
  other: "Other",
};

export const METHODS = Object.keys(METHOD_LABELS) as IncomeMethod[];

/** What a lock on each field protects, as a person would say it. */
export const LOCK_LABELS: Record<LockableField, string> = {
  classification: "Classification",
  payer: "Payer",
  category: "Category",
  description: "Description",
  date: "Date",
  amount: "Amount",
};

/**
 * Which way money normally moves for a classification (decision 0011: positive = into the
 * account). Income comes in; an expense, a draw, a tax payment or a personal purchase goes out.
 * A transfer or an unreviewed line has no usual direction: "out" is only the first guess.
 */
export const USUAL_DIRECTION: Record<Classification, Direction> = {
  income: "in",
  expense: "out",
  transfer: "out",
  owner_draw: "out",
  owner_contribution: "in",
  estimated_tax: "out",
  personal: "out",
  unreviewed: "out",
};

export type Direction = "in" | "out";

/** The two directions in words that fit the classification: a refund, a recoupment. */
export function directionLabel(classification: Classification, direction: Direction): string {
  if (classification === "income") {
    return direction === "in" ? "Money in (received)" : "Money out (recouped by the payer)";
  }
  if (classification === "expense") {
    return direction === "out" ? "Money out (paid)" : "Money in (a refund)";
  }
  return direction === "in" ? "Money in" : "Money out";
}

/** The signed cents of a typed magnitude under the sign convention. */
export function signedCents(magnitude: number, direction: Direction): number {
  return direction === "out" ? -magnitude : magnitude;
}

export function directionOf(cents: number): Direction {
  return cents < 0 ? "out" : "in";
}
