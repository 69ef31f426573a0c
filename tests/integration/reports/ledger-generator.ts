/**
 * Random ledgers for the report tests: a fast-check arbitrary of transactions (income with payers,
 * fees and splits across payers; expenses on every Schedule C line, refunds and splits across
 * categories; transfers, owner draws and contributions, estimated tax, personal and unreviewed
 * rows the P&L must leave out), mileage trips and vehicle methods, inserted straight into the
 * database. Dates run from November 2024 to February 2026, across two year boundaries.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { Db } from "../../../src/db/client.js";
import { transactionSplits, transactions } from "../../../src/db/schema/ledger.js";
import { mileageEntries, vehicleMethods } from "../../../src/db/schema/planning.js";

export type GenPart = { amountCents: number; target: number };
export type GenTransaction = {
  date: string;
  classification: string;
  amountCents: number;
  /** Index into the payers (income) or categories (expense); null when split or neither. */
  target: number | null;
  feeCents: number | null;
  parts: GenPart[];
};
export type GenTrip = { date: string; hundredths: number };
export type GenLedger = {
  transactions: GenTransaction[];
  trips: GenTrip[];
  methods: { year: number; method: "standard_mileage" | "actual_expenses" }[];
};

/** Payers and categories the generated rows point at, by index. */
export type Targets = {
  accountId: string;
  payers: { id: string; name: string; kind: string }[];
  categories: { id: string; name: string; line: string }[];
};

const FIRST_DAY = Date.UTC(2024, 10, 1);
const DAYS = 485; // to the end of February 2026

export const dateArb = fc
  .integer({ min: 0, max: DAYS - 1 })
  .map((d) => new Date(FIRST_DAY + d * 86_400_000).toISOString().slice(0, 10));

const money = fc.integer({ min: 1, max: 500_000 });

function withSum(parts: GenPart[]): number {
  return parts.reduce((sum, p) => sum + p.amountCents, 0);
}

function incomeArb(payerCount: number) {
  const payer = fc.integer({ min: 0, max: payerCount - 1 });
  const fee = fc.option(fc.integer({ min: 0, max: 3_000 }), { nil: null });
  const whole = fc.record({
    date: dateArb,
    classification: fc.constant("income"),
    // Mostly payments; now and then a recoupment (negative income).
    amountCents: fc.oneof({ arbitrary: money, weight: 6 }, { arbitrary: money.map((m) => -m), weight: 1 }),
    // Now and then no payer and no parts: a payer deleted under the SET NULL safety net.
    target: fc.option(payer, { nil: null, freq: 25 }),
    feeCents: fee,
    parts: fc.constant<GenPart[]>([]),
  });
  const split = fc
    .record({
      date: dateArb,
      parts: fc.array(
        fc.record({
          amountCents: fc.oneof(
            { arbitrary: money, weight: 4 },
            { arbitrary: money.map((m) => -m), weight: 1 },
          ),
          target: payer,
        }),
        { minLength: 2, maxLength: 4 },
      ),
      feeCents: fee,
    })
    .filter((s) => withSum(s.parts) !== 0)
    .map((s) => ({
      date: s.date,
      classification: "income",
      amountCents: withSum(s.parts),
      target: null,
      feeCents: s.feeCents,
      parts: s.parts,
    }));
  return fc.oneof({ arbitrary: whole, weight: 3 }, { arbitrary: split, weight: 1 });
}

function expenseArb(categoryCount: number) {
  const category = fc.integer({ min: 0, max: categoryCount - 1 });
  // Mostly money out; now and then a refund (positive expense).
  const amount = fc.oneof({ arbitrary: money.map((m) => -m), weight: 5 }, { arbitrary: money, weight: 1 });
  const whole = fc.record({
    date: dateArb,
    classification: fc.constant("expense"),
    amountCents: amount,
    target: fc.option(category, { nil: null, freq: 25 }),
    feeCents: fc.constant(null),
    parts: fc.constant<GenPart[]>([]),
  });
  const split = fc
    .record({
      date: dateArb,
      parts: fc.array(fc.record({ amountCents: amount, target: category }), { minLength: 2, maxLength: 4 }),
    })
    .filter((s) => withSum(s.parts) !== 0)
    .map((s) => ({
      date: s.date,
      classification: "expense",
      amountCents: withSum(s.parts),
      target: null,
      feeCents: null,
      parts: s.parts,
    }));
  return fc.oneof({ arbitrary: whole, weight: 3 }, { arbitrary: split, weight: 1 });
}

const otherArb = fc.record({
  date: dateArb,
  classification: fc.constantFrom(
    "transfer",
    "owner_draw",
    "owner_contribution",
    "estimated_tax",
    "personal",
    "unreviewed",
  ),
  amountCents: fc.integer({ min: -500_000, max: 500_000 }),
  target: fc.constant(null),
  feeCents: fc.constant(null),
  parts: fc.constant<GenPart[]>([]),
});

export function ledgerArb(payerCount: number, categoryCount: number): fc.Arbitrary<GenLedger> {
  return fc.record({
    transactions: fc.array(
      fc.oneof(
        { arbitrary: incomeArb(payerCount), weight: 3 },
        { arbitrary: expenseArb(categoryCount), weight: 4 },
        { arbitrary: otherArb, weight: 2 },
      ),
      { minLength: 20, maxLength: 120 },
    ),
    trips: fc.array(fc.record({ date: dateArb, hundredths: fc.integer({ min: 1, max: 30_000 }) }), {
      minLength: 1,
      maxLength: 12,
    }),
    methods: fc.uniqueArray(
      fc.record({
        year: fc.constantFrom(2024, 2025, 2026),
        method: fc.constantFrom("standard_mileage" as const, "actual_expenses" as const),
      }),
      { selector: (m) => m.year, maxLength: 3 },
    ),
  });
}

/** Replaces the practice's transactions, trips and vehicle methods with the generated ones. */
export async function insertLedger(db: Db, practiceId: string, targets: Targets, ledger: GenLedger) {
  await db.delete(transactions).where(eq(transactions.practiceId, practiceId));
  await db.delete(mileageEntries).where(eq(mileageEntries.practiceId, practiceId));
  await db.delete(vehicleMethods).where(eq(vehicleMethods.practiceId, practiceId));
  const rows = ledger.transactions.map((g) => ({ id: randomUUID(), g }));
  const pick = <T extends { id: string }>(list: T[], i: number | null) =>
    i === null ? null : (list[i]?.id ?? null);
  if (rows.length > 0) {
    await db.insert(transactions).values(
      rows.map(({ id, g }) => ({
        id,
        practiceId,
        accountId: targets.accountId,
        date: g.date,
        amountCents: g.amountCents,
        classification: g.classification as "income",
        payerId: g.classification === "income" ? pick(targets.payers, g.target) : null,
        categoryId: g.classification === "expense" ? pick(targets.categories, g.target) : null,
        processorFeeCents: g.classification === "income" ? g.feeCents : null,
      })),
    );
    const parts = rows.flatMap(({ id, g }) =>
      g.parts.map((p, position) => ({
        transactionId: id,
        practiceId,
        position,
        amountCents: p.amountCents,
        payerId: g.classification === "income" ? pick(targets.payers, p.target) : null,
        categoryId: g.classification === "expense" ? pick(targets.categories, p.target) : null,
      })),
    );
    if (parts.length > 0) await db.insert(transactionSplits).values(parts);
  }
  if (ledger.trips.length > 0) {
    await db.insert(mileageEntries).values(
      ledger.trips.map((trip) => ({
        practiceId,
        date: trip.date,
        hundredthsOfMiles: trip.hundredths,
        purpose: "Home visit",
      })),
    );
  }
  if (ledger.methods.length > 0) {
    await db.insert(vehicleMethods).values(ledger.methods.map((m) => ({ practiceId, ...m })));
  }
}
