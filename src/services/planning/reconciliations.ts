import { and, desc, eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "../../db/client.js";
import { ledgerAccounts } from "../../db/schema/ledger.js";
import { reconciliations } from "../../db/schema/planning.js";
import { type Executor, type LedgerActor, notFoundIn } from "../ledger/ledger-db.js";

/**
 * Reconciling an account: a statement's ending balance on a date against the ledger's balance on
 * that date (the opening balance plus every transaction of the account dated on or before it),
 * both kept so the comparison can be shown later. The difference is statement − ledger: positive
 * when the bank shows more money than the ledger does.
 */

export type ReconciliationRow = typeof reconciliations.$inferSelect;

export type ActivityWindow = { transactionCount: number; netCents: number };

export type ReconciliationResult = {
  reconciliation: ReconciliationRow;
  /** What the ledger holds between the previous reconciliation's date (excluded) and this one's. */
  sincePrevious: (ActivityWindow & { previousStatementDate: string }) | null;
  /** Transactions dated after the statement date: not in the balance. */
  afterStatementDate: ActivityWindow;
};

type Window = { n: string | number; net: string | number | null };

async function activity(
  tx: Executor,
  practiceId: string,
  accountId: string,
  after: string | null,
  through: string | null,
) {
  const [row] = await queryRows<Window>(
    tx,
    sql`select count(*) as n, coalesce(sum(t.amount_cents), 0) as net from transactions t
        where t.practice_id = ${practiceId} and t.account_id = ${accountId}
          and (${after}::date is null or t.date > ${after}::date)
          and (${through}::date is null or t.date <= ${through}::date)`,
  );
  return { transactionCount: Number(row?.n ?? 0), netCents: Number(row?.net ?? 0) };
}

/** The ledger balance of the account on the date, in one SQL statement; 404 for another practice's account. */
async function ledgerBalanceOn(
  tx: Executor,
  practiceId: string,
  accountId: string,
  date: string,
): Promise<number> {
  const [row] = await queryRows<{ balance: string | number }>(
    tx,
    sql`select a.opening_balance_cents + coalesce(
          (select sum(t.amount_cents) from transactions t where t.account_id = a.id and t.date <= ${date}::date), 0
        ) as balance
        from ledger_accounts a where a.id = ${accountId} and a.practice_id = ${practiceId}`,
  );
  if (!row) throw notFoundIn("account");
  return Number(row.balance);
}

export async function reconcileAccount(
  db: Db,
  actor: LedgerActor,
  accountId: string,
  input: { statementDate: string; statementBalanceCents: number },
): Promise<ReconciliationResult> {
  return db.transaction(async (tx) => {
    const ledgerBalanceCents = await ledgerBalanceOn(tx, actor.practiceId, accountId, input.statementDate);
    const [previous] = await tx
      .select({ statementDate: reconciliations.statementDate })
      .from(reconciliations)
      .where(
        and(
          eq(reconciliations.practiceId, actor.practiceId),
          eq(reconciliations.accountId, accountId),
          sql`${reconciliations.statementDate} < ${input.statementDate}::date`,
        ),
      )
      .orderBy(desc(reconciliations.statementDate), desc(reconciliations.createdAt))
      .limit(1);
    const [reconciliation] = await tx
      .insert(reconciliations)
      .values({
        practiceId: actor.practiceId,
        accountId,
        statementDate: input.statementDate,
        statementBalanceCents: input.statementBalanceCents,
        ledgerBalanceCents,
        createdBy: actor.userId,
      })
      .returning();
    if (!reconciliation) throw new Error("reconciliation insert returned no row");
    return {
      reconciliation,
      sincePrevious: previous
        ? {
            previousStatementDate: previous.statementDate,
            ...(await activity(tx, actor.practiceId, accountId, previous.statementDate, input.statementDate)),
          }
        : null,
      afterStatementDate: await activity(tx, actor.practiceId, accountId, input.statementDate, null),
    };
  });
}

export type ReconciliationListItem = ReconciliationRow & {
  /** The ledger's balance on the statement date now: it differs when entries changed since. */
  currentLedgerBalanceCents: number;
};

/** The account's reconciliations, latest statement first, each with today's ledger balance on its date. */
export async function listReconciliations(
  db: Db,
  practiceId: string,
  accountId: string,
): Promise<ReconciliationListItem[]> {
  const [account] = await db
    .select({ id: ledgerAccounts.id, opening: ledgerAccounts.openingBalanceCents })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.practiceId, practiceId), eq(ledgerAccounts.id, accountId)));
  if (!account) throw notFoundIn("account");
  const rows = await db
    .select({
      reconciliation: reconciliations,
      transactionsSum: sql<string>`(select coalesce(sum(t.amount_cents), 0) from transactions t
        where t.practice_id = "reconciliations"."practice_id" and t.account_id = "reconciliations"."account_id"
          and t.date <= "reconciliations"."statement_date")`,
    })
    .from(reconciliations)
    .where(and(eq(reconciliations.practiceId, practiceId), eq(reconciliations.accountId, accountId)))
    .orderBy(desc(reconciliations.statementDate), desc(reconciliations.createdAt));
  return rows.map(({ reconciliation, transactionsSum }) => ({
    ...reconciliation,
    currentLedgerBalanceCents: account.opening + Number(transactionsSum),
  }));
}
