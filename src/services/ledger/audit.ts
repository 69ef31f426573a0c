import { and, desc, eq, lt } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/identity.js";
import { transactionAudit } from "../../db/schema/ledger.js";
import type { AuditAction, AuditOrigin } from "../../domain/ledger/vocabulary.js";
import { type Executor, notFoundIn } from "./ledger-db.js";

export type AuditEntryInput = {
  practiceId: string;
  transactionId: string;
  action: AuditAction;
  origin: AuditOrigin;
  changedBy: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Writes audit entries in the same transaction as the change they record. */
export async function recordAudit(tx: Executor, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(transactionAudit).values(
    entries.map((e) => ({
      practiceId: e.practiceId,
      // A deleted transaction's entry keeps its id only in transaction_ref.
      transactionId: e.action === "delete" ? null : e.transactionId,
      transactionRef: e.transactionId,
      action: e.action,
      origin: e.origin,
      changedBy: e.changedBy,
      before: e.before,
      after: e.after,
    })),
  );
}

const auditColumns = {
  id: transactionAudit.id,
  transactionId: transactionAudit.transactionRef,
  action: transactionAudit.action,
  origin: transactionAudit.origin,
  changedBy: transactionAudit.changedBy,
  changedByEmail: users.email,
  before: transactionAudit.before,
  after: transactionAudit.after,
  createdAt: transactionAudit.createdAt,
};

/** The trail of one transaction (deleted ones too), newest first. */
export async function listTransactionAudit(db: Db, practiceId: string, transactionId: string) {
  const rows = await db
    .select(auditColumns)
    .from(transactionAudit)
    .leftJoin(users, eq(users.id, transactionAudit.changedBy))
    .where(
      and(eq(transactionAudit.practiceId, practiceId), eq(transactionAudit.transactionRef, transactionId)),
    )
    .orderBy(desc(transactionAudit.id));
  if (rows.length === 0) throw notFoundIn("transaction");
  return rows;
}

/** The practice's trail, newest first, a page at a time (`beforeId` continues a page). */
export async function listPracticeAudit(
  db: Db,
  practiceId: string,
  page: { limit: number; beforeId?: number | undefined },
) {
  const rows = await db
    .select(auditColumns)
    .from(transactionAudit)
    .leftJoin(users, eq(users.id, transactionAudit.changedBy))
    .where(
      and(
        eq(transactionAudit.practiceId, practiceId),
        page.beforeId === undefined ? undefined : lt(transactionAudit.id, page.beforeId),
      ),
    )
    .orderBy(desc(transactionAudit.id))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const entries = more ? rows.slice(0, page.limit) : rows;
  return { entries, nextBeforeId: more ? (entries.at(-1)?.id ?? null) : null };
}
