import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactionSplits, transactions } from "../../db/schema/ledger.js";
import { withLocks } from "../../domain/ledger/locks.js";
import { checkSplits, type SplitInput } from "../../domain/ledger/splits.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { ApiError } from "../../http/errors.js";
import { recordAudit } from "./audit.js";
import { requireOpenYears } from "./closed-years.js";
import { type Executor, invalid, type LedgerActor, shareLockPractice } from "./ledger-db.js";
import { guardText } from "./privacy-guard.js";
import { present, requireReferences } from "./references.js";
import {
  auditSnapshot,
  requireTransaction,
  type SplitRow,
  type TransactionView,
  toTransactionView,
} from "./transaction-views.js";

/** Throws 400 unless the splits are valid and add up to the amount exactly. */
export function requireBalancedSplits(
  amountCents: number,
  classification: Classification,
  splits: readonly SplitInput[],
): void {
  const check = checkSplits(amountCents, classification, splits);
  if (check.ok) return;
  if (check.code === "validation_failed") throw invalid(check.issues, check.message);
  throw new ApiError(400, "splits_unbalanced", check.message, {
    sumCents: check.sumCents,
    amountCents,
    differenceCents: amountCents - check.sumCents,
  });
}

export async function insertSplits(
  tx: Executor,
  practiceId: string,
  transactionId: string,
  splits: readonly SplitInput[],
): Promise<SplitRow[]> {
  if (splits.length === 0) return [];
  return tx
    .insert(transactionSplits)
    .values(
      splits.map((s, position) => ({
        transactionId,
        practiceId,
        position,
        amountCents: s.amountCents,
        payerId: s.payerId ?? null,
        categoryId: s.categoryId ?? null,
        memo: s.memo == null ? null : guardText(s.memo),
      })),
    )
    .returning();
}

export function splitReferences(splits: readonly SplitInput[]) {
  return {
    payerIds: present(...splits.map((s) => s.payerId)),
    categoryIds: present(...splits.map((s) => s.categoryId)),
  };
}

/**
 * Replaces a transaction's whole split set in one database transaction: the old parts go, the
 * new ones come, the parent's own payer or category is cleared, or nothing changes at all. The
 * amount may change in the same request, since a split transaction's amount cannot change alone.
 */
export async function replaceSplits(
  db: Db,
  actor: LedgerActor,
  transactionId: string,
  input: { splits: SplitInput[]; amountCents?: number | undefined },
): Promise<TransactionView> {
  return db.transaction(async (tx) => {
    await shareLockPractice(tx, actor.practiceId);
    const { row, splits: before } = await requireTransaction(tx, actor.practiceId, transactionId, {
      forUpdate: true,
    });
    await requireOpenYears(tx, actor.practiceId, [row.date]);
    const amountCents = input.amountCents ?? row.amountCents;
    requireBalancedSplits(amountCents, row.classification, input.splits);
    await requireReferences(tx, actor.practiceId, splitReferences(input.splits));

    await tx
      .delete(transactionSplits)
      .where(
        and(eq(transactionSplits.practiceId, actor.practiceId), eq(transactionSplits.transactionId, row.id)),
      );
    const after = await insertSplits(tx, actor.practiceId, row.id, input.splits);
    const target = row.classification === "income" ? "payer" : "category";
    const locks = withLocks(
      row.lockedFields,
      amountCents === row.amountCents ? [target] : [target, "amount"],
    );
    const [updated] = await tx
      .update(transactions)
      .set({ amountCents, payerId: null, categoryId: null, lockedFields: locks, updatedAt: new Date() })
      .where(and(eq(transactions.practiceId, actor.practiceId), eq(transactions.id, row.id)))
      .returning();
    if (!updated) throw new Error("split parent vanished inside its transaction");
    const view = toTransactionView(updated, after);
    await recordAudit(tx, [
      {
        practiceId: actor.practiceId,
        transactionId: row.id,
        action: "update",
        origin: "user",
        changedBy: actor.userId,
        before: auditSnapshot(toTransactionView(row, before)),
        after: auditSnapshot(view),
      },
    ]);
    return view;
  });
}
