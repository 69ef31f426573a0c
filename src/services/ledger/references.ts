import { and, eq, inArray } from "drizzle-orm";
import { categories, ledgerAccounts, payers } from "../../db/schema/ledger.js";
import { ApiError } from "../../http/errors.js";
import { type Executor, notFoundIn } from "./ledger-db.js";

/**
 * Checks that ids named in a request belong to the practice (another practice's id is 404, as
 * if it did not exist) and, when newly assigned, are not archived.
 */
type Table = typeof ledgerAccounts | typeof payers | typeof categories;

const WHAT = new Map<Table, string>([
  [ledgerAccounts, "account"],
  [payers, "payer"],
  [categories, "category"],
]);

async function requireAll(tx: Executor, table: Table, practiceId: string, ids: string[]): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const what = WHAT.get(table) ?? "item";
  const rows = await tx
    .select({ id: table.id, archivedAt: table.archivedAt })
    .from(table)
    .where(and(eq(table.practiceId, practiceId), inArray(table.id, wanted)));
  if (rows.length !== wanted.length) throw notFoundIn(what);
  if (rows.some((r) => r.archivedAt !== null)) {
    throw new ApiError(409, "conflict", `That ${what} is archived: restore it before using it again.`);
  }
}

export type References = { accountIds?: string[]; payerIds?: string[]; categoryIds?: string[] };

/** Requires every named account, payer and category to be the practice's own and active. */
export async function requireReferences(tx: Executor, practiceId: string, refs: References): Promise<void> {
  await requireAll(tx, ledgerAccounts, practiceId, refs.accountIds ?? []);
  await requireAll(tx, payers, practiceId, refs.payerIds ?? []);
  await requireAll(tx, categories, practiceId, refs.categoryIds ?? []);
}

export const present = (...ids: (string | null | undefined)[]): string[] =>
  ids.filter((id): id is string => typeof id === "string");
