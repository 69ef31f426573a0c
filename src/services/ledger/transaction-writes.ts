import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactions } from "../../db/schema/ledger.js";
import { type ClassifiedFields, classificationIssues } from "../../domain/ledger/classification.js";
import { type LockableField, withLocks } from "../../domain/ledger/locks.js";
import type { SplitInput } from "../../domain/ledger/splits.js";
import type { Classification, IncomeMethod } from "../../domain/ledger/vocabulary.js";
import { recordAudit } from "./audit.js";
import { requireOpenYears } from "./closed-years.js";
import { invalid, type LedgerActor, shareLockPractice } from "./ledger-db.js";
import { guardFreeText } from "./privacy-guard.js";
import { present, requireReferences } from "./references.js";
import { insertSplits, requireBalancedSplits, splitReferences } from "./split-writes.js";
import {
  auditSnapshot,
  requireTransaction,
  type TransactionView,
  toTransactionView,
} from "./transaction-views.js";

export type TransactionInput = {
  accountId: string;
  date: string;
  amountCents: number;
  description?: string | undefined;
  memo?: string | null | undefined;
  classification?: Classification | undefined;
  payerId?: string | null | undefined;
  categoryId?: string | null | undefined;
  method?: IncomeMethod | null | undefined;
  sessionsCount?: number | null | undefined;
  processorFeeCents?: number | null | undefined;
  vendor?: string | null | undefined;
  splits?: SplitInput[] | undefined;
};

/** What a person typed is theirs: the fields they set by hand are locked against automation. */
function manualLocks(input: TransactionInput, fields: ClassifiedFields, split: boolean): LockableField[] {
  const locks: LockableField[] = ["date", "amount"];
  if (fields.classification !== "unreviewed") locks.push("classification");
  if (fields.payerId !== null || (split && fields.classification === "income")) locks.push("payer");
  if (fields.categoryId !== null || (split && fields.classification === "expense")) locks.push("category");
  if (input.description) locks.push("description");
  return withLocks([], locks);
}

/** Records a transaction entered by hand (with its splits, if any), and its audit entry. */
export async function createTransaction(
  db: Db,
  actor: LedgerActor,
  typed: TransactionInput,
): Promise<TransactionView> {
  const input = guardFreeText(typed);
  const fields: ClassifiedFields = {
    classification: input.classification ?? "unreviewed",
    payerId: input.payerId ?? null,
    categoryId: input.categoryId ?? null,
    method: input.method ?? null,
    sessionsCount: input.sessionsCount ?? null,
    processorFeeCents: input.processorFeeCents ?? null,
  };
  const splits = input.splits ?? [];
  const issues = classificationIssues(fields, splits.length);
  if (issues.length > 0) throw invalid(issues);
  if (splits.length > 0) requireBalancedSplits(input.amountCents, fields.classification, splits);

  return db.transaction(async (tx) => {
    await requireOpenYears(tx, actor.practiceId, [input.date]);
    const refs = splitReferences(splits);
    await requireReferences(tx, actor.practiceId, {
      accountIds: [input.accountId],
      payerIds: [...present(fields.payerId), ...refs.payerIds],
      categoryIds: [...present(fields.categoryId), ...refs.categoryIds],
    });
    const [row] = await tx
      .insert(transactions)
      .values({
        practiceId: actor.practiceId,
        accountId: input.accountId,
        date: input.date,
        amountCents: input.amountCents,
        description: input.description ?? "",
        memo: input.memo ?? null,
        vendor: input.vendor ?? null,
        ...fields,
        lockedFields: manualLocks(input, fields, splits.length > 0),
        source: "manual",
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error("transaction insert returned no row");
    const view = toTransactionView(row, await insertSplits(tx, actor.practiceId, row.id, splits));
    await recordAudit(tx, [
      {
        practiceId: actor.practiceId,
        transactionId: row.id,
        action: "create",
        origin: "user",
        changedBy: actor.userId,
        before: null,
        after: auditSnapshot(view),
      },
    ]);
    return view;
  });
}

/** Deletes a transaction and its splits; the audit entry keeps what it was. */
export async function deleteTransaction(db: Db, actor: LedgerActor, transactionId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await shareLockPractice(tx, actor.practiceId);
    const { row, splits } = await requireTransaction(tx, actor.practiceId, transactionId, {
      forUpdate: true,
    });
    await requireOpenYears(tx, actor.practiceId, [row.date]);
    await recordAudit(tx, [
      {
        practiceId: actor.practiceId,
        transactionId: row.id,
        action: "delete",
        origin: "user",
        changedBy: actor.userId,
        before: auditSnapshot(toTransactionView(row, splits)),
        after: null,
      },
    ]);
    await tx
      .delete(transactions)
      .where(and(eq(transactions.practiceId, actor.practiceId), eq(transactions.id, row.id)));
  });
}
