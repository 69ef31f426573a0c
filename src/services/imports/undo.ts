import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/client.js";
import { importBatches } from "../../db/schema/imports.js";
import { closedPeriods, transactionAudit, transactions } from "../../db/schema/ledger.js";
import { ApiError } from "../../http/errors.js";
import { recordAudit } from "../ledger/audit.js";
import { periodClosed } from "../ledger/closed-years.js";
import { type Executor, type LedgerActor, notFoundIn } from "../ledger/ledger-db.js";
import { auditSnapshot, toTransactionView } from "../ledger/transaction-views.js";
import { lockPracticeForImport } from "./commit.js";
import { auditUndoneRows, EDITED_BY_A_PERSON } from "./import-audit.js";

export type UndoResult = { batchId: string; removedCount: number; keptCount: number; unpairedCount: number };

type EditedRow = { id: string; date: string; amount_cents: string | number; description: string };

/** How many edited transactions the 409 lists by name; the count covers them all. */
const LISTED = 50;

/**
 * Undoes an import: removes exactly the transactions it added, in one database transaction, each
 * removal in the audit trail. If a person has changed any of them since (a locked field, an edit
 * or splits in its trail), nothing is removed and the answer (409) lists them; with
 * `keepEdited`, the unedited ones are removed and the edited ones stay. The other side of a
 * transfer it paired is unpaired, and becomes unreviewed again if the import had made it a
 * transfer. Closed years are left alone (409 period_closed).
 */
export async function undoImport(
  db: Db,
  actor: LedgerActor,
  input: { accountId: string; batchId: string; keepEdited: boolean },
): Promise<UndoResult> {
  const { practiceId, userId } = actor;
  return db.transaction(async (tx) => {
    await lockPracticeForImport(tx, practiceId);
    const [batch] = await tx
      .select({ id: importBatches.id, undoneAt: importBatches.undoneAt })
      .from(importBatches)
      .where(
        and(
          eq(importBatches.practiceId, practiceId),
          eq(importBatches.accountId, input.accountId),
          eq(importBatches.id, input.batchId),
        ),
      )
      .for("update");
    if (!batch) throw notFoundIn("import");
    if (batch.undoneAt !== null) throw new ApiError(409, "conflict", "This import has already been undone.");

    const edited = await editedRows(tx, practiceId, batch.id);
    if (edited.length > 0 && !input.keepEdited) throw editedConflict(edited);
    const onlyUnedited = sql`${input.keepEdited ? sql`and not ${EDITED_BY_A_PERSON}` : sql``}`;
    const years = await queryRows<{ year: number }>(
      tx,
      sql`select distinct extract(year from t.date)::int as year from ${transactions} t
          join ${closedPeriods} c on c.practice_id = t.practice_id and c.year = extract(year from t.date)::int
          where t.practice_id = ${practiceId}::uuid and t.import_batch_id = ${batch.id}::uuid ${onlyUnedited}
          order by year`,
    );
    if (years.length > 0) throw periodClosed(years.map((y) => y.year));

    const unpairedCount = await unpairOtherSides(tx, { practiceId, batchId: batch.id, userId, onlyUnedited });
    await auditUndoneRows(tx, { practiceId, batchId: batch.id, userId, onlyUnedited: input.keepEdited });
    const removed = await queryRows<{ id: string }>(
      tx,
      sql`delete from ${transactions} t
          where t.practice_id = ${practiceId}::uuid and t.import_batch_id = ${batch.id}::uuid ${onlyUnedited}
          returning t.id`,
    );
    await tx
      .update(importBatches)
      .set({ undoneAt: new Date(), undoneBy: userId })
      .where(eq(importBatches.id, batch.id));
    return { batchId: batch.id, removedCount: removed.length, keptCount: edited.length, unpairedCount };
  });
}

async function editedRows(tx: Executor, practiceId: string, batchId: string): Promise<EditedRow[]> {
  return queryRows<EditedRow>(
    tx,
    sql`select t.id, t.date::text as date, t.amount_cents, t.description from ${transactions} t
        where t.practice_id = ${practiceId}::uuid and t.import_batch_id = ${batchId}::uuid
          and ${EDITED_BY_A_PERSON}
        order by t.date, t.id`,
  );
}

function editedConflict(edited: EditedRow[]): ApiError {
  const n = edited.length;
  const listed = edited.slice(0, LISTED).map((row) => ({
    id: row.id,
    date: row.date,
    amountCents: Number(row.amount_cents),
    description: row.description,
  }));
  const named = listed
    .slice(0, 3)
    .map((row) => `${row.date} "${row.description}"`)
    .join(", ");
  return new ApiError(
    409,
    "conflict",
    `${n} transaction${n === 1 ? " from this import has" : "s from this import have"} been changed by hand since ` +
      `(${named}${n > 3 ? ", …" : ""}), so nothing was undone. Undo with keepEdited=true to remove only the others.`,
    { editedCount: n, edited: listed },
  );
}

/**
 * The other sides of the batch's transfers (rows of other accounts whose transfer_pair_id is one
 * of the rows being removed): unpaired, and back to unreviewed when the import's pairing had
 * made them a transfer and nobody has reclassified them since.
 */
async function unpairOtherSides(
  tx: Executor,
  input: { practiceId: string; batchId: string; userId: string; onlyUnedited: ReturnType<typeof sql> },
): Promise<number> {
  const others = await tx
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.practiceId, input.practiceId),
        sql`${transactions.transferPairId} in (select t.id from ${transactions} t
            where t.practice_id = ${input.practiceId}::uuid and t.import_batch_id = ${input.batchId}::uuid
            ${input.onlyUnedited})`,
      ),
    )
    .for("update");
  for (const other of others) {
    const wasMadeTransfer = await pairingMadeTransfer(tx, other.id, other.transferPairId ?? "");
    const restore =
      wasMadeTransfer &&
      other.classification === "transfer" &&
      !other.lockedFields.includes("classification");
    const [updated] = await tx
      .update(transactions)
      .set({
        transferPairId: null,
        ...(restore ? { classification: "unreviewed" as const } : {}),
        updatedAt: new Date(),
      })
      .where(eq(transactions.id, other.id))
      .returning();
    if (!updated) continue;
    await recordAudit(tx, [
      {
        practiceId: input.practiceId,
        transactionId: other.id,
        action: "update",
        origin: "rule",
        changedBy: input.userId,
        before: auditSnapshot(toTransactionView(other, [])),
        after: auditSnapshot(toTransactionView(updated, [])),
      },
    ]);
  }
  return others.length;
}

/**
 * Whether the pairing with `pairId` is what made this row a transfer: an import created it as a
 * transfer paired with that row, or a pairing turned it from unreviewed into one (the audit
 * entry that set the pair says which).
 */
async function pairingMadeTransfer(tx: Executor, transactionId: string, pairId: string): Promise<boolean> {
  const [entry] = await tx
    .select({
      action: transactionAudit.action,
      before: transactionAudit.before,
      after: transactionAudit.after,
    })
    .from(transactionAudit)
    .where(
      and(
        eq(transactionAudit.transactionId, transactionId),
        sql`(${transactionAudit.action} = 'create' or (${transactionAudit.action} = 'update' and ${transactionAudit.origin} = 'rule'))`,
        sql`${transactionAudit.after} ->> 'transferPairId' = ${pairId}`,
      ),
    )
    .orderBy(sql`${transactionAudit.id} desc`)
    .limit(1);
  if (!entry) return false;
  if (entry.action === "create") return entry.after?.source === "import";
  return entry.before?.classification === "unreviewed";
}
