import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { mileageEntries } from "../../db/schema/planning.js";
import { type Executor, given, type LedgerActor, notFoundIn } from "../ledger/ledger-db.js";
import { requireOpenYearsFor } from "./open-years.js";

/**
 * The mileage log: trips in hundredths of a mile (the API speaks miles with at most two
 * decimals). Like transactions, a trip dated in a closed year cannot be added, changed or deleted:
 * it is part of that year's Schedule C line 9.
 */

export type MileageRow = typeof mileageEntries.$inferSelect;

export type MileageInput = {
  date: string;
  hundredthsOfMiles: number;
  purpose: string;
  fromPlace?: string | null | undefined;
  toPlace?: string | null | undefined;
};

export async function listMileage(db: Db, practiceId: string, year: number): Promise<MileageRow[]> {
  return db
    .select()
    .from(mileageEntries)
    .where(
      and(
        eq(mileageEntries.practiceId, practiceId),
        gte(mileageEntries.date, `${year}-01-01`),
        lte(mileageEntries.date, `${year}-12-31`),
      ),
    )
    .orderBy(desc(mileageEntries.date), asc(mileageEntries.createdAt), asc(mileageEntries.id));
}

const TRIPS = "trips dated in a closed year";

async function requireEntry(tx: Executor, practiceId: string, entryId: string): Promise<MileageRow> {
  const [row] = await tx
    .select()
    .from(mileageEntries)
    .where(and(eq(mileageEntries.practiceId, practiceId), eq(mileageEntries.id, entryId)));
  if (!row) throw notFoundIn("trip");
  return row;
}

export async function createMileageEntry(
  db: Db,
  actor: LedgerActor,
  input: MileageInput,
): Promise<MileageRow> {
  return db.transaction(async (tx) => {
    await requireOpenYearsFor(tx, actor.practiceId, [input.date], TRIPS);
    const [row] = await tx
      .insert(mileageEntries)
      .values({
        practiceId: actor.practiceId,
        date: input.date,
        hundredthsOfMiles: input.hundredthsOfMiles,
        purpose: input.purpose,
        fromPlace: input.fromPlace ?? null,
        toPlace: input.toPlace ?? null,
        createdBy: actor.userId,
      })
      .returning();
    if (!row) throw new Error("mileage insert returned no row");
    return row;
  });
}

export async function updateMileageEntry(
  db: Db,
  practiceId: string,
  entryId: string,
  patch: Partial<MileageInput>,
): Promise<MileageRow> {
  return db.transaction(async (tx) => {
    const current = await requireEntry(tx, practiceId, entryId);
    await requireOpenYearsFor(tx, practiceId, [current.date, ...(patch.date ? [patch.date] : [])], TRIPS);
    const set = given(patch);
    if (Object.keys(set).length === 0) return current;
    const [row] = await tx
      .update(mileageEntries)
      .set(set)
      .where(and(eq(mileageEntries.practiceId, practiceId), eq(mileageEntries.id, entryId)))
      .returning();
    if (!row) throw notFoundIn("trip");
    return row;
  });
}

export async function deleteMileageEntry(db: Db, practiceId: string, entryId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await requireEntry(tx, practiceId, entryId);
    await requireOpenYearsFor(tx, practiceId, [current.date], TRIPS);
    await tx
      .delete(mileageEntries)
      .where(and(eq(mileageEntries.practiceId, practiceId), eq(mileageEntries.id, entryId)));
  });
}
