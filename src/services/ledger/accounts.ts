import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { ledgerAccounts, transactions } from "../../db/schema/ledger.js";
import type { AccountKind } from "../../domain/ledger/vocabulary.js";
import { ApiError } from "../../http/errors.js";
import { given, notFoundIn } from "./ledger-db.js";

export type AccountInput = {
  name: string;
  kind: AccountKind;
  last4?: string | null | undefined;
  openingBalanceCents?: number | undefined;
};
export type AccountPatch = Partial<AccountInput> & { archived?: boolean | undefined };

/**
 * The practice's accounts with their balance (opening balance plus every transaction, by the
 * sign convention) and how many transactions each holds.
 */
export async function listAccounts(db: Db, practiceId: string, options: { includeArchived: boolean }) {
  const totals = db
    .select({
      accountId: transactions.accountId,
      sumCents: sql<string>`sum(${transactions.amountCents})`.as("sum_cents"),
      n: count().as("n"),
    })
    .from(transactions)
    .where(eq(transactions.practiceId, practiceId))
    .groupBy(transactions.accountId)
    .as("totals");
  const rows = await db
    .select({ account: ledgerAccounts, sumCents: totals.sumCents, n: totals.n })
    .from(ledgerAccounts)
    .leftJoin(totals, eq(totals.accountId, ledgerAccounts.id))
    .where(
      and(
        eq(ledgerAccounts.practiceId, practiceId),
        options.includeArchived ? undefined : isNull(ledgerAccounts.archivedAt),
      ),
    )
    .orderBy(asc(ledgerAccounts.name), asc(ledgerAccounts.id));
  return rows.map(({ account, sumCents, n }) => ({
    ...account,
    // The sum arrives as numeric text; every amount is a safe integer, and so is any realistic sum.
    balanceCents: account.openingBalanceCents + Number(sumCents ?? 0),
    transactionCount: Number(n ?? 0),
  }));
}

export type AccountRow = typeof ledgerAccounts.$inferSelect;

export async function createAccount(db: Db, practiceId: string, input: AccountInput): Promise<AccountRow> {
  const [row] = await db
    .insert(ledgerAccounts)
    .values({
      practiceId,
      name: input.name,
      kind: input.kind,
      last4: input.last4 ?? null,
      openingBalanceCents: input.openingBalanceCents ?? 0,
    })
    .returning();
  if (!row) throw new Error("account insert returned no row");
  return row;
}

export async function updateAccount(
  db: Db,
  practiceId: string,
  accountId: string,
  patch: AccountPatch,
): Promise<AccountRow> {
  const { archived, ...fields } = patch;
  const set = {
    ...given(fields),
    ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
  };
  const where = and(eq(ledgerAccounts.practiceId, practiceId), eq(ledgerAccounts.id, accountId));
  const [row] =
    Object.keys(set).length === 0
      ? await db.select().from(ledgerAccounts).where(where)
      : await db.update(ledgerAccounts).set(set).where(where).returning();
  if (!row) throw notFoundIn("account");
  return row;
}

/** Deletes an account that holds no transactions; one that does is archived instead (409). */
export async function deleteAccount(db: Db, practiceId: string, accountId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: ledgerAccounts.id })
      .from(ledgerAccounts)
      .where(and(eq(ledgerAccounts.practiceId, practiceId), eq(ledgerAccounts.id, accountId)))
      .for("update");
    if (!account) throw notFoundIn("account");
    const [used] = await tx
      .select({ n: count() })
      .from(transactions)
      .where(and(eq(transactions.practiceId, practiceId), eq(transactions.accountId, accountId)));
    const n = used?.n ?? 0;
    if (n > 0) {
      throw new ApiError(
        409,
        "in_use",
        `This account holds ${n} transaction${n === 1 ? "" : "s"}. Archive it instead, so its history stays.`,
        { transactionCount: n },
      );
    }
    await tx
      .delete(ledgerAccounts)
      .where(and(eq(ledgerAccounts.practiceId, practiceId), eq(ledgerAccounts.id, accountId)));
  });
}
