// Accounts: Owners and Admins manage them, Users only read them; another practice's account is
// invisible (404); an account with history is archived, never deleted with its transactions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_FORBIDDEN } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  income,
  type LedgerFixture,
  record,
} from "./ledger-support.js";

type AccountJson = {
  id: string;
  name: string;
  kind: string;
  last4: string | null;
  openingBalanceCents: number;
  balanceCents: number;
  transactionCount: number;
  archivedAt: string | null;
};

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

async function accounts(query = ""): Promise<AccountJson[]> {
  return (
    await expectJson<{ accounts: AccountJson[] }>(await f.user.client.get(`${f.base}/accounts${query}`), 200)
  ).accounts;
}

describe("accounts", () => {
  it("an Admin adds one; the list shows its balance: opening balance plus every transaction", async () => {
    const { account } = await expectJson<{ account: AccountJson }>(
      await f.admin.client.post(`${f.base}/accounts`, {
        name: "Practice Visa",
        kind: "credit_card",
        last4: "9876",
        openingBalanceCents: -12_345,
      }),
      201,
    );
    expect(account).toMatchObject({
      name: "Practice Visa",
      kind: "credit_card",
      last4: "9876",
      archivedAt: null,
    });
    await record(f.user, f, { accountId: account.id, ...income(f, 50_000) });
    await record(f.user, f, {
      accountId: account.id,
      date: "2025-05-01",
      amountCents: -2_655,
      classification: "expense",
      categoryId: f.category.supplies,
    });
    const listed = (await accounts()).find((a) => a.id === account.id);
    expect(listed).toMatchObject({ balanceCents: -12_345 + 50_000 - 2_655, transactionCount: 2 });
  });

  it("a User reads accounts but cannot add, change or delete one (403)", async () => {
    const attempts = [
      await f.user.client.post(`${f.base}/accounts`, { name: "Mine", kind: "cash" }),
      await f.user.client.send("PATCH", `${f.base}/accounts/${f.accountId}`, { name: "Renamed" }),
      await f.user.client.delete(`${f.base}/accounts/${f.accountId}`),
    ];
    for (const res of attempts) expect((await expectError(res, 403)).message).toBe(ACCESS_FORBIDDEN);
    expect((await accounts()).map((a) => a.id)).toContain(f.accountId);
  });

  it("refuses more than the last four digits, an empty change and out-of-range balances (400)", async () => {
    for (const body of [
      { name: "Savings", kind: "savings", last4: "12345" },
      { name: "Savings", kind: "savings", last4: "12ab" },
      { name: " ", kind: "savings" },
      { name: "Savings", kind: "brokerage" },
      { name: "Savings", kind: "savings", openingBalanceCents: 100_000_000_001 },
      { name: "Savings", kind: "savings", openingBalanceCents: 12.5 },
    ]) {
      await expectError(await f.owner.client.post(`${f.base}/accounts`, body), 400, "validation_failed");
    }
    await expectError(
      await f.owner.client.send("PATCH", `${f.base}/accounts/${f.accountId}`, {}),
      400,
      "validation_failed",
    );
  });

  it("archived, it leaves the list (unless asked for), takes no new transactions, and can be restored", async () => {
    const { account } = await expectJson<{ account: AccountJson }>(
      await f.owner.client.post(`${f.base}/accounts`, { name: "Old savings", kind: "savings" }),
      201,
    );
    const path = `${f.base}/accounts/${account.id}`;
    const archived = await expectJson<{ account: AccountJson }>(
      await f.owner.client.send("PATCH", path, { archived: true }),
      200,
    );
    expect(archived.account.archivedAt).not.toBeNull();
    expect((await accounts()).map((a) => a.id)).not.toContain(account.id);
    expect((await accounts("?includeArchived=true")).map((a) => a.id)).toContain(account.id);
    const res = await f.user.client.post(`${f.base}/transactions`, {
      accountId: account.id,
      ...income(f, 100),
    });
    expect((await expectError(res, 409, "conflict")).message).toMatch(/archived/);
    await expectJson(await f.owner.client.send("PATCH", path, { archived: false }), 200);
    expect((await accounts()).map((a) => a.id)).toContain(account.id);
  });

  it("an account holding transactions is not deleted (409 with the count); an empty one is", async () => {
    await record(f.user, f, income(f, 7_500));
    const used = await expectError(
      await f.owner.client.delete(`${f.base}/accounts/${f.accountId}`),
      409,
      "in_use",
    );
    expect(used.details).toEqual({ transactionCount: 1 });
    const { account } = await expectJson<{ account: AccountJson }>(
      await f.owner.client.post(`${f.base}/accounts`, { name: "Petty cash", kind: "cash" }),
      201,
    );
    expect((await f.owner.client.delete(`${f.base}/accounts/${account.id}`)).status).toBe(204);
    expect((await accounts("?includeArchived=true")).map((a) => a.id)).not.toContain(account.id);
  });

  it("another practice's account is 404 here, and its practice's list is 404 to us", async () => {
    const otherAccount = `${f.base}/accounts/${f.other.accountId}`;
    await expectError(await f.owner.client.send("PATCH", otherAccount, { name: "Taken" }), 404, "not_found");
    await expectError(await f.owner.client.delete(otherAccount), 404, "not_found");
    await expectError(await f.owner.client.get(`${f.otherBase}/accounts`), 404, "not_found");
    const theirs = await expectJson<{ accounts: AccountJson[] }>(
      await f.outsider.client.get(`${f.otherBase}/accounts`),
      200,
    );
    expect(theirs.accounts.map((a) => a.name)).toEqual(["Business checking"]);
  });
});
