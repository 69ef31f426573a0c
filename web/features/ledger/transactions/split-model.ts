import { MAX_SPLITS } from "@domain/ledger/splits";
import { PracticeApiError } from "../../practice/api-result";
import type { Transaction } from "../ledger-queries";
import { centsToInput, formatMoney, parseAmount } from "../money";
import type { ReplaceSplitsBody } from "./transaction-mutations";

export { MAX_SPLITS };

/**
 * One part of a split as typed. Parts are typed in the direction of the whole (a deposit's
 * parts as money in); a minus sign marks a part that went the other way, such as an insurer's
 * recoupment netted inside a deposit. `target` is the payer (income) or category (expense).
 */
export type PartDraft = { key: number; amount: string; target: string; memo: string };
export type PartErrors = { amount?: string; target?: string };

let nextKey = 1;
export function newPart(amount = "", target = ""): PartDraft {
  nextKey += 1;
  return { key: nextKey, amount, target, memo: "" };
}

/** The parts to start from: the saved split, or the whole on one line and an empty second line. */
export function partsOf(t: Transaction): PartDraft[] {
  const sign = t.amountCents < 0 ? -1 : 1;
  if (t.splits.length > 0) {
    return t.splits.map((s) => ({
      ...newPart(
        `${s.amountCents * sign < 0 ? "-" : ""}${centsToInput(s.amountCents)}`,
        s.payerId ?? s.categoryId ?? "",
      ),
      memo: s.memo ?? "",
    }));
  }
  return [newPart(centsToInput(t.amountCents), t.payerId ?? t.categoryId ?? ""), newPart()];
}

/** What is left to assign, in the direction of the whole; undefined while something is unreadable. */
export function remainderOf(total: string, parts: PartDraft[]): number | undefined {
  const whole = parseAmount(total);
  if (!whole.ok) return undefined;
  let left = whole.cents;
  for (const part of parts) {
    if (part.amount.trim() === "") continue;
    const parsed = parseAmount(part.amount, { allowNegative: true });
    if (!parsed.ok) return undefined;
    left -= parsed.cents;
  }
  return left;
}

export function describeRemainder(left: number | undefined): string {
  if (left === undefined) return "Fix the amounts to see what is left to assign.";
  if (left === 0) return "The parts add up to the total, to the cent.";
  if (left > 0) return `${formatMoney(left)} left to assign.`;
  return `The parts are ${formatMoney(-left)} over the total.`;
}

type ReadSplits =
  | { ok: true; body: ReplaceSplitsBody }
  | { ok: false; totalError?: string; parts: Record<number, PartErrors>; message?: string };

/** The body of PUT …/splits, or the problems to show, checked as the server will check them. */
export function readSplits(t: Transaction, total: string, parts: PartDraft[]): ReadSplits {
  const sign = t.amountCents < 0 ? -1 : 1;
  const income = t.classification === "income";
  const errors: Record<number, PartErrors> = {};
  const whole = parseAmount(total, {
    label: "The total",
    negativeMessage: "Type the total without a minus sign; it keeps the transaction’s direction.",
  });
  const body: ReplaceSplitsBody = { splits: [] };
  for (const part of parts) {
    const parsed = parseAmount(part.amount, { allowNegative: true, label: "A part" });
    const problem: PartErrors = {};
    if (!parsed.ok) problem.amount = parsed.message;
    if (part.target === "")
      problem.target = income ? "Choose the payer of this part." : "Choose its category.";
    if (problem.amount || problem.target) errors[part.key] = problem;
    else if (parsed.ok) {
      const memo = part.memo.trim();
      body.splits.push({
        amountCents: sign * parsed.cents,
        ...(income ? { payerId: part.target } : { categoryId: part.target }),
        ...(memo ? { memo } : {}),
      });
    }
  }
  const failed = !whole.ok || Object.keys(errors).length > 0;
  if (failed) return { ok: false, ...(whole.ok ? {} : { totalError: whole.message }), parts: errors };
  if (parts.length < 2) return { ok: false, parts: {}, message: "A split has at least two parts." };
  const left = remainderOf(total, parts) ?? 0;
  if (left !== 0)
    return {
      ok: false,
      parts: {},
      message: `${describeRemainder(left)} The parts must add up to the total.`,
    };
  const amountCents = sign * whole.cents;
  return { ok: true, body: amountCents === t.amountCents ? body : { ...body, amountCents } };
}

/** The server's field problems ("splits.2.amountCents") placed on the parts they name. */
export function partErrorsFromServer(error: unknown, parts: PartDraft[]): Record<number, PartErrors> {
  const out: Record<number, PartErrors> = {};
  if (!(error instanceof PracticeApiError)) return out;
  for (const problem of error.fieldProblems) {
    const match = /^splits\.(\d+)(\.amountCents)?/.exec(problem.path);
    const part = match ? parts[Number(match[1])] : undefined;
    if (!match || !part) continue;
    out[part.key] = match[2]
      ? { ...out[part.key], amount: problem.message }
      : { ...out[part.key], target: problem.message };
  }
  return out;
}
