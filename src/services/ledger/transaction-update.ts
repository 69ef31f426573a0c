import type { Db } from "../../db/client.js";
import { classificationIssues } from "../../domain/ledger/classification.js";
import { type LockableField, lockOf, withLocks, withoutLocks } from "../../domain/ledger/locks.js";
import { ApiError } from "../../http/errors.js";
import { requireOpenYears } from "./closed-years.js";
import { given, invalid, type LedgerActor, shareLockPractice } from "./ledger-db.js";
import { guardFreeText } from "./privacy-guard.js";
import { present, requireReferences } from "./references.js";
import { type EditableFields, mergeChange, persistChange } from "./transaction-merge.js";
import { requireTransaction, type TransactionView, toTransactionView } from "./transaction-views.js";

export type TransactionPatch = Partial<EditableFields> & { unlockFields?: LockableField[] | undefined };

/**
 * A person's edit. Each lockable field it changes is locked (automation will leave it alone);
 * `unlockFields` hands fields back to automation. A split transaction's amount changes only with
 * its splits (PUT …/splits); giving it a single payer or category, or reclassifying it, replaces
 * the splits. An edit that changes nothing writes nothing.
 */
export async function updateTransaction(
  db: Db,
  actor: LedgerActor,
  transactionId: string,
  patch: TransactionPatch,
): Promise<TransactionView> {
  const { unlockFields = [], ...fields } = patch;
  const change = guardFreeText(given(fields));
  return db.transaction(async (tx) => {
    await shareLockPractice(tx, actor.practiceId);
    const { row, splits } = await requireTransaction(tx, actor.practiceId, transactionId, {
      forUpdate: true,
    });
    const merged = mergeChange(row, change, splits.length);
    const { next } = merged;
    await requireOpenYears(tx, actor.practiceId, [row.date, next.date]);
    if (merged.keptSplitCount > 0 && next.amountCents !== row.amountCents) {
      throw new ApiError(
        409,
        "conflict",
        "This transaction is split: change its amount together with its splits (PUT …/splits with amountCents).",
      );
    }
    const issues = classificationIssues(next, merged.keptSplitCount);
    if (issues.length > 0) throw invalid(issues);
    const changed = new Set(merged.changed);
    await requireReferences(tx, actor.practiceId, {
      accountIds: changed.has("accountId") ? [next.accountId] : [],
      payerIds: changed.has("payerId") ? present(next.payerId) : [],
      categoryIds: changed.has("categoryId") ? present(next.categoryId) : [],
    });
    const locked = merged.changed.map(lockOf).filter((l): l is LockableField => l !== undefined);
    const lockedFields = withoutLocks(withLocks(row.lockedFields, locked), unlockFields);
    const sameLocks = lockedFields.join() === withLocks(row.lockedFields, []).join();
    if (merged.changed.length === 0 && !merged.dropSplits && sameLocks) return toTransactionView(row, splits);
    return persistChange(tx, { row, splits, merged, lockedFields, origin: "user", changedBy: actor.userId });
  });
}
