import type { Classification, IncomeMethod } from "./vocabulary.js";

/** A problem with one field, as the API's validation_failed details list it. */
export type Issue = { path: string; message: string };

/** The fields whose presence the classification decides. */
export type ClassifiedFields = {
  classification: Classification;
  payerId: string | null;
  categoryId: string | null;
  method: IncomeMethod | null;
  sessionsCount: number | null;
  processorFeeCents: number | null;
};

/** Fields only income carries. */
export const INCOME_ONLY_FIELDS = ["payerId", "method", "sessionsCount", "processorFeeCents"] as const;
/** Fields only an expense carries. */
export const EXPENSE_ONLY_FIELDS = ["categoryId"] as const;

type OptionalField = (typeof INCOME_ONLY_FIELDS)[number] | (typeof EXPENSE_ONLY_FIELDS)[number];

const LABELS: Record<OptionalField, string> = {
  payerId: "A payer",
  method: "A payment method",
  sessionsCount: "A count of sessions",
  processorFeeCents: "A processor fee",
  categoryId: "A category",
};

/** The optional fields a classification does not carry. */
export function fieldsNotCarriedBy(classification: Classification): OptionalField[] {
  const out: OptionalField[] = [];
  if (classification !== "income") out.push(...INCOME_ONLY_FIELDS);
  if (classification !== "expense") out.push(...EXPENSE_ONLY_FIELDS);
  return out;
}

/**
 * The classification rules: income names its payer (or is split across payers), an expense its
 * category (or is split across categories); no other class carries a payer, a category, a
 * method, sessions or a processor fee, and only income and expenses are split.
 */
export function classificationIssues(t: ClassifiedFields, splitCount: number): Issue[] {
  const issues: Issue[] = [];
  for (const field of fieldsNotCarriedBy(t.classification)) {
    if (t[field] !== null) {
      issues.push({ path: field, message: `${LABELS[field]} applies only to ${onlyFor(field)}.` });
    }
  }
  const split = splitCount > 0;
  if (split && t.classification !== "income" && t.classification !== "expense") {
    issues.push({ path: "splits", message: "Only income and expenses can be split." });
  }
  if (t.classification === "income") {
    if (split && t.payerId !== null) {
      issues.push({ path: "payerId", message: "A split transaction names its payers in its splits." });
    }
    if (!split && t.payerId === null) {
      issues.push({ path: "payerId", message: "Income needs a payer (or split it across payers)." });
    }
  }
  if (t.classification === "expense") {
    if (split && t.categoryId !== null) {
      issues.push({
        path: "categoryId",
        message: "A split transaction names its categories in its splits.",
      });
    }
    if (!split && t.categoryId === null) {
      issues.push({
        path: "categoryId",
        message: "An expense needs a category (or split it across categories).",
      });
    }
  }
  return issues;
}

function onlyFor(field: OptionalField): string {
  return field === "categoryId" ? "expenses" : "income";
}

/** The calendar year of an ISO date ("2025-03-31" → 2025). */
export function yearOf(isoDate: string): number {
  return Number(isoDate.slice(0, 4));
}
