/**
 * A practice with a large ledger, for the report benchmarks: an Owner, three accounts, twelve
 * payers, the preset chart of categories, N transactions (default 1,000,000) spread evenly over
 * ten years, split transactions, a mileage log and one year on actual car expenses. Rows are made
 * in the database by `INSERT … SELECT generate_series` in batches, never built in JavaScript, so
 * a million rows take a minute or two on PostgreSQL.
 *
 * The mix, by g mod 100 (g = the row number): 33% income (2% split across two payers, 10% card
 * payments with a processor fee, 1% recoupments), 46% expenses (2% split across two categories,
 * 1% refunds; a third of them on the credit card), and 21% the P&L leaves out: transfers, owner
 * draws and contributions, estimated tax, personal and unreviewed.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../src/db/client.js";
import { users } from "../src/db/schema/identity.js";
import { ledgerAccounts, payers } from "../src/db/schema/ledger.js";
import { vehicleMethods } from "../src/db/schema/planning.js";
import { practiceMembers, practices } from "../src/db/schema/practices.js";
import { addPresetCategories } from "../src/services/ledger/categories.js";

export type LedgerSeedOptions = {
  transactions: number;
  /** The last year with data; the ledger covers the ten years up to it. */
  lastYear: number;
  years?: number;
  batchSize?: number;
  progress?: (text: string) => void;
};

export type SeededPractice = {
  practiceId: string;
  ownerId: string;
  transactionRows: number;
  splitRows: number;
  mileageRows: number;
  seconds: number;
};

const PAYERS: [string, "insurance" | "private_pay" | "eap" | "other"][] = [
  ["Aetna", "insurance"],
  ["Blue Cross Blue Shield", "insurance"],
  ["Cigna", "insurance"],
  ["UnitedHealthcare", "insurance"],
  ["Optum", "insurance"],
  ["Medicare", "insurance"],
  ["Medicaid", "insurance"],
  ["Humana", "insurance"],
  ["Private pay", "private_pay"],
  ["Sliding scale", "private_pay"],
  ["ComPsych EAP", "eap"],
  ["Court-ordered evaluations", "other"],
];

async function ids(db: Db, query: ReturnType<typeof sql>): Promise<string> {
  const rows = await queryRows<{ id: string }>(db, query);
  return rows.map((r) => r.id).join(",");
}

/** Inserts the practice and its ledger; returns its ids and row counts. */
export async function seedLedgerPractice(db: Db, options: LedgerSeedOptions): Promise<SeededPractice> {
  const started = performance.now();
  const say = options.progress ?? (() => {});
  const years = options.years ?? 10;
  const n = options.transactions;
  const batch = options.batchSize ?? 100_000;
  const firstYear = options.lastYear - years + 1;
  const start = `${firstYear}-01-01`;
  const days = Math.round((Date.UTC(options.lastYear + 1, 0, 1) - Date.UTC(firstYear, 0, 1)) / 86_400_000);

  const [owner] = await db
    .insert(users)
    .values({ email: `bench.${randomBytes(4).toString("hex")}@example.com`, emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  const [practice] = await db
    .insert(practices)
    .values({ name: "Bench Counseling PLLC", timeZone: "America/Chicago" })
    .returning({ id: practices.id });
  if (!owner || !practice) throw new Error("the owner or the practice was not inserted");
  const practiceId = practice.id;
  await db.insert(practiceMembers).values({ practiceId, userId: owner.id, role: "owner" });
  await addPresetCategories(db, practiceId);
  const accounts = await db
    .insert(ledgerAccounts)
    .values([
      { practiceId, name: "Business checking", kind: "checking" as const, last4: "1234" },
      { practiceId, name: "Business card", kind: "credit_card" as const, last4: "9876" },
      { practiceId, name: "Tax savings", kind: "savings" as const },
    ])
    .returning({ id: ledgerAccounts.id });
  await db.insert(payers).values(PAYERS.map(([name, kind]) => ({ practiceId, name, kind })));
  const payerIds = await ids(db, sql`select id from payers where practice_id = ${practiceId} order by name`);
  const categoryIds = await ids(
    db,
    sql`select id from categories where practice_id = ${practiceId} order by name`,
  );
  const [checking, card, savings] = accounts.map((a) => a.id);

  for (let lo = 1; lo <= n; lo += batch) {
    const hi = Math.min(n, lo + batch - 1);
    await db.execute(sql`
      with lists as (
        select string_to_array(${payerIds}, ',')::uuid[] as payers,
               string_to_array(${categoryIds}, ',')::uuid[] as cats
      ), rows as (
        select g, g % 100 as k, (${start}::date + ((g::bigint * ${days}) / (${n}::bigint + 1))::int) as d,
               (1000 + (g::bigint * 7919) % 90001) as amt
        from generate_series(${lo}::int, ${hi}::int) g
      ), classified as (
        select r.*, case
            when k < 33 then 'income' when k < 79 then 'expense' when k < 85 then 'transfer'
            when k < 88 then 'owner_draw' when k < 90 then 'owner_contribution'
            when k < 92 then 'estimated_tax' when k < 95 then 'personal' else 'unreviewed' end as cls
        from rows r
      )
      insert into transactions (practice_id, account_id, date, amount_cents, description, classification,
                                payer_id, category_id, method, processor_fee_cents, source)
      select ${practiceId}, case when cls = 'expense' and g % 3 = 0 then ${card}::uuid
                                 when cls = 'transfer' and g % 2 = 0 then ${savings}::uuid
                                 else ${checking}::uuid end,
             d,
             case when cls = 'income' and k = 32 then -(amt / 4)
                  when cls = 'income' then amt * 3
                  when cls = 'expense' and k = 78 then amt / 3
                  when cls = 'expense' then -amt
                  when cls in ('owner_contribution') then amt * 5
                  when g % 2 = 0 then amt else -amt end,
             case when cls = 'income' then 'Deposit ' || g else 'Card purchase ' || g end,
             cls,
             case when cls = 'income' and k >= 2 then l.payers[1 + (g / 7) % array_length(l.payers, 1)] end,
             case when cls = 'expense' and k not in (33, 34) then l.cats[1 + (g / 3) % array_length(l.cats, 1)] end,
             case when cls = 'income' and k between 2 and 11 then 'card'
                  when cls = 'income' then 'insurance_payment' end,
             case when cls = 'income' and k between 2 and 11 then (amt * 3 * 29) / 1000 + 30 end,
             'import'
      from classified, lists l`);
    say(`transactions ${hi.toLocaleString("en-US")} / ${n.toLocaleString("en-US")}`);
  }

  // Income without a payer and expenses without a category are the split ones: two parts each.
  await db.execute(sql`
    with lists as (
      select string_to_array(${payerIds}, ',')::uuid[] as payers,
             string_to_array(${categoryIds}, ',')::uuid[] as cats
    )
    insert into transaction_splits (transaction_id, practice_id, position, amount_cents, payer_id, category_id)
    select t.id, t.practice_id, p.pos,
           case when p.pos = 0 then t.amount_cents - t.amount_cents / 2 else t.amount_cents / 2 end,
           case when t.classification = 'income'
                then l.payers[1 + (abs(hashtext(t.id::text)) + p.pos) % array_length(l.payers, 1)] end,
           case when t.classification = 'expense'
                then l.cats[1 + (abs(hashtext(t.id::text)) + p.pos * 5) % array_length(l.cats, 1)] end
    from transactions t
    cross join (values (0), (1)) as p(pos)
    cross join lists l
    where t.practice_id = ${practiceId}
      and ((t.classification = 'income' and t.payer_id is null)
        or (t.classification = 'expense' and t.category_id is null))`);
  say("splits");

  // About 250 business trips a year, and one year on actual car expenses.
  const trips = years * 250;
  await db.execute(sql`
    insert into mileage_entries (practice_id, date, hundredths_of_miles, purpose, from_place, to_place)
    select ${practiceId}, ${start}::date + ((g::bigint * ${days}) / (${trips}::bigint + 1))::int,
           500 + (g * 379) % 4000, 'Home visit', 'Office', 'Client home'
    from generate_series(1, ${trips}::int) g`);
  await db.insert(vehicleMethods).values({ practiceId, year: firstYear + 3, method: "actual_expenses" });
  await db.execute(sql`analyze transactions`);
  await db.execute(sql`analyze transaction_splits`);
  await db.execute(sql`analyze mileage_entries`);

  const [counts] = await queryRows<{ t: number; s: number; m: number }>(
    db,
    sql`select (select count(*) from transactions where practice_id = ${practiceId})::int as t,
               (select count(*) from transaction_splits where practice_id = ${practiceId})::int as s,
               (select count(*) from mileage_entries where practice_id = ${practiceId})::int as m`,
  );
  return {
    practiceId,
    ownerId: owner.id,
    transactionRows: counts?.t ?? 0,
    splitRows: counts?.s ?? 0,
    mileageRows: counts?.m ?? 0,
    seconds: (performance.now() - started) / 1000,
  };
}
