import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/identity.js";
import { importBatches, type StatementFormat } from "../../db/schema/imports.js";
import { ledgerAccounts } from "../../db/schema/ledger.js";
import type { Executor } from "../ledger/ledger-db.js";

/** An import as its history shows it: the file (name and hash only), what it added, who, when, undone. */
export type BatchView = {
  id: string;
  accountId: string;
  accountName: string;
  fileName: string;
  fileSha256: string;
  format: StatementFormat;
  rowCount: number;
  importedCount: number;
  duplicateCount: number;
  transferCount: number;
  ruleClassifiedCount: number;
  createdBy: string | null;
  createdByEmail: string | null;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
  undoneByEmail: string | null;
};

export type BatchCounts = {
  rowCount: number;
  importedCount: number;
  duplicateCount: number;
  transferCount: number;
  ruleClassifiedCount: number;
};

export async function insertBatch(
  tx: Executor,
  input: {
    id: string;
    practiceId: string;
    accountId: string;
    fileName: string;
    fileSha256: string;
    format: StatementFormat;
    userId: string;
  },
): Promise<void> {
  const { userId, ...rest } = input;
  await tx.insert(importBatches).values({
    ...rest,
    rowCount: 0,
    importedCount: 0,
    duplicateCount: 0,
    createdBy: userId,
  });
}

export async function finishBatch(tx: Executor, batchId: string, counts: BatchCounts): Promise<void> {
  await tx.update(importBatches).set(counts).where(eq(importBatches.id, batchId));
}

const undoer = alias(users, "undoer");

/** The practice's imports, newest first; one account's when `accountId` is given. */
export async function listBatches(
  db: Executor,
  practiceId: string,
  filter: { accountId?: string | undefined; batchId?: string | undefined; limit: number },
): Promise<BatchView[]> {
  const rows = await db
    .select({
      batch: importBatches,
      accountName: ledgerAccounts.name,
      createdByEmail: users.email,
      undoneByEmail: undoer.email,
    })
    .from(importBatches)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, importBatches.accountId))
    .leftJoin(users, eq(users.id, importBatches.createdBy))
    .leftJoin(undoer, eq(undoer.id, importBatches.undoneBy))
    .where(
      and(
        eq(importBatches.practiceId, practiceId),
        filter.accountId === undefined ? undefined : eq(importBatches.accountId, filter.accountId),
        filter.batchId === undefined ? undefined : eq(importBatches.id, filter.batchId),
      ),
    )
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(filter.limit);
  return rows.map(({ batch, accountName, createdByEmail, undoneByEmail }) => ({
    id: batch.id,
    accountId: batch.accountId,
    accountName,
    fileName: batch.fileName,
    fileSha256: batch.fileSha256,
    format: batch.format,
    rowCount: batch.rowCount,
    importedCount: batch.importedCount,
    duplicateCount: batch.duplicateCount,
    transferCount: batch.transferCount,
    ruleClassifiedCount: batch.ruleClassifiedCount,
    createdBy: batch.createdBy,
    createdByEmail,
    createdAt: batch.createdAt.toISOString(),
    undoneAt: batch.undoneAt?.toISOString() ?? null,
    undoneBy: batch.undoneBy,
    undoneByEmail,
  }));
}

export async function getBatch(db: Executor, practiceId: string, batchId: string): Promise<BatchView | null> {
  const [view] = await listBatches(db, practiceId, { batchId, limit: 1 });
  return view ?? null;
}

/** Earlier imports of the very same file into the account that are still in the ledger. */
export async function sameFileImports(db: Db, practiceId: string, accountId: string, sha256: string) {
  return db
    .select({ id: importBatches.id, createdAt: importBatches.createdAt })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.practiceId, practiceId),
        eq(importBatches.accountId, accountId),
        eq(importBatches.fileSha256, sha256),
        isNull(importBatches.undoneAt),
      ),
    )
    .orderBy(desc(importBatches.createdAt));
}
