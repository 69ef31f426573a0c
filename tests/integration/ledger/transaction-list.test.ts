// Finding transactions: filters by date range, payer (split parts included), category, account,
// classification and text; newest first; a cursor walks every page without repeats or gaps.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
  record,
  type Transaction,
} from "./ledger-support.js";

let t: TestApp;
let f: LedgerFixture;
let accountId: string;
const made: Record<string, Transaction> = {};

beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
  const res = await f.owner.client.post(`${f.base}/accounts`, { name: "List account", kind: "checking" });
  accountId = (await expectJson<{ account: { id: string } }>(res, 201)).account.id;
  const rows: [string, Record<string, unknown>][] = [
    ["jan", { date: "2025-01-15", amountCents: 12_000, classification: "income", payerId: f.aetnaId }],
    [
      "feb",
      {
        date: "2025-02-03",
        amountCents: 9_000,
        classification: "income",
        payerId: f.privatePayId,
        memo: "50% deposit",
      },
    ],
    [
      "mar",
      {
        date: "2025-03-01",
        amountCents: 30_000,
        classification: "income",
        splits: [
          { amountCents: 10_000, payerId: f.aetnaId },
          { amountCents: 20_000, payerId: f.privatePayId },
        ],
      },
    ],
    [
      "apr",
      {
        date: "2025-04-20",
        amountCents: -4_500,
        classification: "expense",
        categoryId: f.category.supplies,
        vendor: "Staples",
      },
    ],
    [
      "may",
      { date: "2025-05-05", amountCents: -100_000, classification: "transfer", description: "To savings" },
    ],
    [
      "jun",
      {
        date: "2025-06-30",
        amountCents: -2_500,
        classification: "expense",
        categoryId: f.category.continuing_education,
        description: "CE_course",
      },
    ],
  ];
  for (const [key, body] of rows) made[key] = await record(f.user, f, { accountId, ...body });
});
afterAll(async () => t?.close());

async function find(query: string): Promise<string[]> {
  const res = await f.user.client.get(`${f.base}/transactions?accountId=${accountId}&${query}`);
  const { transactions } = await expectJson<{ transactions: Transaction[] }>(res, 200);
  const byId = new Map(Object.entries(made).map(([k, v]) => [v.id, k]));
  return transactions.map((tx) => byId.get(tx.id) ?? tx.id);
}

describe("listing transactions", () => {
  it("newest first, within a date range, inclusive", async () => {
    expect(await find("")).toEqual(["jun", "may", "apr", "mar", "feb", "jan"]);
    expect(await find("from=2025-02-03&to=2025-04-20")).toEqual(["apr", "mar", "feb"]);
  });

  it("by payer, finding split income that names the payer in a part", async () => {
    expect(await find(`payerId=${f.aetnaId}`)).toEqual(["mar", "jan"]);
    expect(await find(`payerId=${f.privatePayId}`)).toEqual(["mar", "feb"]);
  });

  it("by category, classification and account", async () => {
    expect(await find(`categoryId=${f.category.supplies}`)).toEqual(["apr"]);
    expect(await find("classification=transfer")).toEqual(["may"]);
    expect(await find("classification=income&from=2025-02-01")).toEqual(["mar", "feb"]);
    const elsewhere = await f.user.client.get(`${f.base}/transactions?accountId=${f.accountId}`);
    const ids = (await expectJson<{ transactions: Transaction[] }>(elsewhere, 200)).transactions.map(
      (x) => x.id,
    );
    expect(ids.filter((id) => Object.values(made).some((m) => m.id === id))).toEqual([]);
  });

  it("by text in the description, memo or vendor, case-insensitively; % and _ are literal", async () => {
    expect(await find("q=staples")).toEqual(["apr"]);
    expect(await find("q=SAVINGS")).toEqual(["may"]);
    expect(await find("q=50%25")).toEqual(["feb"]);
    expect(await find("q=E_c")).toEqual(["jun"]);
    expect(await find("q=%25")).toEqual(["feb"]);
    expect(await find("q=nothing-like-this")).toEqual([]);
  });

  it("a page at a time: following nextCursor visits every transaction once, in order", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const query = `limit=4${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await f.user.client.get(`${f.base}/transactions?${query}`);
      const page: { transactions: Transaction[]; nextCursor: string | null } = await expectJson(res, 200);
      expect(page.transactions.length).toBeLessThanOrEqual(4);
      seen.push(...page.transactions.map((x) => `${x.date} ${x.id}`));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort().reverse());
    expect(seen.length).toBeGreaterThanOrEqual(Object.keys(made).length);
  });

  it("refuses a forged cursor, a limit out of range and unknown parameters (400)", async () => {
    for (const query of ["cursor=bm90LWEtY3Vyc29y", "limit=0", "limit=201", "sort=asc", "from=2025-13-01"]) {
      await expectError(await f.user.client.get(`${f.base}/transactions?${query}`), 400, "validation_failed");
    }
  });
});
