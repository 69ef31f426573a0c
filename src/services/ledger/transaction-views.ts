import { and, asc, eq, inArray } from "drizzle-orm";
import { transactionSplits, transactions } from "../../db/schema/ledger.js";
import { type Executor, notFoundIn } from "./ledger-db.js";

export type TransactionRow = typeof transactions.$inferSelect;
export type SplitRow = typeof transactionSplits.$inferSelect;

export type SplitView = {
  id: string;
  amountCents: number;
  payerId: string | null;
  categoryId: string | null;
  memo: string | null;
};

/** A transaction as the API shows it and the audit trail records it. */
export type TransactionView = Omit<TransactionRow, "practiceId" | "createdAt" | "updatedAt"> & {
  splits: SplitView[];
  createdAt: string;
  updatedAt: string;
};

export function toTransactionView(row: TransactionRow, splits: readonly SplitRow[]): TransactionView {
  const { practiceId: _practiceId, createdAt, updatedAt, ...rest } = row;
  return {
    ...rest,
    lockedFields: [...rest.lockedFields],
    splits: splits.map((s) => ({
      id: s.id,
      amountCents: s.amountCents,
      payerId: s.payerId,
      categoryId: s.categoryId,
      memo: s.memo,
    })),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

/** What the audit trail keeps of a transaction: its fields and splits, not its timestamps. */
export function auditSnapshot(view: TransactionView): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = view;
  return rest;
}

/** The splits of these transactions, in order, by transaction id. */
export async function loadSplits(
  tx: Executor,
  practiceId: string,
  transactionIds: string[],
): Promise<Map<string, SplitRow[]>> {
  const bySplit = new Map<string, SplitRow[]>();
  if (transactionIds.length === 0) return bySplit;
  const rows = await tx
    .select()
    .from(transactionSplits)
    .where(
      and(
        eq(transactionSplits.practiceId, practiceId),
        inArray(transactionSplits.transactionId, transactionIds),
      ),
    )
    .orderBy(asc(transactionSplits.transactionId), asc(transactionSplits.position));
  for (const row of rows) {
    const list = bySplit.get(row.transactionId) ?? [];
    list.push(row);
    bySplit.set(row.transactionId, list);
  }
  return bySplit;
}

/** One transaction of the practice, locked for update when asked (inside a transaction). */
export async function findTransaction(
  tx: Executor,
  practiceId: string,
  transactionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TransactionRow | undefined> {
  const query = tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.practiceId, practiceId), eq(transactions.id, transactionId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export async function requireTransaction(
  tx: Executor,
  practiceId: string,
  transactionId: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ row: TransactionRow; splits: SplitRow[] }> {
  const row = await findTransaction(tx, practiceId, transactionId, options);
  if (!row) throw notFoundIn("transaction");
  const splits = (await loadSplits(tx, practiceId, [row.id])).get(row.id) ?? [];
  return { row, splits };
}

export async function getTransaction(tx: Executor, practiceId: string, transactionId: string) {
  const { row, splits } = await requireTransaction(tx, practiceId, transactionId);
  return toTransactionView(row, splits);
}
