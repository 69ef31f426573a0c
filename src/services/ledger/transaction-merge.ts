import { and, eq } from "drizzle-orm";
import { transactionSplits, transactions } from "../../db/schema/ledger.js";
import { fieldsNotCarriedBy } from "../../domain/ledger/classification.js";
import type { AuditOrigin } from "../../domain/ledger/vocabulary.js";
import { recordAudit } from "./audit.js";
import type { Executor } from "./ledger-db.js";
import {
  auditSnapshot,
  type SplitRow,
  type TransactionRow,
  type TransactionView,
  toTransactionView,
} from "./transaction-views.js";

/** The properties a change (by hand or automated) may set. */
export const EDITABLE = [
  "accountId",
  "date",
  "amountCents",
  "description",
  "memo",
  "classification",
  "payerId",
  "categoryId",
  "method",
  "sessionsCount",
  "processorFeeCents",
  "vendor",
] as const;
export type EditableProperty = (typeof EDITABLE)[number];
export type EditableFields = Pick<TransactionRow, EditableProperty>;

export type MergedChange = {
  next: TransactionRow;
  /** The split set no longer fits: reclassified, or given a single payer or category. */
  dropSplits: boolean;
  keptSplitCount: number;
  changed: EditableProperty[];
};

/**
 * Applies a change to a row, in memory. Reclassifying clears what the new class does not
 * carry (a payer on what is now an expense) unless the change itself sets it, so that the
 * classification rules decide what is wrong with the result, not the order of the fields.
 */
export function mergeChange(
  row: TransactionRow,
  change: Partial<EditableFields>,
  splitCount: number,
): MergedChange {
  let next: TransactionRow = { ...row, ...change };
  if (next.classification !== row.classification) {
    const cleared = fieldsNotCarriedBy(next.classification).filter((f) => change[f] === undefined);
    next = { ...next, ...Object.fromEntries(cleared.map((f) => [f, null])) };
  }
  const dropSplits =
    splitCount > 0 &&
    (next.classification !== row.classification || next.payerId !== null || next.categoryId !== null);
  const changed = EDITABLE.filter((k) => next[k] !== row[k]);
  return { next, dropSplits, keptSplitCount: dropSplits ? 0 : splitCount, changed };
}

/** Writes a merged change, drops the splits when it must, and records the audit entry. */
export async function persistChange(
  tx: Executor,
  input: {
    row: TransactionRow;
    splits: SplitRow[];
    merged: MergedChange;
    lockedFields: string[];
    origin: AuditOrigin;
    changedBy: string | null;
  },
): Promise<TransactionView> {
  const { row, merged } = input;
  const set = Object.fromEntries(merged.changed.map((k) => [k, merged.next[k]])) as Partial<EditableFields>;
  const [updated] = await tx
    .update(transactions)
    .set({
      ...set,
      lockedFields: input.lockedFields as TransactionRow["lockedFields"],
      updatedAt: new Date(),
    })
    .where(and(eq(transactions.practiceId, row.practiceId), eq(transactions.id, row.id)))
    .returning();
  if (!updated) throw new Error("transaction vanished inside its transaction");
  if (merged.dropSplits) {
    await tx
      .delete(transactionSplits)
      .where(
        and(eq(transactionSplits.practiceId, row.practiceId), eq(transactionSplits.transactionId, row.id)),
      );
  }
  const view = toTransactionView(updated, merged.dropSplits ? [] : input.splits);
  await recordAudit(tx, [
    {
      practiceId: row.practiceId,
      transactionId: row.id,
      action: "update",
      origin: input.origin,
      changedBy: input.changedBy,
      before: auditSnapshot(toTransactionView(row, input.splits)),
      after: auditSnapshot(view),
    },
  ]);
  return view;
}
