import { useState } from "react";
import type { Transaction } from "../ledger/ledger-queries";
import { ruleTextFor } from "./inbox-keys";
import type { ClassifyBody, InboxClassification } from "./inbox-queries";

/** What the person is about to apply to the selected transactions. */
export type Choice = {
  classification: InboxClassification | "";
  payerId: string;
  categoryId: string;
  withRule: boolean;
  /** The rule's text as the person typed it; null while it follows the selection. */
  ruleText: string | null;
  applyToInbox: boolean;
};

const START: Choice = {
  classification: "",
  payerId: "",
  categoryId: "",
  withRule: false,
  ruleText: null,
  applyToInbox: true,
};

export type ChoiceErrors = Partial<
  Record<"classification" | "payerId" | "categoryId" | "ruleText" | "rows", string>
>;

export function useClassifyChoice() {
  const [choice, setChoice] = useState<Choice>(START);
  const set = (change: Partial<Choice>) => setChoice((c) => ({ ...c, ...change }));
  const reset = () =>
    setChoice((c) => ({
      ...START,
      classification: c.classification,
      payerId: c.payerId,
      categoryId: c.categoryId,
    }));
  return { choice, set, reset };
}

/** The rule text shown: what the person typed, else the merchant words of the first selected row. */
export function shownRuleText(choice: Choice, selected: readonly Transaction[]): string {
  return choice.ruleText ?? ruleTextFor(selected[0]?.description ?? "");
}

/** The request for the selected rows, or the problems to show first. */
export function classifyRequest(
  choice: Choice,
  selected: readonly Transaction[],
): { body: ClassifyBody | null; errors: ChoiceErrors } {
  const errors: ChoiceErrors = {};
  if (selected.length === 0) errors.rows = "Select the transactions to classify first (x or Space on a row).";
  if (choice.classification === "") errors.classification = "Choose a classification.";
  if (choice.classification === "income" && !choice.payerId) errors.payerId = "Choose the payer.";
  if (choice.classification === "expense" && !choice.categoryId) errors.categoryId = "Choose the category.";
  const ruleText = shownRuleText(choice, selected).trim();
  if (choice.withRule && !ruleText) errors.ruleText = "Type the words the descriptions contain.";
  if (Object.keys(errors).length > 0 || choice.classification === "") return { body: null, errors };
  const classification = choice.classification;
  return {
    body: {
      transactionIds: selected.map((t) => t.id),
      classification,
      ...(classification === "income" ? { payerId: choice.payerId } : {}),
      ...(classification === "expense" ? { categoryId: choice.categoryId } : {}),
      ...(choice.withRule
        ? { createRule: { descriptionContains: ruleText }, applyRuleToInbox: choice.applyToInbox }
        : {}),
    },
    errors,
  };
}
