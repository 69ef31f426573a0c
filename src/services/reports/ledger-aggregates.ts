/**
 * The ledger's sums for the reports, computed by grouped queries in the database, never by
 * loading transactions into JavaScript (JavaScript only adds up the two branches below, a few
 * dozen rows).
 *
 * Splits replace their parent's payer or category (decision 0011): a split transaction has its
 * own payer_id / category_id null, an unsplit one names its payer or category. Each sum has two
 * branches, both reading the range's rows of one class through
 * `transactions_practice_class_date_idx` (practice, classification, date):
 * - whole: every row of the class grouped by its payer or category; the group without one (the
 *   split transactions) is dropped, since the other branch counts it;
 * - split: the rows without a payer or category (a few percent, kept in a small MATERIALIZED
 *   CTE) joined to their parts, which are fetched in ONE index scan of `transaction_splits_position_key` (transaction_id, position)
 *   for the array of those rows' ids, rather than by hashing every split part the practice ever
 *   had or by a lookup per row; each part counts with its own amount and target. A row with
 *   neither parts nor target (its payer or category deleted under the SET NULL safety net)
 *   counts whole, with a null target.
 * The processor fee of split income is counted once, with the part at position 0.
 */
import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import type { ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import type { Classification, PayerKind } from "../../domain/ledger/vocabulary.js";
import { centsOf, type ReportExecutor, type ReportRange } from "./report-range.js";

export type PayerSum = {
  payerId: string | null;
  name: string | null;
  kind: PayerKind | null;
  /** Gross receipts from the payer: what reached the account plus the processor's fees. */
  grossCents: number;
  feesCents: number;
  /** The payer's negative parts (recoupments, chargebacks), as a positive number; already in gross. */
  returnsCents: number;
  /** Transactions naming the payer, split parts included (a split counts once per payer). */
  count: number;
  /** Transactions from the payer that carried a processor fee. */
  feeCount: number;
  /** Transactions counted here and nowhere else (unsplit, or split with their first part here). */
  firstPartCount: number;
};

export type CategorySum = {
  categoryId: string | null;
  name: string | null;
  line: ScheduleCLineCode | null;
  /** −sum(amount): what was spent, net of refunds. */
  spentCents: number;
  count: number;
  /** Transactions counted here and nowhere else (unsplit, or split with their first part here). */
  firstPartCount: number;
};

export type ClassSum = {
  classification: Classification;
  count: number;
  inflowCents: number;
  outflowCents: number;
};

function inRange(practiceId: string, classification: Classification, range: ReportRange): SQL {
  return sql`t.practice_id = ${practiceId} and t.classification = ${classification}
    and t.date >= ${range.from}::date and t.date <= ${range.to}::date`;
}

/** The range's rows of one class that name no payer or no category (`target`): the split ones. */
function splitRowsOf(
  practiceId: string,
  classification: Classification,
  range: ReportRange,
  target: SQL,
): SQL {
  return sql`r as materialized (
    select t.id, t.date, t.amount_cents, coalesce(t.processor_fee_cents, 0) as fee
    from transactions t
    where ${inRange(practiceId, classification, range)} and ${target} is null
  ), parts as (
    select s.id, s.transaction_id, s.position, s.amount_cents, s.payer_id, s.category_id
    from transaction_splits s
    where s.transaction_id = any (array(select r.id from r))
  )`;
}
const PAYER = sql`t.payer_id`;
const CATEGORY = sql`t.category_id`;
const joinParts = sql`left join parts s on s.transaction_id = r.id`;

/**
 * Adds up rows of the two branches that name the same key; the whole branch's row without a key
 * (the split transactions, counted by the split branch) is dropped.
 */
function merge<T extends object>(
  rows: (T & { split: boolean })[],
  key: (row: T) => string | null,
  add: (into: T, row: T) => void,
): T[] {
  const out = new Map<string, T>();
  for (const { split, ...fields } of rows) {
    const row = fields as unknown as T;
    if (!split && key(row) === null) continue;
    const found = out.get(key(row) ?? "");
    if (found) add(found, row);
    else out.set(key(row) ?? "", row);
  }
  return [...out.values()];
}

type PayerRow = {
  split: boolean;
  payer_id: string | null;
  gross: string;
  fees: string;
  negative: string;
  count: number;
  fee_count: number;
  first_count: number;
};

export async function sumIncomeByPayer(
  db: ReportExecutor,
  practiceId: string,
  range: ReportRange,
): Promise<PayerSum[]> {
  const fee = sql`coalesce(t.processor_fee_cents, 0)`;
  const partFee = sql`case when s.id is null or s.position = 0 then r.fee else 0 end`;
  const amount = sql`coalesce(s.amount_cents, r.amount_cents)`;
  const rows = await queryRows<PayerRow & { name: string | null; kind: PayerKind | null }>(
    db,
    sql`with ${splitRowsOf(practiceId, "income", range, PAYER)},
        sums as (
          select false as split, t.payer_id, sum(t.amount_cents + ${fee}) as gross, sum(${fee}) as fees,
                 sum(least(t.amount_cents, 0)) as negative, count(*) as count,
                 count(*) filter (where ${fee} > 0) as fee_count, count(*) as first_count
          from transactions t
          where ${inRange(practiceId, "income", range)}
          group by t.payer_id
          union all
          select true, s.payer_id, sum(${amount} + ${partFee}), sum(${partFee}), sum(least(${amount}, 0)),
                 count(distinct r.id), count(*) filter (where ${partFee} > 0),
                 count(*) filter (where s.id is null or s.position = 0)
          from r ${joinParts}
          group by s.payer_id
        )
        select x.split, x.payer_id, p.name, p.kind, x.gross::text as gross, x.fees::text as fees,
               x.negative::text as negative, x.count::int as count, x.fee_count::int as fee_count,
               x.first_count::int as first_count
        from sums x left join payers p on p.id = x.payer_id`,
  );
  return merge(
    rows.map((r) => ({
      split: r.split,
      payerId: r.payer_id,
      name: r.name,
      kind: r.kind,
      grossCents: centsOf(r.gross),
      feesCents: centsOf(r.fees),
      returnsCents: -centsOf(r.negative) || 0,
      count: Number(r.count),
      feeCount: Number(r.fee_count),
      firstPartCount: Number(r.first_count),
    })),
    (p) => p.payerId,
    (into, p) => {
      into.grossCents += p.grossCents;
      into.feesCents += p.feesCents;
      into.returnsCents += p.returnsCents;
      into.count += p.count;
      into.feeCount += p.feeCount;
      into.firstPartCount += p.firstPartCount;
    },
  );
}

/**
 * The expense pieces of the range as (date, category, amount) rows: whole rows with their
 * category (split ones come out with a null category, which the caller's join to categories
 * drops), and the parts of the split ones.
 */
function expensePieces(practiceId: string, range: ReportRange): SQL {
  return sql`
    select t.date, t.category_id, t.amount_cents
    from transactions t where ${inRange(practiceId, "expense", range)}
    union all
    select r.date, s.category_id, s.amount_cents
    from r join parts s on s.transaction_id = r.id`;
}

export async function sumExpensesByCategory(
  db: ReportExecutor,
  practiceId: string,
  range: ReportRange,
): Promise<CategorySum[]> {
  const amount = sql`coalesce(s.amount_cents, r.amount_cents)`;
  const rows = await queryRows<{
    split: boolean;
    category_id: string | null;
    name: string | null;
    line: ScheduleCLineCode | null;
    spent: string;
    count: number;
    first_count: number;
  }>(
    db,
    sql`with ${splitRowsOf(practiceId, "expense", range, CATEGORY)},
        sums as (
          select false as split, t.category_id, -sum(t.amount_cents) as spent, count(*) as count,
                 count(*) as first_count
          from transactions t
          where ${inRange(practiceId, "expense", range)}
          group by t.category_id
          union all
          select true, s.category_id, -sum(${amount}), count(distinct r.id),
                 count(*) filter (where s.id is null or s.position = 0)
          from r ${joinParts}
          group by s.category_id
        )
        select x.split, x.category_id, c.name, c.schedule_c_line as line, x.spent::text as spent,
               x.count::int as count, x.first_count::int as first_count
        from sums x left join categories c on c.id = x.category_id`,
  );
  return merge(
    rows.map((r) => ({
      split: r.split,
      categoryId: r.category_id,
      name: r.name,
      line: r.line,
      spentCents: centsOf(r.spent),
      count: Number(r.count),
      firstPartCount: Number(r.first_count),
    })),
    (c) => c.categoryId,
    (into, c) => {
      into.spentCents += c.spentCents;
      into.count += c.count;
      into.firstPartCount += c.firstPartCount;
    },
  );
}

/** Count, money in and money out of each class the P&L leaves out. */
export async function sumExcludedClasses(
  db: ReportExecutor,
  practiceId: string,
  range: ReportRange,
): Promise<ClassSum[]> {
  const rows = await queryRows<{
    classification: Classification;
    count: number;
    inflow: string;
    outflow: string;
  }>(
    db,
    sql`select t.classification, count(*)::int as count,
          coalesce(sum(greatest(t.amount_cents, 0)), 0)::text as inflow,
          coalesce(-sum(least(t.amount_cents, 0)), 0)::text as outflow
        from transactions t
        where t.practice_id = ${practiceId}
          and t.classification in ('transfer', 'owner_draw', 'owner_contribution', 'estimated_tax', 'personal', 'unreviewed')
          and t.date >= ${range.from}::date and t.date <= ${range.to}::date
        group by t.classification`,
  );
  return rows.map((r) => ({
    classification: r.classification,
    count: Number(r.count),
    inflowCents: centsOf(r.inflow),
    outflowCents: centsOf(r.outflow),
  }));
}

export type MonthIncome = { month: string; grossCents: number; feesCents: number };
export type MonthLineSpend = { month: string; line: ScheduleCLineCode; spentCents: number };

/** Gross receipts and fees by month (split parts add up to their parent, so no join is needed). */
export async function sumIncomeByMonth(
  db: ReportExecutor,
  practiceId: string,
  range: ReportRange,
): Promise<MonthIncome[]> {
  const rows = await queryRows<{ month: string; gross: string; fees: string }>(
    db,
    sql`select to_char(t.date, 'YYYY-MM') as month,
          sum(t.amount_cents + coalesce(t.processor_fee_cents, 0))::text as gross,
          sum(coalesce(t.processor_fee_cents, 0))::text as fees
        from transactions t
        where ${inRange(practiceId, "income", range)}
        group by 1`,
  );
  return rows.map((r) => ({ month: r.month, grossCents: centsOf(r.gross), feesCents: centsOf(r.fees) }));
}

/** What was spent by month and Schedule C line; expenses without a category are left out. */
export async function sumExpensesByMonthAndLine(
  db: ReportExecutor,
  practiceId: string,
  range: ReportRange,
): Promise<MonthLineSpend[]> {
  const rows = await queryRows<{ month: string; line: ScheduleCLineCode; spent: string }>(
    db,
    sql`with ${splitRowsOf(practiceId, "expense", range, CATEGORY)},
        sums as (
          select date_trunc('month', x.date) as month, x.category_id, -sum(x.amount_cents) as spent
          from (${expensePieces(practiceId, range)}) x
          group by 1, 2
        )
        select to_char(s.month, 'YYYY-MM') as month, c.schedule_c_line as line, sum(s.spent)::text as spent
        from sums s join categories c on c.id = s.category_id
        group by 1, 2`,
  );
  return rows.map((r) => ({ month: r.month, line: r.line, spentCents: centsOf(r.spent) }));
}
