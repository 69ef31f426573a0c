import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { payerRates, payers } from "../../db/schema/ledger.js";
import { type PayerNameWarning, payerNameWarning } from "../../domain/ledger/person-name.js";
import type { PayerKind } from "../../domain/ledger/vocabulary.js";
import { ApiError } from "../../http/errors.js";
import { isUniqueViolation } from "../auth/users.js";
import { type Executor, given, invalid, type LedgerActor, notFoundIn } from "./ledger-db.js";
import { countUsage, deleteReassigning } from "./reassign.js";

export type PayerRateInput = { serviceCode: string; rateCents: number };
export type PayerInput = { name: string; kind: PayerKind; rates?: PayerRateInput[] | undefined };
export type PayerPatch = {
  name?: string | undefined;
  kind?: PayerKind | undefined;
  archived?: boolean | undefined;
};

type PayerRow = typeof payers.$inferSelect;
export type PayerView = PayerRow & { rates: PayerRateInput[]; transactionCount: number };

function nameTaken(name: string): ApiError {
  return new ApiError(409, "conflict", `A payer named "${name}" already exists in this practice.`);
}

/** Unique-name races surface as a unique violation; answer them as the check would have. */
async function catchNameTaken<T>(name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(name);
    throw error;
  }
}

async function ratesOf(db: Executor, practiceId: string, payerIds: string[]) {
  const byPayer = new Map<string, PayerRateInput[]>();
  if (payerIds.length === 0) return byPayer;
  const rows = await db
    .select()
    .from(payerRates)
    .where(and(eq(payerRates.practiceId, practiceId), inArray(payerRates.payerId, payerIds)))
    .orderBy(asc(payerRates.serviceCode));
  for (const r of rows) {
    byPayer.set(r.payerId, [
      ...(byPayer.get(r.payerId) ?? []),
      { serviceCode: r.serviceCode, rateCents: r.rateCents },
    ]);
  }
  return byPayer;
}

export async function listPayers(db: Db, practiceId: string, options: { includeArchived: boolean }) {
  const rows = await db
    .select()
    .from(payers)
    .where(
      and(eq(payers.practiceId, practiceId), options.includeArchived ? undefined : isNull(payers.archivedAt)),
    )
    .orderBy(asc(payers.name), asc(payers.id));
  const rates = await ratesOf(
    db,
    practiceId,
    rows.map((r) => r.id),
  );
  const usage = await countUsage(db, "payer", practiceId);
  return rows.map((r) => ({ ...r, rates: rates.get(r.id) ?? [], transactionCount: usage.get(r.id) ?? 0 }));
}

async function requirePayerView(db: Executor, practiceId: string, payerId: string): Promise<PayerView> {
  const [row] = await db
    .select()
    .from(payers)
    .where(and(eq(payers.practiceId, practiceId), eq(payers.id, payerId)));
  if (!row) throw notFoundIn("payer");
  const rates = (await ratesOf(db, practiceId, [row.id])).get(row.id) ?? [];
  const usage = await countUsage(db, "payer", practiceId);
  return { ...row, rates, transactionCount: usage.get(row.id) ?? 0 };
}

function requireDistinctCodes(rates: readonly PayerRateInput[]): void {
  const seen = new Set<string>();
  rates.forEach((r, i) => {
    if (seen.has(r.serviceCode)) {
      throw invalid([{ path: `rates.${i}.serviceCode`, message: `${r.serviceCode} is listed twice.` }]);
    }
    seen.add(r.serviceCode);
  });
}

async function writeRates(
  tx: Executor,
  practiceId: string,
  payerId: string,
  rates: readonly PayerRateInput[],
) {
  await tx
    .delete(payerRates)
    .where(and(eq(payerRates.practiceId, practiceId), eq(payerRates.payerId, payerId)));
  if (rates.length > 0) {
    await tx.insert(payerRates).values(rates.map((r) => ({ ...r, practiceId, payerId })));
  }
}

/** A new payer; a name that looks like a person's comes back with a warning. */
export async function createPayer(
  db: Db,
  practiceId: string,
  input: PayerInput,
): Promise<{ payer: PayerView; warning: PayerNameWarning | null }> {
  requireDistinctCodes(input.rates ?? []);
  const payer = await catchNameTaken(input.name, () =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .insert(payers)
        .values({ practiceId, name: input.name, kind: input.kind })
        .returning();
      if (!row) throw new Error("payer insert returned no row");
      await writeRates(tx, practiceId, row.id, input.rates ?? []);
      return requirePayerView(tx, practiceId, row.id);
    }),
  );
  return { payer, warning: payerNameWarning(payer.name) };
}

export async function updatePayer(
  db: Db,
  practiceId: string,
  payerId: string,
  patch: PayerPatch,
): Promise<{ payer: PayerView; warning: PayerNameWarning | null }> {
  const { archived, ...fields } = patch;
  const set = {
    ...given(fields),
    ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
  };
  const where = and(eq(payers.practiceId, practiceId), eq(payers.id, payerId));
  if (Object.keys(set).length > 0) {
    const updated = await catchNameTaken(patch.name ?? "", () =>
      db.update(payers).set(set).where(where).returning(),
    );
    if (updated.length === 0) throw notFoundIn("payer");
  }
  const payer = await requirePayerView(db, practiceId, payerId);
  return { payer, warning: patch.name === undefined ? null : payerNameWarning(payer.name) };
}

/** Replaces the payer's contracted rates with this set, at once. */
export async function setPayerRates(
  db: Db,
  practiceId: string,
  payerId: string,
  rates: PayerRateInput[],
): Promise<PayerView> {
  requireDistinctCodes(rates);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: payers.id })
      .from(payers)
      .where(and(eq(payers.practiceId, practiceId), eq(payers.id, payerId)))
      .for("update");
    if (!row) throw notFoundIn("payer");
    await writeRates(tx, practiceId, payerId, rates);
    return requirePayerView(tx, practiceId, payerId);
  });
}

export async function deletePayer(db: Db, actor: LedgerActor, payerId: string, reassignTo?: string) {
  return deleteReassigning(db, actor, "payer", payerId, reassignTo);
}
