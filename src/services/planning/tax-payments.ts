import { and, asc, eq, gte, lt, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactions } from "../../db/schema/ledger.js";
import { estimatedTaxPayments, type TaxJurisdiction } from "../../db/schema/planning.js";
import { ApiError } from "../../http/errors.js";
import type { LedgerActor } from "../ledger/ledger-db.js";
import { defaultTaxYearOf } from "./tax-year.js";

/**
 * Estimated tax payments: those the Owner records in the planner (their own, personal) and those
 * the ledger already holds — transactions classified `estimated_tax`, money out of an account
 * (a negative amount; the payment is its opposite). A ledger payment cannot say whether it went
 * to the IRS or the state, so it counts as federal; a state payment is recorded by hand. A
 * ledger payment made in January counts toward the previous year (its fourth installment).
 */

export type PaymentSource = "recorded" | "ledger";

export type TaxPayment = {
  id: string;
  source: PaymentSource;
  taxYear: number;
  date: string;
  amountCents: number;
  jurisdiction: TaxJurisdiction;
  note: string | null;
};

export type PaymentInput = {
  date: string;
  amountCents: number;
  jurisdiction: TaxJurisdiction;
  taxYear?: number | undefined;
  note?: string | null | undefined;
};

/** The payments toward `year` (or every year), oldest first; recorded ones before ledger ones on a day. */
export async function listTaxPayments(db: Db, owner: LedgerActor, year?: number): Promise<TaxPayment[]> {
  const recorded = await db
    .select()
    .from(estimatedTaxPayments)
    .where(
      and(
        eq(estimatedTaxPayments.practiceId, owner.practiceId),
        eq(estimatedTaxPayments.userId, owner.userId),
        year === undefined ? undefined : eq(estimatedTaxPayments.year, year),
      ),
    )
    .orderBy(asc(estimatedTaxPayments.date), asc(estimatedTaxPayments.createdAt));
  // January belongs to the year before, so year Y's window runs from February 1 to January 31.
  const ledger = await db
    .select({
      id: transactions.id,
      date: transactions.date,
      amountCents: transactions.amountCents,
      description: transactions.description,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.practiceId, owner.practiceId),
        eq(transactions.classification, "estimated_tax"),
        lt(transactions.amountCents, 0),
        year === undefined ? undefined : gte(transactions.date, `${year}-02-01`),
        year === undefined ? undefined : lte(transactions.date, `${year + 1}-01-31`),
      ),
    )
    .orderBy(asc(transactions.date), asc(transactions.id));
  const payments: TaxPayment[] = [
    ...recorded.map((r) => ({
      id: r.id,
      source: "recorded" as const,
      taxYear: r.year,
      date: r.date,
      amountCents: r.amountCents,
      jurisdiction: r.jurisdiction,
      note: r.note,
    })),
    ...ledger.map((t) => ({
      id: t.id,
      source: "ledger" as const,
      taxYear: defaultTaxYearOf(t.date),
      date: t.date,
      amountCents: -t.amountCents,
      jurisdiction: "federal" as const,
      note: t.description || null,
    })),
  ];
  // A stable order: by date, then recorded before ledger (the sort is stable).
  return payments.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export async function recordTaxPayment(db: Db, owner: LedgerActor, input: PaymentInput): Promise<TaxPayment> {
  const [row] = await db
    .insert(estimatedTaxPayments)
    .values({
      practiceId: owner.practiceId,
      userId: owner.userId,
      year: input.taxYear ?? defaultTaxYearOf(input.date),
      date: input.date,
      amountCents: input.amountCents,
      jurisdiction: input.jurisdiction,
      note: input.note ?? null,
    })
    .returning();
  if (!row) throw new Error("estimated tax payment insert returned no row");
  return {
    id: row.id,
    source: "recorded",
    taxYear: row.year,
    date: row.date,
    amountCents: row.amountCents,
    jurisdiction: row.jurisdiction,
    note: row.note,
  };
}

/** Deletes a payment the Owner recorded; a ledger payment is changed in the ledger instead. */
export async function deleteTaxPayment(db: Db, owner: LedgerActor, paymentId: string): Promise<void> {
  const removed = await db
    .delete(estimatedTaxPayments)
    .where(
      and(
        eq(estimatedTaxPayments.id, paymentId),
        eq(estimatedTaxPayments.practiceId, owner.practiceId),
        eq(estimatedTaxPayments.userId, owner.userId),
      ),
    )
    .returning({ id: estimatedTaxPayments.id });
  if (removed.length === 0) {
    throw new ApiError(
      404,
      "not_found",
      "No such recorded payment. A payment found in the ledger is removed by reclassifying its transaction.",
    );
  }
}
