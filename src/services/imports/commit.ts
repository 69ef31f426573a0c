import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { practices } from "../../db/schema/practices.js";
import { periodClosed } from "../ledger/closed-years.js";
import type { Executor, LedgerActor } from "../ledger/ledger-db.js";
import { type BatchView, finishBatch, getBatch, insertBatch } from "./batches.js";
import { loadClosedYears, requireImportAccount } from "./ledger-context.js";
import { LedgerWindow } from "./ledger-window.js";
import { saveMapping } from "./mapping-store.js";
import { asInvalid, type ImportRequest, openImport } from "./open-import.js";
import { ImportPlanner, ImportTotals, type ImportTotalsView, type RowPlan } from "./planner.js";
import { preparedBatches } from "./prepare.js";
import type { ProgressSink } from "./progress.js";
import { INSERT_BATCH_ROWS, RowWriter } from "./row-writer.js";
import { loadImportRules } from "./rules-loader.js";
import { mappingNeeded } from "./statement-problems.js";

export type CommitResult = { batch: BatchView; totals: ImportTotalsView; mappingSaved: boolean };

/**
 * Serialises imports and undos within a practice (and a year's closing, which takes FOR UPDATE),
 * without holding up ordinary edits, which take KEY SHARE (ledger-db.ts). Two uploads of the same
 * file at once therefore add its rows once: the second sees the first's rows as duplicates.
 */
export async function lockPracticeForImport(tx: Executor, practiceId: string): Promise<void> {
  await tx
    .select({ id: practices.id })
    .from(practices)
    .where(eq(practices.id, practiceId))
    .for("no key update");
}

/**
 * Imports a statement, all or nothing, in ONE database transaction: the batch record (file name,
 * SHA-256, counts, who, when), every new row in multi-row INSERTs with its audit entry, the
 * transfer pairings, and the remembered CSV mapping. The file is read once, streamed: each batch
 * of rows is decided against the ledger around its dates and written while the next is read. A
 * bad row anywhere answers 422 naming its line, a row to import in a closed year 409
 * period_closed naming the year; either way everything written is rolled back.
 */
export async function commitImport(
  db: Db,
  actor: LedgerActor,
  request: ImportRequest,
  progress: ProgressSink,
  options: { batchRows?: number } = {},
): Promise<CommitResult> {
  const { practiceId, userId } = actor;
  const { source } = await openImport(db, practiceId, request);
  const rows = source.rows;
  if (!rows) throw mappingNeeded(source.notes);
  const batchId = randomUUID();
  const totals = new ImportTotals();
  const outcome = await db.transaction(async (tx) => {
    await lockPracticeForImport(tx, practiceId);
    const account = await requireImportAccount(tx, practiceId, request.accountId);
    const closedYears = await loadClosedYears(tx, practiceId);
    const rules = await loadImportRules(tx, practiceId);
    const planner = new ImportPlanner({ accountId: account.id, rules, closedYears }, request.choices);
    const window = new LedgerWindow(tx, { practiceId, accountId: account.id, closedYears, batchId }, planner);
    await insertBatch(tx, {
      id: batchId,
      practiceId,
      accountId: account.id,
      fileName: request.upload.fileName,
      fileSha256: request.upload.sha256,
      format: source.format,
      userId,
    });
    const writer = new RowWriter(tx, { practiceId, accountId: account.id, batchId, userId }, planner, totals);
    progress({ phase: "insert", rows: 0, totalRows: null });
    await asInvalid(async () => {
      try {
        for await (const batch of preparedBatches(rows(), options.batchRows ?? INSERT_BATCH_ROWS)) {
          // The connection is free once the previous batch is written; the window needs it.
          await writer.idle();
          await window.cover(batch);
          const writable: RowPlan[] = [];
          for (const plan of planner.planBatch(batch)) {
            totals.add(plan);
            // Once a row falls in a closed year the file is refused: the rest is only read, to name every year.
            if (plan.include && totals.closedYears.size === 0) writable.push(plan);
          }
          writer.write(writable);
          progress({ phase: "insert", rows: totals.rows, totalRows: null });
        }
      } catch (error) {
        await writer.idle().catch(() => {});
        throw error;
      }
    });
    await writer.idle();
    if (totals.closedYears.size > 0) throw periodClosed([...totals.closedYears].sort());
    progress({ phase: "insert", rows: totals.rows, totalRows: totals.rows });
    await finishBatch(tx, batchId, {
      rowCount: totals.rows,
      importedCount: writer.written,
      duplicateCount: totals.rows - writer.written,
      transferCount: totals.transfers,
      ruleClassifiedCount: totals.ruleClassified,
    });
    const mapping = source.format === "csv" ? source.mapping : null;
    if (mapping) await saveMapping(tx, { practiceId, accountId: account.id, userId, mapping });
    return { mappingSaved: mapping !== null };
  });
  const batch = await getBatch(db, practiceId, batchId);
  if (!batch) throw new Error("the import's batch vanished after its commit");
  return { batch, totals: totals.toJSON(), mappingSaved: outcome.mappingSaved };
}
