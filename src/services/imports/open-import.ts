import type { Db } from "../../db/client.js";
import type { CsvMapping } from "../../domain/import/csv-mapping.js";
import { StatementError } from "../../domain/import/statement-error.js";
import { requireImportAccount } from "./ledger-context.js";
import { loadSavedMapping } from "./mapping-store.js";
import type { ImportChoices } from "./planner.js";
import { statementInvalid } from "./statement-problems.js";
import { type ImportAccount, openStatement, type StatementSource } from "./statement-source.js";
import type { Upload } from "./upload.js";

/** What preview and commit are given: the file, the account, the columns if chosen, the choices. */
export type ImportRequest = {
  accountId: string;
  upload: Upload;
  mapping: CsvMapping | null;
  choices: ImportChoices;
};

/** The account (404, 409 archived) and the opened file (422 statement_invalid if unreadable). */
export async function openImport(
  db: Db,
  practiceId: string,
  request: ImportRequest,
): Promise<{ account: ImportAccount; source: StatementSource }> {
  const account = await requireImportAccount(db, practiceId, request.accountId);
  const saved = await loadSavedMapping(db, practiceId, request.accountId);
  const source = await asInvalid(() =>
    openStatement(request.upload, { account, requested: request.mapping, saved }),
  );
  return { account, source };
}

/** Runs work that reads the statement; its StatementError becomes 422 statement_invalid. */
export async function asInvalid<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StatementError) throw statementInvalid(error);
    throw error;
  }
}
