import type { Db } from "../../db/client.js";
import { classificationIssues } from "../../domain/ledger/classification.js";
import { type LockableField, lockOf, partitionAutomatedChange } from "../../domain/ledger/locks.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { ApiError } from "../../http/errors.js";
import { findClosedYears } from "./closed-years.js";
import { type Executor, shareLockPractice } from "./ledger-db.js";
import { guardFreeText } from "./privacy-guard.js";
import { present, requireReferences } from "./references.js";
import { type EditableFields, type MergedChange, mergeChange, persistChange } from "./transaction-merge.js";
import { findTransaction, loadSplits } from "./transaction-views.js";

/** What rules and bank sync may change; each of these can be locked by a person's edit. */
export type AutomatedChangeInput = Partial<{
  classification: Classification;
  payerId: string | null;
  categoryId: string | null;
  description: string;
  date: string;
  amountCents: number;
}>;

export type AutomatedChangeResult =
  | { status: "applied"; applied: LockableField[]; skipped: LockableField[] }
  | { status: "unchanged"; skipped: LockableField[] }
  | { status: "not_found" | "closed_period" | "invalid"; skipped: LockableField[] };

/** Classification, payer and category decide together whether a transaction is valid. */
const CLASSIFYING = ["classification", "payerId", "categoryId"] as const;

/**
 * Applies a change made by a rule or by bank sync. Fields a person locked are skipped, and so is
 * everything that decides the classification of a split transaction (the split is a person's
 * decision). If what is left would break the classification rules (a rule files an expense
 * whose payer a person locked), the classifying fields are skipped too. Never throws for these
 * cases, so a batch can go on: the result says what happened. Closed years are left alone.
 */
export async function applyAutomatedChange(
  db: Db,
  input: { practiceId: string; transactionId: string; origin: "rule" | "bank"; change: AutomatedChangeInput },
): Promise<AutomatedChangeResult> {
  return db.transaction(async (tx) => {
    await shareLockPractice(tx, input.practiceId);
    const row = await findTransaction(tx, input.practiceId, input.transactionId, { forUpdate: true });
    if (!row) return { status: "not_found", skipped: [] };
    const splits = (await loadSplits(tx, input.practiceId, [row.id])).get(row.id) ?? [];
    const locked: string[] = [...row.lockedFields];
    if (splits.length > 0) locked.push("classification", "payer", "category", "amount");
    const { allowed, skipped } = partitionAutomatedChange(locked, guardFreeText(input.change));
    const closed = await findClosedYears(tx, input.practiceId, [row.date, allowed.date ?? row.date]);
    if (closed.length > 0) return { status: "closed_period", skipped };

    let change: Partial<EditableFields> = allowed;
    let merged = mergeChange(row, change, splits.length);
    // Reclassifying clears what the new class does not carry: never a field a person locked.
    const touchesLock = () => merged.changed.some((k) => locked.includes(lockOf(k) ?? ""));
    const invalidNow = () =>
      classificationIssues(merged.next, merged.keptSplitCount).length > 0 ||
      merged.dropSplits ||
      touchesLock();
    if (invalidNow()) {
      change = Object.fromEntries(Object.entries(allowed).filter(([k]) => !CLASSIFYING.some((c) => c === k)));
      for (const key of CLASSIFYING) {
        const lock = lockOf(key);
        if (lock && allowed[key] !== undefined && !skipped.includes(lock)) skipped.push(lock);
      }
      merged = mergeChange(row, change, splits.length);
      if (invalidNow()) return { status: "invalid", skipped };
    }
    if (merged.changed.length === 0) return { status: "unchanged", skipped };
    if (!(await usableReferences(tx, input.practiceId, merged))) return { status: "invalid", skipped };
    await persistChange(tx, {
      row,
      splits,
      merged,
      lockedFields: [...row.lockedFields],
      origin: input.origin,
      changedBy: null,
    });
    const applied = merged.changed.map(lockOf).filter((l): l is LockableField => l !== undefined);
    return { status: "applied", applied, skipped };
  });
}

/** Newly assigned payers and categories must be the practice's own and active. */
async function usableReferences(tx: Executor, practiceId: string, merged: MergedChange): Promise<boolean> {
  const { next, changed } = merged;
  try {
    await requireReferences(tx, practiceId, {
      payerIds: changed.includes("payerId") ? present(next.payerId) : [],
      categoryIds: changed.includes("categoryId") ? present(next.categoryId) : [],
    });
    return true;
  } catch (error) {
    if (error instanceof ApiError) return false;
    throw error;
  }
}
