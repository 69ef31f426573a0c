import type { Db } from "../../db/client.js";
import type { StatementFormat } from "../../db/schema/imports.js";
import type { CsvMapping } from "../../domain/import/csv-mapping.js";
import type { ProposalSource } from "../../domain/import/proposal.js";
import { StatementError, type StatementProblem } from "../../domain/import/statement-error.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { sameFileImports } from "./batches.js";
import type { MappingSource } from "./csv-source.js";
import { loadClosedYears } from "./ledger-context.js";
import { LedgerWindow } from "./ledger-window.js";
import type { OfxStatementInfo } from "./ofx-source.js";
import { type ImportRequest, openImport } from "./open-import.js";
import {
  ImportPlanner,
  ImportTotals,
  type ImportTotalsView,
  type RowPlan,
  type RowStatus,
} from "./planner.js";
import { preparedBatches } from "./prepare.js";
import type { ProgressSink } from "./progress.js";
import { loadImportRules } from "./rules-loader.js";
import { guardedProblems } from "./statement-problems.js";

/** How many rows a preview lists; the totals always cover the whole file. */
export const PREVIEW_ROWS = 500;
const PREVIEW_BATCH_ROWS = 1000;

export type PreviewRow = {
  line: number;
  date: string;
  amountCents: number;
  description: string;
  redacted: boolean;
  bankId: string | null;
  status: RowStatus;
  duplicateReason: "bank_id" | "same_row" | null;
  duplicateOf: string | null;
  willImport: boolean;
  classification: Classification | null;
  payerId: string | null;
  categoryId: string | null;
  ruleId: string | null;
  proposedBy: ProposalSource;
  transferWith: { transactionId: string; accountId: string; date: string; description: string } | null;
  inClosedYear: boolean;
};

export type Preview = {
  accountId: string;
  fileName: string;
  fileSha256: string;
  size: number;
  format: StatementFormat;
  mapping: CsvMapping | null;
  mappingSource: MappingSource | null;
  notes: string[];
  columns: string[];
  sample: { line: number; cells: string[] }[];
  statement: OfxStatementInfo | null;
  /** Why the file cannot be imported as it is (fix the file or choose other columns); empty when it can. */
  problems: StatementProblem[];
  problemsTruncated: boolean;
  ready: boolean;
  rows: PreviewRow[];
  rowsOmitted: number;
  totals: ImportTotalsView;
  /** Earlier imports of this very file into the account that have not been undone. */
  sameFileImportedAt: string[];
};

function toPreviewRow(plan: RowPlan): PreviewRow {
  const { row, proposal, transfer } = plan;
  return {
    line: row.line,
    date: row.date,
    amountCents: row.amountCents,
    description: row.description,
    redacted: row.redacted,
    bankId: row.bankId ?? null,
    status: plan.status,
    duplicateReason: plan.duplicateReason,
    duplicateOf: plan.duplicateOf,
    willImport: plan.include,
    classification: proposal?.classification ?? null,
    payerId: proposal?.payerId ?? null,
    categoryId: proposal?.categoryId ?? null,
    ruleId: proposal?.ruleId ?? null,
    proposedBy: proposal?.source ?? null,
    transferWith: transfer
      ? {
          transactionId: transfer.id,
          accountId: transfer.accountId,
          date: transfer.date,
          description: transfer.description,
        }
      : null,
    inClosedYear: plan.inClosedYear,
  };
}

/**
 * What an import would do, without writing anything: the format and columns (for the mapping
 * screen), every row's fate (new, duplicate, probable duplicate; transfer, rule, estimated tax
 * or unreviewed) for the first PREVIEW_ROWS rows, and totals for the whole file. A file with bad
 * rows comes back with its problems (each naming its line) and `ready: false`.
 */
export async function previewImport(
  db: Db,
  practiceId: string,
  request: ImportRequest,
  progress: ProgressSink,
): Promise<Preview> {
  const { account, source } = await openImport(db, practiceId, request);
  const { upload } = request;
  const totals = new ImportTotals();
  const preview: Preview = {
    accountId: account.id,
    fileName: upload.fileName,
    fileSha256: upload.sha256,
    size: upload.size,
    format: source.format,
    mapping: source.mapping,
    mappingSource: source.mappingSource,
    notes: source.notes,
    columns: source.columns,
    sample: source.sample,
    statement: source.statement,
    problems: [],
    problemsTruncated: false,
    ready: false,
    rows: [],
    rowsOmitted: 0,
    totals: totals.toJSON(),
    sameFileImportedAt: (await sameFileImports(db, practiceId, account.id, upload.sha256)).map((b) =>
      b.createdAt.toISOString(),
    ),
  };
  const rows = source.rows;
  if (!rows) return preview;
  const closedYears = await loadClosedYears(db, practiceId);
  const rules = await loadImportRules(db, practiceId);
  const planner = new ImportPlanner({ accountId: account.id, rules, closedYears }, request.choices);
  const window = new LedgerWindow(
    db,
    { practiceId, accountId: account.id, closedYears, batchId: null },
    planner,
  );
  const shown: PreviewRow[] = [];
  progress({ phase: "dedupe", rows: 0, totalRows: null });
  try {
    for await (const batch of preparedBatches(rows(), PREVIEW_BATCH_ROWS)) {
      await window.cover(batch);
      for (const plan of planner.planBatch(batch)) {
        totals.add(plan);
        if (shown.length < PREVIEW_ROWS) shown.push(toPreviewRow(plan));
      }
      progress({ phase: "dedupe", rows: totals.rows, totalRows: null });
    }
  } catch (error) {
    if (!(error instanceof StatementError)) throw error;
    return { ...preview, problems: guardedProblems(error), problemsTruncated: error.truncated };
  }
  progress({ phase: "dedupe", rows: totals.rows, totalRows: totals.rows });
  return {
    ...preview,
    ready: true,
    rows: shown,
    rowsOmitted: totals.rows - shown.length,
    totals: totals.toJSON(),
  };
}
