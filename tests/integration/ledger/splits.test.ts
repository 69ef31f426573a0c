// Splits always sum to the parent to the cent. The property test throws random split sets at
// the API: only exact sums are accepted, and a refused set leaves nothing half-written.
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { transactionSplits } from "../../../src/db/schema/ledger.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  expense,
  income,
  type LedgerFixture,
  patch,
  record,
  type Transaction,
} from "./ledger-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const splitsPath = (id: string) => `${f.base}/transactions/${id}/splits`;
const put = (id: string, body: unknown) => f.user.client.send("PUT", splitsPath(id), body);
async function get(id: string): Promise<Transaction> {
  return (
    await expectJson<{ transaction: Transaction }>(
      await f.user.client.get(`${f.base}/transactions/${id}`),
      200,
    )
  ).transaction;
}

const part = fc.record({
  amountCents: fc.integer({ min: -50_000, max: 50_000 }),
  payer: fc.constantFrom(0 as const, 1 as const),
});

/**
 * A split request: with or without a new amount; its parts either aim at the amount the request
 * will have (exactly, or a cent off) or are any parts at all.
 */
const splitRequest = fc.record({
  newAmount: fc.option(fc.integer({ min: -60_000, max: 60_000 }), { nil: undefined }),
  head: fc.array(part, { minLength: 0, maxLength: 4 }),
  miss: fc.constantFrom(0, 0, 0, 1, -1),
  anything: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.array(part, { maxLength: 5 }), weight: 1 },
  ),
});

describe("splits", () => {
  it("property: a split set is accepted exactly when it is valid and sums to the amount; a refusal changes nothing", async () => {
    const tx = await record(f.user, f, income(f, 30_000));
    const payerIds = [f.aetnaId, f.privatePayId];
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(splitRequest, async ({ newAmount, head, miss, anything }) => {
        const before = await get(tx.id);
        const amountCents = newAmount ?? before.amountCents;
        const rest = amountCents - head.reduce((sum, p) => sum + p.amountCents, 0) + miss;
        const parts = anything ?? [...head, { amountCents: rest, payer: 1 as const }];
        const splits = parts.map((p) => ({ amountCents: p.amountCents, payerId: payerIds[p.payer] }));
        const valid =
          splits.length >= 2 &&
          splits.every((p) => p.amountCents !== 0 && Math.abs(p.amountCents) <= 100_000_000_000) &&
          splits.reduce((sum, p) => sum + p.amountCents, 0) === amountCents;
        const res = await put(
          tx.id,
          newAmount === undefined ? { splits } : { splits, amountCents: newAmount },
        );
        if (valid) {
          expect(res.status, await res.clone().text()).toBe(200);
          accepted++;
          const after = await get(tx.id);
          expect(after.amountCents).toBe(amountCents);
          expect(after.payerId).toBeNull();
          expect(after.splits.map((p) => ({ amountCents: p.amountCents, payerId: p.payerId }))).toEqual(
            splits,
          );
        } else {
          expect(res.status, await res.clone().text()).toBe(400);
          refused++;
          expect(await get(tx.id)).toEqual(before);
        }
      }),
      { numRuns: 50 },
    );
    // Both answers were met often enough for the property to mean something.
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(refused).toBeGreaterThanOrEqual(5);
    // In the database itself, every split transaction's parts add up to it.
    const mismatched = await queryRows<{ id: string }>(
      t.database.db,
      sql`select t.id from transactions t join transaction_splits s on s.transaction_id = t.id
          group by t.id, t.amount_cents having sum(s.amount_cents) <> t.amount_cents`,
    );
    expect(mismatched).toEqual([]);
  });

  it("an unbalanced set is refused with the difference; a split never carries the other class's target", async () => {
    const tx = await record(f.user, f, expense(f, -10_000));
    const error = await expectError(
      await put(tx.id, {
        splits: [
          { amountCents: -6_000, categoryId: f.category.supplies },
          { amountCents: -3_999, categoryId: f.category.office_expense },
        ],
      }),
      400,
      "splits_unbalanced",
    );
    expect(error.details).toEqual({ sumCents: -9_999, amountCents: -10_000, differenceCents: -1 });
    expect(error.message).toMatch(/-\$99\.99.*-\$100\.00/);
    for (const splits of [
      [
        { amountCents: -5_000, payerId: f.aetnaId },
        { amountCents: -5_000, categoryId: f.category.supplies },
      ],
      [{ amountCents: -10_000, categoryId: f.category.supplies }],
    ]) {
      await expectError(await put(tx.id, { splits }), 400, "validation_failed");
    }
    const open = await record(f.user, f, { date: "2025-05-01", amountCents: -10_000 });
    const unclassified = await put(open.id, {
      splits: [
        { amountCents: -5_000, categoryId: f.category.supplies },
        { amountCents: -5_000, categoryId: f.category.travel },
      ],
    });
    expect(JSON.stringify((await expectError(unclassified, 400)).details)).toMatch(/classify it first/);
  });

  it("another practice's category in a part is 404 and the old splits stay", async () => {
    const tx = await record(f.user, f, {
      ...expense(f, -10_000, { categoryId: undefined }),
      splits: [
        { amountCents: -7_000, categoryId: f.category.supplies },
        { amountCents: -3_000, categoryId: f.category.travel },
      ],
    });
    const res = await put(tx.id, {
      splits: [
        { amountCents: -7_000, categoryId: f.category.supplies },
        { amountCents: -3_000, categoryId: f.other.categoryId },
      ],
    });
    await expectError(res, 404, "not_found");
    const rows = await t.database.db
      .select({ amountCents: transactionSplits.amountCents, categoryId: transactionSplits.categoryId })
      .from(transactionSplits)
      .where(and(eq(transactionSplits.transactionId, tx.id), eq(transactionSplits.practiceId, f.practiceId)));
    expect(rows).toEqual([
      { amountCents: -7_000, categoryId: f.category.supplies },
      { amountCents: -3_000, categoryId: f.category.travel },
    ]);
  });

  it("a split amount changes only with its splits; a single payer replaces the splits", async () => {
    const tx = await record(f.user, f, {
      ...income(f, 20_000, { payerId: undefined }),
      splits: [
        { amountCents: 5_000, payerId: f.aetnaId },
        { amountCents: 15_000, payerId: f.privatePayId },
      ],
    });
    expect(tx.lockedFields).toContain("payer");
    await expectError(await patch(f.user, f, tx.id, { amountCents: 21_000 }), 409, "conflict");
    const resplit = await put(tx.id, {
      amountCents: 21_000,
      splits: [
        { amountCents: 6_000, payerId: f.aetnaId },
        { amountCents: 15_000, payerId: f.privatePayId },
      ],
    });
    expect((await expectJson<{ transaction: Transaction }>(resplit, 200)).transaction.amountCents).toBe(
      21_000,
    );
    const unsplit = await patch(f.user, f, tx.id, { payerId: f.aetnaId });
    const { transaction } = await expectJson<{ transaction: Transaction }>(unsplit, 200);
    expect(transaction).toMatchObject({ payerId: f.aetnaId, splits: [], amountCents: 21_000 });
    const rows = await t.database.db
      .select()
      .from(transactionSplits)
      .where(eq(transactionSplits.transactionId, tx.id));
    expect(rows).toEqual([]);
  });
});
