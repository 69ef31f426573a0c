import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactions } from "../../db/schema/ledger.js";
import { decodeCursor, encodeCursor } from "../ledger/transaction-list.js";
import { loadSplits, type TransactionView, toTransactionView } from "../ledger/transaction-views.js";

/**
 * The review inbox: every transaction no rule and no person has classified yet
 * (classification "unreviewed"), newest first like the ledger (the bank's latest rows are the
 * ones a person remembers), a page at a time by keyset cursor over the (practice,
 * classification, date) index, with what the whole inbox holds: how many and how much.
 */
export type InboxQuery = { accountId?: string | undefined; limit: number; cursor?: string | undefined };

export type InboxSummary = {
  count: number;
  /** The net of the amounts, by the ledger's sign convention. */
  sumCents: number;
  /** Money in (sum of positive amounts) and money out (sum of negative amounts, ≤ 0). */
  inCents: number;
  outCents: number;
};

export type InboxPage = { transactions: TransactionView[]; nextCursor: string | null; summary: InboxSummary };

export async function listInbox(db: Db, practiceId: string, query: InboxQuery): Promise<InboxPage> {
  const where: SQL[] = [
    eq(transactions.practiceId, practiceId),
    eq(transactions.classification, "unreviewed"),
  ];
  if (query.accountId) where.push(eq(transactions.accountId, query.accountId));
  const keyset: SQL[] = [];
  if (query.cursor) {
    const c = decodeCursor(query.cursor);
    keyset.push(sql`(${transactions.date}, ${transactions.id}) < (${c.date}::date, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(transactions)
    .where(and(...where, ...keyset))
    .orderBy(desc(transactions.date), desc(transactions.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const splits = await loadSplits(
    db,
    practiceId,
    page.map((r) => r.id),
  );
  const [totals] = await db
    .select({
      count: sql<number>`count(*)::int`,
      inCents: sql<string>`coalesce(sum(${transactions.amountCents}) filter (where ${transactions.amountCents} > 0), 0)::text`,
      outCents: sql<string>`coalesce(sum(${transactions.amountCents}) filter (where ${transactions.amountCents} < 0), 0)::text`,
    })
    .from(transactions)
    .where(and(...where));
  const inCents = Number(totals?.inCents ?? 0);
  const outCents = Number(totals?.outCents ?? 0);
  const last = page.at(-1);
  return {
    transactions: page.map((r) => toTransactionView(r, splits.get(r.id) ?? [])),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ date: last.date, id: last.id }) : null,
    summary: { count: totals?.count ?? 0, sumCents: inCents + outCents, inCents, outCents },
  };
}
