import { and, desc, eq, exists, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactionSplits, transactions } from "../../db/schema/ledger.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { invalid } from "./ledger-db.js";
import { loadSplits, type TransactionView, toTransactionView } from "./transaction-views.js";

export type TransactionFilters = {
  from?: string | undefined;
  to?: string | undefined;
  accountId?: string | undefined;
  payerId?: string | undefined;
  categoryId?: string | undefined;
  classification?: Classification | undefined;
  /** Words to find in the description, memo or vendor. */
  q?: string | undefined;
  limit: number;
  /** Where the previous page stopped (its `nextCursor`). */
  cursor?: string | undefined;
};

type Cursor = { date: string; id: string };

const CURSOR_PATTERN = /^(\d{4}-\d{2}-\d{2})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.date}_${cursor.id}`).toString("base64url");
}

export function decodeCursor(text: string): Cursor {
  const match = CURSOR_PATTERN.exec(Buffer.from(text, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2])
    throw invalid([{ path: "cursor", message: "Not a cursor this list gave out." }]);
  return { date: match[1], id: match[2] };
}

/** `%`, `_` and `\` match themselves in the search, not as wildcards. */
function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function splitsNaming(
  column: typeof transactionSplits.payerId | typeof transactionSplits.categoryId,
  id: string,
) {
  return exists(
    sql`(select 1 from ${transactionSplits} where ${transactionSplits.transactionId} = ${transactions.id}
         and ${column} = ${id})`,
  );
}

/**
 * The practice's transactions, newest date first (ties by id), a page at a time by keyset
 * cursor, so a page deep in a long history costs the same as the first. A payer or category
 * filter also finds split transactions with a part naming it.
 */
export async function listTransactions(
  db: Db,
  practiceId: string,
  filters: TransactionFilters,
): Promise<{ transactions: TransactionView[]; nextCursor: string | null }> {
  const where: (SQL | undefined)[] = [eq(transactions.practiceId, practiceId)];
  if (filters.from) where.push(gte(transactions.date, filters.from));
  if (filters.to) where.push(lte(transactions.date, filters.to));
  if (filters.accountId) where.push(eq(transactions.accountId, filters.accountId));
  if (filters.classification) where.push(eq(transactions.classification, filters.classification));
  if (filters.payerId) {
    where.push(
      or(eq(transactions.payerId, filters.payerId), splitsNaming(transactionSplits.payerId, filters.payerId)),
    );
  }
  if (filters.categoryId) {
    where.push(
      or(
        eq(transactions.categoryId, filters.categoryId),
        splitsNaming(transactionSplits.categoryId, filters.categoryId),
      ),
    );
  }
  if (filters.q) {
    const pattern = containing(filters.q);
    where.push(
      or(
        ilike(transactions.description, pattern),
        ilike(transactions.memo, pattern),
        ilike(transactions.vendor, pattern),
      ),
    );
  }
  if (filters.cursor) {
    const c = decodeCursor(filters.cursor);
    where.push(sql`(${transactions.date}, ${transactions.id}) < (${c.date}::date, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(transactions)
    .where(and(...where))
    .orderBy(desc(transactions.date), desc(transactions.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  const splits = await loadSplits(
    db,
    practiceId,
    page.map((r) => r.id),
  );
  const last = page.at(-1);
  return {
    transactions: page.map((r) => toTransactionView(r, splits.get(r.id) ?? [])),
    nextCursor: rows.length > filters.limit && last ? encodeCursor({ date: last.date, id: last.id }) : null,
  };
}
