import { sql } from "drizzle-orm";
import { transactionAudit, transactions } from "../../db/schema/ledger.js";
import type { Executor } from "../ledger/ledger-db.js";

/**
 * A transaction's audit snapshot built by the database from the row `t`, with the keys and types
 * of transaction-views.ts's auditSnapshot (an imported row has no splits), so an import's
 * 100,000 audit entries are written by INSERT … SELECT rather than built one by one here.
 */
export const SNAPSHOT = sql`jsonb_build_object(
  'id', t.id, 'accountId', t.account_id, 'date', t.date, 'amountCents', t.amount_cents,
  'description', t.description, 'memo', t.memo, 'classification', t.classification,
  'payerId', t.payer_id, 'categoryId', t.category_id, 'method', t.method,
  'sessionsCount', t.sessions_count, 'processorFeeCents', t.processor_fee_cents, 'vendor', t.vendor,
  'lockedFields', to_jsonb(t.locked_fields), 'source', t.source, 'bankId', t.bank_id,
  'importBatchId', t.import_batch_id, 'transferPairId', t.transfer_pair_id, 'createdBy', t.created_by,
  'splits', '[]'::jsonb)`;

/**
 * A transaction of an import that a person has changed since: a field they locked by editing it,
 * or an entry in its trail by a person after its creation (an edit, new splits). Rules and
 * transfer pairing are automation, not edits. Reads the transactions row as `t`.
 */
export const EDITED_BY_A_PERSON = sql`(cardinality(t.locked_fields) > 0 or exists (
  select 1 from ${transactionAudit} a
  where a.transaction_id = t.id and a.origin = 'user' and a.action <> 'create'))`;

/** One "delete" entry per transaction an undo removes: all of the batch's, or only the unedited. */
export async function auditUndoneRows(
  tx: Executor,
  input: { practiceId: string; batchId: string; userId: string; onlyUnedited: boolean },
): Promise<void> {
  const unedited = input.onlyUnedited ? sql`and not ${EDITED_BY_A_PERSON}` : sql``;
  await tx.execute(sql`
    insert into ${transactionAudit}
      (practice_id, transaction_id, transaction_ref, action, origin, changed_by, before, after)
    select t.practice_id, null, t.id, 'delete', 'user', ${input.userId}::uuid, ${SNAPSHOT}, null
    from ${transactions} t
    where t.practice_id = ${input.practiceId}::uuid and t.import_batch_id = ${input.batchId}::uuid ${unedited}
    order by t.date, t.id`);
}
