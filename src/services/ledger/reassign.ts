import { and, eq, exists, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { rules } from "../../db/schema/imports.js";
import { categories, payers, transactionSplits, transactions } from "../../db/schema/ledger.js";
import { ApiError } from "../../http/errors.js";
import { findClosedYears, periodClosed } from "./closed-years.js";
import { type Executor, invalid, type LedgerActor, notFoundIn, shareLockPractice } from "./ledger-db.js";
import { requireReferences } from "./references.js";

type Kind = "payer" | "category";

const TARGETS = {
  payer: {
    table: payers,
    column: transactions.payerId,
    splitColumn: transactionSplits.payerId,
    field: "payerId",
  },
  category: {
    table: categories,
    column: transactions.categoryId,
    splitColumn: transactionSplits.categoryId,
    field: "categoryId",
  },
} as const;

/** The practice's transactions that name the payer or category, on themselves or in a split. */
function naming(kind: Kind, practiceId: string, id: string) {
  const t = TARGETS[kind];
  return and(
    eq(transactions.practiceId, practiceId),
    or(
      eq(t.column, id),
      exists(
        sql`(select 1 from ${transactionSplits} where ${transactionSplits.transactionId} = ${transactions.id}
             and ${t.splitColumn} = ${id})`,
      ),
    ),
  );
}

/** How many transactions name each payer or category (split parts included), by id. */
export async function countUsage(db: Executor, kind: Kind, practiceId: string): Promise<Map<string, number>> {
  const t = TARGETS[kind];
  const rows = await queryRows<{ id: string; n: number }>(
    db,
    sql`select used.id, count(distinct used.tid)::int as n from (
          select ${t.column} as id, ${transactions.id} as tid from ${transactions}
            where ${transactions.practiceId} = ${practiceId} and ${t.column} is not null
          union all
          select ${t.splitColumn} as id, ${transactionSplits.transactionId} as tid from ${transactionSplits}
            where ${transactionSplits.practiceId} = ${practiceId} and ${t.splitColumn} is not null
        ) as used group by used.id`,
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Deletes a payer or custom category. If transactions name it, they move to `reassignTo` in the
 * same database transaction, each move recorded in the audit trail, and so do the rules that
 * name it; without `reassignTo` the answer is 409 with the counts, so nothing is silently lost. Transactions in a closed year are
 * not moved (409): archive the payer or category instead.
 */
export async function deleteReassigning(
  db: Db,
  actor: LedgerActor,
  kind: Kind,
  id: string,
  reassignTo: string | undefined,
): Promise<{ reassigned: number }> {
  const t = TARGETS[kind];
  return db.transaction(async (tx) => {
    await shareLockPractice(tx, actor.practiceId);
    const [target] = await tx
      .select({ id: t.table.id })
      .from(t.table)
      .where(and(eq(t.table.practiceId, actor.practiceId), eq(t.table.id, id)))
      .for("update");
    if (!target) throw notFoundIn(kind);
    if (kind === "category") await refusePreset(tx, actor.practiceId, id);
    if (reassignTo === id) {
      throw invalid([
        { path: "reassignTo", message: `Choose a different ${kind} to move its transactions to.` },
      ]);
    }
    const where = naming(kind, actor.practiceId, id);
    const years = await tx
      .selectDistinct({ year: sql<number>`extract(year from ${transactions.date})::int` })
      .from(transactions)
      .where(where);
    const [counted] = await tx.select({ n: sql<number>`count(*)::int` }).from(transactions).where(where);
    const n = counted?.n ?? 0;
    const ruleCount = await countRulesNaming(tx, kind, actor.practiceId, id);
    if ((n > 0 || ruleCount > 0) && reassignTo === undefined) throw inUse(kind, n, ruleCount);
    if (reassignTo !== undefined) {
      await requireReferences(
        tx,
        actor.practiceId,
        kind === "payer" ? { payerIds: [reassignTo] } : { categoryIds: [reassignTo] },
      );
    }
    if (n > 0 && reassignTo !== undefined) {
      const closed = await findClosedYears(
        tx,
        actor.practiceId,
        years.map((y) => `${y.year}-01-01`),
      );
      if (closed.length > 0) throw periodClosed(closed);
      // One audit entry per moved transaction, written by the database in one statement.
      await tx.execute(sql`insert into transaction_audit
          (practice_id, transaction_id, transaction_ref, action, origin, changed_by, before, after)
        select ${transactions.practiceId}, ${transactions.id}, ${transactions.id}, 'update', 'user', ${actor.userId}::uuid,
          jsonb_build_object(${t.field}::text, ${id}::text), jsonb_build_object(${t.field}::text, ${reassignTo}::text)
        from ${transactions} where ${where}`);
      await tx.update(transactions).set({ updatedAt: new Date() }).where(where);
      await tx
        .update(transactionSplits)
        .set({ [t.field]: reassignTo })
        .where(and(eq(transactionSplits.practiceId, actor.practiceId), eq(t.splitColumn, id)));
      await tx
        .update(transactions)
        .set({ [t.field]: reassignTo })
        .where(and(eq(transactions.practiceId, actor.practiceId), eq(t.column, id)));
    }
    // Rules naming it follow its transactions (their foreign key's CASCADE is only a safety net).
    if (ruleCount > 0 && reassignTo !== undefined) {
      await tx
        .update(rules)
        .set({ [t.field]: reassignTo, updatedAt: new Date() })
        .where(and(eq(rules.practiceId, actor.practiceId), eq(RULE_COLUMN[kind], id)));
    }
    await tx.delete(t.table).where(and(eq(t.table.practiceId, actor.practiceId), eq(t.table.id, id)));
    return { reassigned: n };
  });
}

const RULE_COLUMN = { payer: rules.payerId, category: rules.categoryId } as const;

async function countRulesNaming(tx: Executor, kind: Kind, practiceId: string, id: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(rules)
    .where(and(eq(rules.practiceId, practiceId), eq(RULE_COLUMN[kind], id)));
  return row?.n ?? 0;
}

/** 409 with what still names the payer or category: nothing is lost silently. */
function inUse(kind: Kind, transactionCount: number, ruleCount: number): ApiError {
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? "" : "s"}`;
  const uses = [
    transactionCount > 0 ? plural(transactionCount, "transaction") : "",
    ruleCount > 0 ? plural(ruleCount, "rule") : "",
  ].filter(Boolean);
  return new ApiError(
    409,
    "in_use",
    `This ${kind} is used by ${uses.join(" and ")}. Choose where they go (reassignTo), or archive the ` +
      `${kind} instead.`,
    ruleCount > 0 ? { transactionCount, ruleCount } : { transactionCount },
  );
}

async function refusePreset(tx: Executor, practiceId: string, id: string): Promise<void> {
  const [row] = await tx
    .select({ presetKey: categories.presetKey })
    .from(categories)
    .where(and(eq(categories.practiceId, practiceId), eq(categories.id, id)));
  if (row?.presetKey) {
    throw new ApiError(409, "conflict", "A preset category can be renamed or archived, but not deleted.");
  }
}
