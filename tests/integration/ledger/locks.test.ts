// Field locks: a person's edit wins. Editing a field by hand locks it; rules and bank sync
// (applyAutomatedChange) skip locked fields and never leave a transaction breaking the rules.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transactions } from "../../../src/db/schema/ledger.js";
import { applyAutomatedChange } from "../../../src/services/ledger/automated-change.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
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

/** A transaction as bank sync would leave it: unreviewed, nothing locked. */
async function fromBank(date = "2025-08-01", amountCents = 12_000): Promise<string> {
  const [row] = await t.database.db
    .insert(transactions)
    .values({
      practiceId: f.practiceId,
      accountId: f.accountId,
      date,
      amountCents,
      description: "DEPOSIT ACH AETNA",
      source: "bank",
    })
    .returning({ id: transactions.id });
  return row?.id ?? "";
}

async function get(id: string): Promise<Transaction> {
  return (
    await expectJson<{ transaction: Transaction }>(
      await f.user.client.get(`${f.base}/transactions/${id}`),
      200,
    )
  ).transaction;
}

const automate = (transactionId: string, change: Parameters<typeof applyAutomatedChange>[1]["change"]) =>
  applyAutomatedChange(t.database.db, { practiceId: f.practiceId, transactionId, origin: "rule", change });

describe("manual edits lock fields", () => {
  it("each lockable field a person changes is locked; memo and vendor are not lockable; unlock hands back", async () => {
    const id = await fromBank();
    expect((await get(id)).lockedFields).toEqual([]);
    const steps: [Record<string, unknown>, string[]][] = [
      [{ memo: "note" }, []],
      [{ classification: "income", payerId: f.aetnaId }, ["classification", "payer"]],
      [{ description: "Aetna ERA" }, ["classification", "payer", "description"]],
      [
        { date: "2025-08-02", amountCents: 12_001 },
        ["classification", "payer", "description", "date", "amount"],
      ],
      [{ unlockFields: ["description", "date"] }, ["classification", "payer", "amount"]],
    ];
    for (const [body, locked] of steps) {
      const res = await patch(f.user, f, id, body);
      expect((await expectJson<{ transaction: Transaction }>(res, 200)).transaction.lockedFields).toEqual(
        locked,
      );
    }
  });

  it("re-sending a field's current value changes nothing and locks nothing", async () => {
    const id = await fromBank();
    const res = await patch(f.user, f, id, { description: "DEPOSIT ACH AETNA" });
    expect((await expectJson<{ transaction: Transaction }>(res, 200)).transaction.lockedFields).toEqual([]);
  });
});

describe("applyAutomatedChange", () => {
  it("on an untouched transaction a rule classifies it, recorded as the rule's change with no person", async () => {
    const id = await fromBank();
    const result = await automate(id, { classification: "income", payerId: f.aetnaId, description: "Aetna" });
    expect(result).toEqual({
      status: "applied",
      applied: ["description", "classification", "payer"],
      skipped: [],
    });
    expect(await get(id)).toMatchObject({ classification: "income", payerId: f.aetnaId, lockedFields: [] });
    const { entries } = await expectJson<{ entries: { origin: string; changedBy: string | null }[] }>(
      await f.owner.client.get(`${f.base}/transactions/${id}/audit`),
      200,
    );
    expect(entries[0]).toMatchObject({ origin: "rule", changedBy: null });
  });

  it("skips the fields a person locked and applies the rest", async () => {
    const id = await fromBank();
    await patch(f.user, f, id, { classification: "income", payerId: f.privatePayId });
    const result = await automate(id, { payerId: f.aetnaId, description: "Renamed by rule" });
    expect(result).toEqual({ status: "applied", applied: ["description"], skipped: ["payer"] });
    expect(await get(id)).toMatchObject({ payerId: f.privatePayId, description: "Renamed by rule" });
  });

  it("never leaves a broken classification: with the payer locked, filing it as an expense is skipped whole", async () => {
    const id = await fromBank();
    await patch(f.user, f, id, {
      classification: "income",
      payerId: f.aetnaId,
      unlockFields: ["classification"],
    });
    const result = await automate(id, {
      classification: "expense",
      categoryId: f.category.supplies,
      description: "Supplies",
    });
    expect(result).toEqual({
      status: "applied",
      applied: ["description"],
      skipped: ["classification", "category"],
    });
    expect(await get(id)).toMatchObject({ classification: "income", payerId: f.aetnaId, categoryId: null });
  });

  it("leaves a split's classification, targets and amount alone", async () => {
    const split = await record(f.user, f, {
      ...expense(f, -9_000, { categoryId: undefined }),
      splits: [
        { amountCents: -4_000, categoryId: f.category.supplies },
        { amountCents: -5_000, categoryId: f.category.travel },
      ],
    });
    await patch(f.user, f, split.id, { unlockFields: ["classification", "category", "amount", "date"] });
    const result = await automate(split.id, {
      classification: "personal",
      amountCents: -1,
      date: "2025-04-12",
    });
    expect(result).toEqual({ status: "applied", applied: ["date"], skipped: ["classification", "amount"] });
    expect((await get(split.id)).splits).toHaveLength(2);
  });

  it("does nothing in a closed year, for an unknown id, or with another practice's payer", async () => {
    const old = await fromBank("2022-03-01");
    await expectJson(await f.owner.client.post(`${f.base}/closed-years/2022`), 201);
    expect(await automate(old, { description: "x" })).toEqual({ status: "closed_period", skipped: [] });
    expect((await get(old)).description).toBe("DEPOSIT ACH AETNA");
    expect(await automate(f.practiceId, { description: "x" })).toEqual({ status: "not_found", skipped: [] });
    const id = await fromBank();
    const foreign = await automate(id, { classification: "income", payerId: f.other.payerId });
    expect(foreign.status).toBe("invalid");
    expect((await get(id)).classification).toBe("unreviewed");
    const mine = await record(f.user, f, income(f, 100));
    expect(await automate(mine.id, { amountCents: 5 })).toEqual({ status: "unchanged", skipped: ["amount"] });
  });
});
