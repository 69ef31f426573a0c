// "Apply to existing": the count shown before is the count changed after, a person's locked
// choice survives every rule, closed years stay closed, and only the first matching rule acts.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { transactions } from "../../../src/db/schema/ledger.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
  patch,
} from "../ledger/ledger-support.js";
import {
  addRule,
  aetnaRule,
  applyNow,
  auditOf,
  bankRow,
  dryRun,
  getTransaction,
  type Preview,
} from "./rules-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("dry run, then apply", () => {
  it("the dry run's count is what apply changes; each change is audited with origin rule; a rerun finds nothing", async () => {
    const f = await createLedgerFixture(t);
    const deposits: string[] = [];
    for (const [i, description] of ["ACH DEPOSIT AETNA 0101", "aetna   era", "Aetna payment"].entries()) {
      deposits.push(await bankRow(t, f, { description, amountCents: 10_000 + i, date: `2025-0${i + 1}-15` }));
    }
    await bankRow(t, f, { description: "AETNA RECOUPMENT", amountCents: -5_000 }); // money out
    await bankRow(t, f, { description: "Cigna deposit", amountCents: 9_000 });
    const rule = await addRule(f.user, f, aetnaRule(f));

    const preview = await dryRun(f.user, f, rule.id);
    expect(preview.changeCount).toBe(3);
    expect(preview.skipped).toEqual({ locked: 0, closedYear: 0 });
    expect(preview.sample.map((s) => s.transactionId)).toEqual([...deposits].reverse());
    expect(preview.sample[0]).toMatchObject({
      date: "2025-03-15",
      description: "Aetna payment",
      amountCents: 10_002,
      from: { classification: "unreviewed", payerId: null, categoryId: null },
      to: { classification: "income", payerId: f.aetnaId, categoryId: null },
    });
    // Nothing was written by the dry run.
    expect((await getTransaction(f.user, f, deposits[0] ?? "")).classification).toBe("unreviewed");

    const applied = await applyNow(f.user, f, rule.id);
    expect(applied).toEqual({ applied: preview.changeCount, skipped: { locked: 0, closedYear: 0 } });
    for (const id of deposits) {
      const tx = await getTransaction(f.user, f, id);
      expect(tx).toMatchObject({ classification: "income", payerId: f.aetnaId, lockedFields: [] });
      expect(await auditOf(t, f, id)).toEqual([["update", "rule", null]]);
    }
    expect((await dryRun(f.user, f, rule.id)).changeCount).toBe(0);
    expect(await applyNow(f.user, f, rule.id)).toMatchObject({ applied: 0 });
  });

  it("a payer a person set by hand survives apply, and is counted as skipped (locked)", async () => {
    const f = await createLedgerFixture(t);
    const handled = await bankRow(t, f, { description: "AETNA DEPOSIT", amountCents: 12_000 });
    const free = await bankRow(t, f, { description: "AETNA DEPOSIT", amountCents: 12_500 });
    await expectJson(
      await patch(f.user, f, handled, { classification: "income", payerId: f.privatePayId }),
      200,
    );
    const rule = await addRule(f.user, f, aetnaRule(f));
    const preview = await dryRun(f.user, f, rule.id);
    expect(preview).toMatchObject({ changeCount: 1, skipped: { locked: 1, closedYear: 0 } });
    expect(await applyNow(f.user, f, rule.id)).toEqual({ applied: 1, skipped: { locked: 1, closedYear: 0 } });
    expect(await getTransaction(f.user, f, handled)).toMatchObject({
      classification: "income",
      payerId: f.privatePayId,
      lockedFields: ["classification", "payer"],
    });
    expect((await getTransaction(f.user, f, free)).payerId).toBe(f.aetnaId);
    expect(await auditOf(t, f, handled)).toEqual([["update", "user", f.user.userId]]);
  });

  it("a split transaction is a person's decision: rules never touch it", async () => {
    const f = await createLedgerFixture(t);
    const id = await bankRow(t, f, { description: "AETNA DEPOSIT", amountCents: 20_000 });
    await expectJson(await patch(f.user, f, id, { classification: "income", payerId: f.aetnaId }), 200);
    await expectJson(
      await f.user.client.send("PUT", `${f.base}/transactions/${id}/splits`, {
        splits: [
          { amountCents: 15_000, payerId: f.aetnaId },
          { amountCents: 5_000, payerId: f.privatePayId },
        ],
      }),
      200,
    );
    await expectJson(await patch(f.user, f, id, { unlockFields: ["classification", "payer"] }), 200);
    const rule = await addRule(f.user, f, {
      conditions: { descriptionContains: "aetna" },
      action: { classification: "transfer" },
    });
    expect(await dryRun(f.user, f, rule.id)).toMatchObject({ changeCount: 0, skipped: { locked: 0 } });
    expect((await applyNow(f.user, f, rule.id)).applied).toBe(0);
    expect((await getTransaction(f.user, f, id)).splits).toHaveLength(2);
  });

  it("without a range, closed years are out of scope; with one, their matches are counted as skipped and left alone", async () => {
    const f = await createLedgerFixture(t);
    const old = await bankRow(t, f, { description: "AETNA DEPOSIT", amountCents: 8_000, date: "2023-06-01" });
    const open = await bankRow(t, f, {
      description: "AETNA DEPOSIT",
      amountCents: 8_000,
      date: "2025-06-01",
    });
    await expectJson(await f.owner.client.post(`${f.base}/closed-years/2023`), 201);
    const rule = await addRule(f.user, f, aetnaRule(f));

    expect(await dryRun(f.user, f, rule.id)).toMatchObject({ changeCount: 1, skipped: { closedYear: 0 } });
    const scope = { from: "2023-01-01", to: "2025-12-31" };
    expect(await dryRun(f.user, f, rule.id, scope)).toMatchObject({
      changeCount: 1,
      skipped: { locked: 0, closedYear: 1 },
    });
    expect(await applyNow(f.user, f, rule.id, scope)).toEqual({
      applied: 1,
      skipped: { locked: 0, closedYear: 1 },
    });
    expect((await getTransaction(f.user, f, old)).classification).toBe("unreviewed");
    expect((await getTransaction(f.user, f, open)).classification).toBe("income");
    // A range that leaves out the open row changes nothing.
    expect(await dryRun(f.user, f, rule.id, { from: "2024-01-01", to: "2024-12-31" })).toMatchObject({
      changeCount: 0,
    });
    await expectError(
      await f.user.client.post(`${f.base}/rules/${rule.id}/apply?from=2025-02-01&to=2025-01-01`),
      400,
      "validation_failed",
    );
  });

  it("only the first matching rule acts: a later rule does not take what an earlier one decides", async () => {
    const f = await createLedgerFixture(t);
    const amazonBooks = await bankRow(t, f, { description: "AMAZON BOOKS", amountCents: -3_000 });
    const amazon = await bankRow(t, f, { description: "AMAZON MKTPLACE", amountCents: -4_000 });
    const books = await addRule(f.user, f, {
      conditions: { descriptionContains: "amazon books" },
      action: { classification: "expense", categoryId: f.category.continuing_education },
    });
    const general = await addRule(f.user, f, {
      conditions: { descriptionContains: "amazon" },
      action: { classification: "personal" },
    });
    const preview = await dryRun(f.user, f, general.id);
    expect(preview.sample.map((s) => s.transactionId)).toEqual([amazon]);
    // Moved first, the general rule wins both.
    await expectJson(
      await f.user.client.post(`${f.base}/rules/reorder`, { ruleIds: [general.id, books.id] }),
      200,
    );
    expect((await dryRun(f.user, f, general.id)).changeCount).toBe(2);
    expect((await dryRun(f.user, f, books.id)).changeCount).toBe(0);
    expect((await applyNow(f.user, f, general.id)).applied).toBe(2);
    expect((await getTransaction(f.user, f, amazonBooks)).classification).toBe("personal");
  });

  it("a disabled rule does not hide later ones, but can itself be previewed and applied on purpose", async () => {
    const f = await createLedgerFixture(t);
    await bankRow(t, f, { description: "VENMO CASHOUT", amountCents: 6_000 });
    const off = await addRule(f.user, f, {
      conditions: { descriptionContains: "venmo" },
      action: { classification: "owner_contribution" },
      enabled: false,
    });
    const on = await addRule(f.user, f, {
      conditions: { descriptionContains: "cashout" },
      action: { classification: "transfer" },
    });
    expect((await dryRun(f.user, f, on.id)).changeCount).toBe(1);
    expect((await dryRun(f.user, f, off.id)).changeCount).toBe(1);
  });
});

describe("a ledger larger than one page", () => {
  it("counts and applies across pages of candidates: every matching row once, none twice", async () => {
    const f = await createLedgerFixture(t);
    // 1,210 rows over 40 days (many per date, so pages break inside a date); every 11th does not match.
    const rows = Array.from({ length: 1_210 }, (_, i) => ({
      practiceId: f.practiceId,
      accountId: f.accountId,
      date: `2025-0${1 + (i % 4)}-${String(1 + (i % 10)).padStart(2, "0")}`,
      amountCents: 1_000 + i,
      description: i % 11 === 0 ? `CIGNA ${i}` : `AETNA ${i}`,
      source: "import" as const,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await t.database.db.insert(transactions).values(rows.slice(i, i + 500));
    }
    const rule = await addRule(f.user, f, aetnaRule(f));
    const preview = await dryRun(f.user, f, rule.id);
    expect(preview.changeCount).toBe(1_100);
    expect(preview.sample).toHaveLength(20);
    expect((await applyNow(f.user, f, rule.id)).applied).toBe(1_100);
    const [counted] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from transactions where practice_id = ${f.practiceId}
          and classification = 'income' and payer_id = ${f.aetnaId}`,
    );
    expect(counted?.n).toBe(1_100);
  }, 180_000);
});

describe("previewing a rule before it is saved", () => {
  // Each condition on its own, against the same small ledger: how many rows it matches.
  const CONDITIONS: [string, Record<string, unknown>, number][] = [
    ["contains, any case and spacing", { descriptionContains: "blue  CROSS" }, 2],
    ["starts with", { descriptionStartsWith: "blue cross" }, 1],
    ["a pattern (RE2)", { descriptionPattern: "^(pos|ach) .*blue" }, 1],
    ["money in", { direction: "in" }, 2],
    ["money out", { direction: "out" }, 2],
    ["amount range on the size, both signs", { amountMinCents: 4_000, amountMaxCents: 6_000 }, 2],
    ["at least", { amountMinCents: 7_000 }, 1],
    ["on the savings account", { accountIdFrom: "savings" }, 1],
    ["a word with a % in it is literal", { descriptionContains: "100%" }, 1],
  ];

  let f: LedgerFixture;
  let savingsId: string;
  beforeAll(async () => {
    f = await createLedgerFixture(t);
    const { account } = await expectJson<{ account: { id: string } }>(
      await f.owner.client.post(`${f.base}/accounts`, { name: "Savings", kind: "savings" }),
      201,
    );
    savingsId = account.id;
    await bankRow(t, f, { description: "Blue Cross  deposit", amountCents: 5_000 });
    await bankRow(t, f, { description: "ACH from BLUE CROSS", amountCents: 8_000, accountId: savingsId });
    await bankRow(t, f, { description: "POS STAPLES 100% recycled", amountCents: -4_500 });
    await bankRow(t, f, { description: "Office rent", amountCents: -1_000 });
  });

  it.each(CONDITIONS)("%s", async (_label, condition, count) => {
    const { accountIdFrom, ...rest } = condition;
    const conditions = accountIdFrom ? { ...rest, accountId: savingsId } : rest;
    const res = await f.user.client.post(`${f.base}/rules/preview`, {
      conditions,
      action: { classification: "personal" },
    });
    expect((await expectJson<Preview>(res, 200)).changeCount).toBe(count);
  });

  it("an edit of a saved rule is previewed where the rule stands; a bad draft is 400 like a save", async () => {
    const rule = await addRule(f.user, f, {
      conditions: { descriptionContains: "office rent" },
      action: { classification: "personal" },
    });
    const res = await f.user.client.post(`${f.base}/rules/preview`, {
      ruleId: rule.id,
      conditions: { descriptionContains: "blue cross" },
      action: { classification: "income", payerId: f.aetnaId },
    });
    const preview = await expectJson<Preview>(res, 200);
    expect(preview.changeCount).toBe(2);
    expect(preview.sample.every((s) => s.to.payerId === f.aetnaId)).toBe(true);
    const bad = await f.user.client.post(`${f.base}/rules/preview`, {
      conditions: { descriptionPattern: "[" },
      action: { classification: "personal" },
    });
    const error = await expectError(bad, 400, "validation_failed");
    expect(JSON.stringify(error.details)).toContain("conditions.descriptionPattern");
  });
});
