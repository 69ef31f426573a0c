import { and, asc, eq, gte, isNull, lte, ne, or, sql } from "drizzle-orm";
import { closedPeriods, ledgerAccounts, transactions } from "../../db/schema/ledger.js";
import type { ExistingRow } from "../../domain/import/duplicate-finder.js";
import { MATCH_WINDOW_DAYS, shiftDate } from "../../domain/import/row-matching.js";
import type { TransferCandidate } from "../../domain/import/transfer-matcher.js";
import { ApiError } from "../../http/errors.js";
import { type Executor, notFoundIn } from "../ledger/ledger-db.js";
import type { ImportAccount } from "./statement-source.js";

/** One of the practice's accounts, archived or not (404 when it is not the practice's). */
export async function requirePracticeAccount(
  db: Executor,
  practiceId: string,
  accountId: string,
): Promise<ImportAccount & { archived: boolean }> {
  const [row] = await db
    .select({
      id: ledgerAccounts.id,
      name: ledgerAccounts.name,
      kind: ledgerAccounts.kind,
      last4: ledgerAccounts.last4,
      archivedAt: ledgerAccounts.archivedAt,
    })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.practiceId, practiceId), eq(ledgerAccounts.id, accountId)));
  if (!row) throw notFoundIn("account");
  return { id: row.id, name: row.name, kind: row.kind, last4: row.last4, archived: row.archivedAt !== null };
}

/** The account an import writes to: the practice's own (404 otherwise) and not archived (409). */
export async function requireImportAccount(
  db: Executor,
  practiceId: string,
  accountId: string,
): Promise<ImportAccount> {
  const { archived, ...account } = await requirePracticeAccount(db, practiceId, accountId);
  if (archived) {
    throw new ApiError(
      409,
      "conflict",
      `"${account.name}" is archived: restore it before importing into it.`,
    );
  }
  return account;
}

export type DateRange = { from: string; to: string };

/** The first and last dates of some rows. */
export function dateRangeOf(rows: readonly { date: string }[]): DateRange {
  let from = rows[0]?.date ?? "";
  let to = from;
  for (const { date } of rows) {
    if (date < from) from = date;
    if (date > to) to = date;
  }
  return { from, to };
}

/** The range widened by the matching window on both sides. */
export function matchWindow(range: DateRange): DateRange {
  return { from: shiftDate(range.from, -MATCH_WINDOW_DAYS), to: shiftDate(range.to, MATCH_WINDOW_DAYS) };
}

/**
 * The account's rows dated in the range, oldest first: what duplicates are looked for in. The rows
 * an import is writing (`exceptBatchId`) are not the ledger it compares with.
 */
export async function loadExistingRows(
  tx: Executor,
  scope: { practiceId: string; accountId: string; exceptBatchId: string | null },
  range: DateRange,
): Promise<ExistingRow[]> {
  return tx
    .select({
      id: transactions.id,
      date: transactions.date,
      amountCents: transactions.amountCents,
      description: transactions.description,
      bankId: transactions.bankId,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.practiceId, scope.practiceId),
        eq(transactions.accountId, scope.accountId),
        gte(transactions.date, range.from),
        lte(transactions.date, range.to),
        scope.exceptBatchId === null
          ? undefined
          : or(isNull(transactions.importBatchId), ne(transactions.importBatchId, scope.exceptBatchId)),
      ),
    )
    .orderBy(asc(transactions.date), asc(transactions.id));
}

/**
 * Rows of the practice's other accounts dated in the range that a transfer could pair with: not
 * paired yet, and unreviewed (with the classification not locked by a person) or already a
 * transfer. Rows in closed years are left out: they cannot change.
 */
export async function loadTransferCandidates(
  tx: Executor,
  scope: { practiceId: string; accountId: string; closedYears: ReadonlySet<number> },
  range: DateRange,
): Promise<TransferCandidate[]> {
  const rows = await tx
    .select({
      id: transactions.id,
      accountId: transactions.accountId,
      date: transactions.date,
      amountCents: transactions.amountCents,
      description: transactions.description,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.practiceId, scope.practiceId),
        ne(transactions.accountId, scope.accountId),
        gte(transactions.date, range.from),
        lte(transactions.date, range.to),
        isNull(transactions.transferPairId),
        pairable(),
      ),
    )
    .orderBy(asc(transactions.date), asc(transactions.id));
  return rows.filter((row) => !scope.closedYears.has(Number(row.date.slice(0, 4))));
}

/** Unreviewed and free to reclassify, or already a transfer. */
export function pairable() {
  return or(
    eq(transactions.classification, "transfer"),
    and(
      eq(transactions.classification, "unreviewed"),
      sql`not ('classification' = any(${transactions.lockedFields}))`,
    ),
  );
}

export async function loadClosedYears(tx: Executor, practiceId: string): Promise<Set<number>> {
  const rows = await tx
    .select({ year: closedPeriods.year })
    .from(closedPeriods)
    .where(eq(closedPeriods.practiceId, practiceId));
  return new Set(rows.map((r) => r.year));
}
