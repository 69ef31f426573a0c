import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { transactionAudit, transactions } from "../../db/schema/ledger.js";
import { recordAudit } from "../ledger/audit.js";
import type { Executor } from "../ledger/ledger-db.js";
import { auditSnapshot, type TransactionRow, toTransactionView } from "../ledger/transaction-views.js";
import { SNAPSHOT } from "./import-audit.js";
import { pairable } from "./ledger-context.js";
import type { ImportPlanner, ImportTotals, RowPlan } from "./planner.js";

/** Rows per multi-row INSERT (and per step of reading and deciding the file). */
export const INSERT_BATCH_ROWS = 1000;

export type WriterContext = { practiceId: string; accountId: string; batchId: string; userId: string };

/**
 * Writes an import's rows in multi-row INSERTs, inside the commit's database transaction. Before
 * each INSERT, the other sides of its transfers are locked and checked again (a person may have
 * classified one since the plan was made); a pairing that no longer holds is dropped and the
 * row classified without it. A paired ledger row gets the new row's id and becomes a transfer,
 * recorded in its audit trail as an automated change (origin "rule").
 */
export class RowWriter {
  private chain: Promise<void> = Promise.resolve();
  written = 0;
  paired = 0;

  constructor(
    private readonly tx: Executor,
    private readonly context: WriterContext,
    private readonly planner: ImportPlanner,
    private readonly totals: ImportTotals,
  ) {}

  /**
   * Queues a batch after the ones before and returns at once, so the next batch of the file is
   * read and decided while the database writes this one (one connection: the writes stay in order).
   */
  write(plans: RowPlan[]): void {
    if (plans.length === 0) return;
    const next = this.chain.then(() => this.writeBatch(plans));
    // Handled here so a failure waits, unreported, for idle() to throw it.
    next.catch(() => {});
    this.chain = next;
  }

  /** Resolves when every queued batch is written; rejects with the first failure. */
  idle(): Promise<void> {
    return this.chain;
  }

  private async writeBatch(plans: RowPlan[]): Promise<void> {
    const others = await this.lockOtherSides(plans);
    const ids: string[] = [];
    const pairs: (string | null)[] = [];
    const columns = {
      dates: [] as string[],
      amounts: [] as number[],
      descriptions: [] as string[],
      classifications: [] as string[],
      payerIds: [] as (string | null)[],
      categoryIds: [] as (string | null)[],
      bankIds: [] as (string | null)[],
    };
    for (const plan of plans) {
      let { proposal, transfer } = plan;
      if (transfer && !others.has(transfer.id)) {
        proposal = this.planner.propose(plan.row, false);
        this.totals.reclassify("transfer", proposal.source);
        transfer = null;
      }
      ids.push(randomUUID());
      pairs.push(transfer?.id ?? null);
      columns.dates.push(plan.row.date);
      columns.amounts.push(plan.row.amountCents);
      columns.descriptions.push(plan.row.description);
      columns.classifications.push(proposal?.classification ?? "unreviewed");
      columns.payerIds.push(proposal?.payerId ?? null);
      columns.categoryIds.push(proposal?.categoryId ?? null);
      columns.bankIds.push(plan.row.bankId ?? null);
    }
    await this.insert(ids, pairs, columns);
    this.written += ids.length;
    for (const [i, pairId] of pairs.entries()) {
      const other = pairId === null ? undefined : others.get(pairId);
      const id = ids[i];
      if (other && id) await this.pair(other, id);
    }
  }

  /**
   * One statement for the whole batch: each column goes as one array parameter and `unnest` turns
   * them back into rows (1,000 rows, one statement of eleven parameters to build and parse), and
   * each new row's "create" audit entry, by the person importing, is written from what was inserted.
   */
  private async insert(
    ids: string[],
    pairs: (string | null)[],
    c: {
      dates: string[];
      amounts: number[];
      descriptions: string[];
      classifications: string[];
      payerIds: (string | null)[];
      categoryIds: (string | null)[];
      bankIds: (string | null)[];
    },
  ): Promise<void> {
    const { practiceId, accountId, batchId, userId } = this.context;
    await this.tx.execute(sql`
      with inserted as (
        insert into ${transactions} (id, practice_id, account_id, date, amount_cents, description, classification,
          payer_id, category_id, source, bank_id, import_batch_id, transfer_pair_id, created_by)
        select r.id, ${practiceId}::uuid, ${accountId}::uuid, r.date, r.amount_cents, r.description, r.classification,
          r.payer_id, r.category_id, 'import', r.bank_id, ${batchId}::uuid, r.transfer_pair_id, ${userId}::uuid
        from unnest(${sql.param(ids)}::uuid[], ${sql.param(c.dates)}::date[], ${sql.param(c.amounts)}::bigint[],
          ${sql.param(c.descriptions)}::text[], ${sql.param(c.classifications)}::text[], ${sql.param(c.payerIds)}::uuid[],
          ${sql.param(c.categoryIds)}::uuid[], ${sql.param(c.bankIds)}::text[], ${sql.param(pairs)}::uuid[])
          as r(id, date, amount_cents, description, classification, payer_id, category_id, bank_id, transfer_pair_id)
        returning *
      )
      insert into ${transactionAudit} (practice_id, transaction_id, transaction_ref, action, origin, changed_by, before, after)
      select t.practice_id, t.id, t.id, 'create', 'user', ${userId}::uuid, null, ${SNAPSHOT}
      from inserted t`);
  }

  /** The other sides of this batch's transfers that can still be paired, locked until commit. */
  private async lockOtherSides(plans: readonly RowPlan[]): Promise<Map<string, TransactionRow>> {
    const ids = plans.flatMap((plan) => (plan.transfer ? [plan.transfer.id] : []));
    if (ids.length === 0) return new Map();
    const rows = await this.tx
      .select()
      .from(transactions)
      .where(
        and(
          eq(transactions.practiceId, this.context.practiceId),
          inArray(transactions.id, ids),
          isNull(transactions.transferPairId),
          pairable(),
        ),
      )
      .for("update");
    return new Map(rows.map((row) => [row.id, row]));
  }

  private async pair(other: TransactionRow, newId: string): Promise<void> {
    const [updated] = await this.tx
      .update(transactions)
      .set({ transferPairId: newId, classification: "transfer", updatedAt: new Date() })
      .where(and(eq(transactions.practiceId, this.context.practiceId), eq(transactions.id, other.id)))
      .returning();
    if (!updated) throw new Error("a locked transfer counterpart vanished inside its transaction");
    this.paired += 1;
    await recordAudit(this.tx, [
      {
        practiceId: this.context.practiceId,
        transactionId: other.id,
        action: "update",
        origin: "rule",
        changedBy: this.context.userId,
        before: auditSnapshot(toTransactionView(other, [])),
        after: auditSnapshot(toTransactionView(updated, [])),
      },
    ]);
  }
}
