import { formatMoney } from "../money.js";
import type { Issue } from "./classification.js";
import { type Classification, MAX_AMOUNT_CENTS } from "./vocabulary.js";

export type SplitInput = {
  amountCents: number;
  payerId?: string | null | undefined;
  categoryId?: string | null | undefined;
  memo?: string | null | undefined;
};

export const MAX_SPLITS = 50;

export type SplitCheck =
  | { ok: true }
  | { ok: false; code: "validation_failed"; message: string; issues: Issue[] }
  | { ok: false; code: "splits_unbalanced"; message: string; sumCents: number };

/**
 * Whether a set of splits may replace a transaction's splits: income split across payers or an
 * expense across categories, in at least two non-zero parts that add up to the transaction's
 * amount exactly, to the cent. Parts may differ in sign (a deposit that nets an insurer's
 * recoupment against another payer's payment).
 */
export function checkSplits(
  parentAmountCents: number,
  classification: Classification,
  splits: readonly SplitInput[],
): SplitCheck {
  const issues: Issue[] = [];
  if (classification !== "income" && classification !== "expense") {
    issues.push({ path: "splits", message: "Only income and expenses can be split; classify it first." });
  }
  if (splits.length < 2 || splits.length > MAX_SPLITS) {
    issues.push({ path: "splits", message: `A split has between 2 and ${MAX_SPLITS} parts.` });
  }
  splits.forEach((s, i) => {
    if (!Number.isSafeInteger(s.amountCents) || s.amountCents === 0) {
      issues.push({
        path: `splits.${i}.amountCents`,
        message: "Each part is a non-zero whole number of cents.",
      });
    } else if (Math.abs(s.amountCents) > MAX_AMOUNT_CENTS) {
      issues.push({ path: `splits.${i}.amountCents`, message: "The amount is too large." });
    }
    const payer = s.payerId ?? null;
    const category = s.categoryId ?? null;
    if (classification === "income" && (payer === null || category !== null)) {
      issues.push({
        path: `splits.${i}`,
        message: "Each part of split income names a payer and no category.",
      });
    }
    if (classification === "expense" && (category === null || payer !== null)) {
      issues.push({
        path: `splits.${i}`,
        message: "Each part of a split expense names a category and no payer.",
      });
    }
  });
  if (issues.length > 0) {
    return { ok: false, code: "validation_failed", message: "The splits are not valid.", issues };
  }
  const sumCents = splits.reduce((sum, s) => sum + s.amountCents, 0);
  if (sumCents !== parentAmountCents) {
    return {
      ok: false,
      code: "splits_unbalanced",
      sumCents,
      message:
        `The splits add up to ${formatMoney(sumCents)} but the transaction is ` +
        `${formatMoney(parentAmountCents)}; they must match to the cent.`,
    };
  }
  return { ok: true };
}
