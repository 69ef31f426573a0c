// Transactions through the API: what a User records, the classification rules, the bounds on
// every input, and isolation: another practice's accounts, payers, categories and transactions
// are 404 here, in the path or in the body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_NOT_FOUND } from "../../support/practices.js";
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

const post = (body: Record<string, unknown>) => f.user.client.post(`${f.base}/transactions`, body);

describe("recording", () => {
  it("a User records income with its method, sessions and processor fee; the typed fields are locked", async () => {
    const tx = await record(
      f.user,
      f,
      income(f, 14_535, { method: "card", sessionsCount: 1, processorFeeCents: 465, memo: "Stripe payout" }),
    );
    expect(tx).toMatchObject({
      accountId: f.accountId,
      date: "2025-04-10",
      amountCents: 14_535,
      classification: "income",
      payerId: f.aetnaId,
      categoryId: null,
      method: "card",
      sessionsCount: 1,
      processorFeeCents: 465,
      memo: "Stripe payout",
      source: "manual",
      createdBy: f.user.userId,
      splits: [],
    });
    expect(tx.lockedFields).toEqual(["classification", "payer", "date", "amount"]);
    const read = await expectJson<{ transaction: Transaction }>(
      await f.user.client.get(`${f.base}/transactions/${tx.id}`),
      200,
    );
    expect(read.transaction).toEqual(tx);
  });

  it("an expense names its category and vendor; an unreviewed bank-like entry names neither", async () => {
    const spent = await record(
      f.user,
      f,
      expense(f, -180_000, { vendor: "Downtown Suites LLC", description: "May rent" }),
    );
    expect(spent).toMatchObject({
      classification: "expense",
      categoryId: f.category.office_rent,
      payerId: null,
    });
    expect(spent.lockedFields).toEqual(["classification", "category", "description", "date", "amount"]);
    const open = await record(f.user, f, { date: "2025-04-12", amountCents: -999, description: "POS 4411" });
    expect(open).toMatchObject({ classification: "unreviewed", payerId: null, categoryId: null });
    expect(open.lockedFields).toEqual(["description", "date", "amount"]);
  });

  it("refuses what the classification does not allow, naming the field (400)", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...income(f, 100), payerId: undefined }, "payerId"],
      [{ ...income(f, 100), categoryId: f.category.supplies }, "categoryId"],
      [{ ...expense(f, -100), categoryId: undefined }, "categoryId"],
      [{ ...expense(f, -100), payerId: f.aetnaId }, "payerId"],
      [{ ...expense(f, -100), method: "card" }, "method"],
      [{ ...expense(f, -100), processorFeeCents: 3 }, "processorFeeCents"],
      [
        {
          date: "2025-01-01",
          amountCents: -500,
          classification: "transfer",
          categoryId: f.category.supplies,
        },
        "categoryId",
      ],
      [
        { date: "2025-01-01", amountCents: -500, classification: "owner_draw", sessionsCount: 2 },
        "sessionsCount",
      ],
    ];
    for (const [body, path] of cases) {
      const error = await expectError(
        await post({ accountId: f.accountId, ...body }),
        400,
        "validation_failed",
      );
      expect(JSON.stringify(error.details), JSON.stringify(body)).toContain(`"path":"${path}"`);
    }
  });

  it("refuses amounts that are not integer cents within ±$1,000,000,000, and malformed dates and text", async () => {
    const bad: Record<string, unknown>[] = [
      { amountCents: 100_000_000_001 },
      { amountCents: -100_000_000_001 },
      { amountCents: 12.5 },
      { amountCents: "1,234.56" },
      { date: "2025-02-30" },
      { date: "0000-01-01" },
      { date: "04/10/2025" },
      { description: "nul \u0000 byte" },
      { description: "x".repeat(501) },
      { sessionsCount: 10_001 },
      { processorFeeCents: -1 },
      { classification: "gift" },
      { method: "crypto" },
      { createdBy: f.owner.userId },
      { lockedFields: [] },
    ];
    for (const change of bad) {
      const res = await post({ accountId: f.accountId, ...income(f, 100), ...change });
      await expectError(res, 400, "validation_failed");
    }
    const max = await record(f.user, f, income(f, 100_000_000_000));
    expect(max.amountCents).toBe(100_000_000_000);
  });
});

describe("isolation", () => {
  it("another practice's account, payer or category in the body is 404, and nothing is written", async () => {
    const before = await expectJson<{ transactions: Transaction[] }>(
      await f.user.client.get(`${f.base}/transactions?limit=200`),
      200,
    );
    for (const body of [
      { ...income(f, 100), accountId: f.other.accountId },
      { accountId: f.accountId, ...income(f, 100), payerId: f.other.payerId },
      { accountId: f.accountId, ...expense(f, -100), categoryId: f.other.categoryId },
    ]) {
      await expectError(await post(body), 404, "not_found");
    }
    const after = await expectJson<{ transactions: Transaction[] }>(
      await f.user.client.get(`${f.base}/transactions?limit=200`),
      200,
    );
    expect(after.transactions.length).toBe(before.transactions.length);
  });

  it("another practice's transaction is 404 under our practice; our practice is 404 to its owner", async () => {
    const theirs = await expectJson<{ transaction: Transaction }>(
      await f.outsider.client.post(`${f.otherBase}/transactions`, {
        accountId: f.other.accountId,
        date: "2025-01-05",
        amountCents: 5_000,
        classification: "income",
        payerId: f.other.payerId,
      }),
      201,
    );
    const path = `${f.base}/transactions/${theirs.transaction.id}`;
    await expectError(await f.owner.client.get(path), 404, "not_found");
    await expectError(await patch(f.owner, f, theirs.transaction.id, { memo: "mine" }), 404, "not_found");
    await expectError(await f.owner.client.delete(path), 404, "not_found");
    await expectError(await f.owner.client.send("PUT", `${path}/splits`, { splits: [] }), 404, "not_found");
    const mine = await record(f.user, f, income(f, 100));
    const intrusion = await f.outsider.client.get(`${f.base}/transactions/${mine.id}`);
    expect((await expectError(intrusion, 404)).message).toBe(ACCESS_NOT_FOUND);
    const still = await f.outsider.client.get(`${f.otherBase}/transactions/${theirs.transaction.id}`);
    expect((await expectJson<{ transaction: Transaction }>(still, 200)).transaction.memo).toBeNull();
  });
});

describe("editing and deleting", () => {
  it("reclassifying income as an expense clears what income carries; {} is refused", async () => {
    const tx = await record(
      f.user,
      f,
      income(f, -2_500, { method: "ach", sessionsCount: 1, processorFeeCents: 10 }),
    );
    const res = await patch(f.user, f, tx.id, { classification: "expense", categoryId: f.category.licenses });
    const { transaction } = await expectJson<{ transaction: Transaction }>(res, 200);
    expect(transaction).toMatchObject({
      classification: "expense",
      categoryId: f.category.licenses,
      payerId: null,
      method: null,
      sessionsCount: null,
      processorFeeCents: null,
    });
    await expectError(await patch(f.user, f, tx.id, {}), 400, "validation_failed");
    await expectError(await patch(f.user, f, tx.id, { payerId: f.aetnaId }), 400, "validation_failed");
  });

  it("a deleted transaction is gone (204, then 404)", async () => {
    const tx = await record(f.user, f, expense(f, -1_000));
    expect((await f.user.client.delete(`${f.base}/transactions/${tx.id}`)).status).toBe(204);
    await expectError(await f.user.client.get(`${f.base}/transactions/${tx.id}`), 404, "not_found");
    await expectError(await f.user.client.delete(`${f.base}/transactions/${tx.id}`), 404, "not_found");
  });
});
