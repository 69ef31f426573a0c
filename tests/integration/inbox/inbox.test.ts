// The review inbox: what no rule classified, classified by a person in bulk (all or none, each
// as a person's edit that locks and is audited), and one click to make the choice a rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
  type Transaction,
} from "../ledger/ledger-support.js";
import { auditOf, bankRow, getTransaction, listRules, type Rule } from "../rules/rules-support.js";

type InboxPage = {
  transactions: Transaction[];
  nextCursor: string | null;
  summary: { count: number; sumCents: number; inCents: number; outCents: number };
};

type Classified = {
  classified: number;
  rule: { rule: Rule; inboxMatches: number; appliedToInbox: number } | null;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function inbox(f: LedgerFixture, query = ""): Promise<InboxPage> {
  return expectJson<InboxPage>(await f.user.client.get(`${f.base}/inbox${query}`), 200);
}

const classify = (f: LedgerFixture, body: Record<string, unknown>) =>
  f.user.client.post(`${f.base}/inbox/classify`, body);

describe("the inbox", () => {
  it("lists unreviewed transactions newest first, a page at a time, with the count and sums of all of them", async () => {
    const f = await createLedgerFixture(t);
    const ids: string[] = [];
    for (let day = 1; day <= 5; day++) {
      const amountCents = day % 2 ? 1_000 * day : -100 * day;
      ids.push(await bankRow(t, f, { description: `ROW ${day}`, amountCents, date: `2025-02-0${day}` }));
    }
    // Classified rows are not in the inbox.
    const done = await f.user.client.post(`${f.base}/transactions`, {
      accountId: f.accountId,
      date: "2025-02-09",
      amountCents: -700,
      classification: "personal",
    });
    await expectJson(done, 201);

    const first = await inbox(f, "?limit=2");
    expect(first.transactions.map((x) => x.id)).toEqual([ids[4], ids[3]]);
    expect(first.summary).toEqual({ count: 5, sumCents: 9_000 - 600, inCents: 9_000, outCents: -600 });
    const second = await inbox(f, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.transactions.map((x) => x.id)).toEqual([ids[2], ids[1]]);
    const third = await inbox(f, `?limit=2&cursor=${second.nextCursor}`);
    expect(third.transactions.map((x) => x.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();
    expect((await inbox(f, `?accountId=${f.accountId}`)).summary.count).toBe(5);
    await expectError(await f.user.client.get(`${f.base}/inbox?cursor=nonsense`), 400, "validation_failed");
    await expectError(await f.user.client.get(`${f.base}/inbox?sort=asc`), 400, "validation_failed");
  });

  it("an empty inbox says so", async () => {
    const f = await createLedgerFixture(t);
    expect(await inbox(f)).toEqual({
      transactions: [],
      nextCursor: null,
      summary: { count: 0, sumCents: 0, inCents: 0, outCents: 0 },
    });
  });
});

describe("bulk classification", () => {
  it("classifies each as a person's edit: locked, audited with origin user, gone from the inbox", async () => {
    const f = await createLedgerFixture(t);
    const a = await bankRow(t, f, { description: "STAPLES 0042", amountCents: -2_599 });
    const b = await bankRow(t, f, { description: "STAPLES 0043", amountCents: -1_250 });
    const stays = await bankRow(t, f, { description: "UNKNOWN", amountCents: -100 });
    const res = await classify(f, {
      transactionIds: [a, b, a],
      classification: "expense",
      categoryId: f.category.supplies,
    });
    expect(await expectJson<Classified>(res, 200)).toEqual({ classified: 2, rule: null });
    for (const id of [a, b]) {
      expect(await getTransaction(f.user, f, id)).toMatchObject({
        classification: "expense",
        categoryId: f.category.supplies,
        lockedFields: ["classification", "category"],
      });
      expect(await auditOf(t, f, id)).toEqual([["update", "user", f.user.userId]]);
    }
    expect((await inbox(f)).transactions.map((x) => x.id)).toEqual([stays]);
  });

  it("is all or nothing: a closed year's row is 409 naming it; a foreign or missing row 404; a bad choice 400", async () => {
    const f = await createLedgerFixture(t);
    const open = await bankRow(t, f, { description: "DEPOSIT", amountCents: 5_000, date: "2025-01-05" });
    const old = await bankRow(t, f, { description: "DEPOSIT", amountCents: 5_000, date: "2022-12-30" });
    await expectJson(await f.owner.client.post(`${f.base}/closed-years/2022`), 201);
    const body = { classification: "income", payerId: f.aetnaId };

    const closed = await expectError(
      await classify(f, { ...body, transactionIds: [open, old] }),
      409,
      "period_closed",
    );
    expect(closed.details).toEqual({ closedYears: [2022], transactionIds: [old] });
    expect(closed.message).toMatch(/^1 of the chosen transactions is dated in 2022/);

    const theirs = await f.outsider.client.post(`${f.otherBase}/transactions`, {
      accountId: f.other.accountId,
      date: "2025-01-01",
      amountCents: 100,
    });
    const theirId = (await expectJson<{ transaction: { id: string } }>(theirs, 201)).transaction.id;
    const missing = await expectError(await classify(f, { ...body, transactionIds: [open, theirId] }), 404);
    expect(missing.details).toEqual({ transactionIds: [theirId] });

    const bad = await classify(f, { transactionIds: [open], classification: "income" });
    expect(JSON.stringify((await expectError(bad, 400, "validation_failed")).details)).toContain("payerId");
    await expectError(await classify(f, { ...body, payerId: f.other.payerId, transactionIds: [open] }), 404);
    await expectError(
      await classify(f, { transactionIds: [open], classification: "unreviewed" }),
      400,
      "validation_failed",
    );
    expect((await getTransaction(f.user, f, open)).classification).toBe("unreviewed");
    expect(await auditOf(t, f, open)).toEqual([]);
  });

  it("takes at most 500 transactions at once", async () => {
    const f = await createLedgerFixture(t);
    const ids = Array.from({ length: 501 }, () => crypto.randomUUID());
    await expectError(await classify(f, { transactionIds: ids, classification: "personal" }), 400);
  });
});

describe("one-click rules from the inbox", () => {
  it("creates the rule with the choice as its action and says how many other inbox rows it matches", async () => {
    const f = await createLedgerFixture(t);
    const chosen = await bankRow(t, f, { description: "ZOOM.US 888-799", amountCents: -1_599 });
    const others = [
      await bankRow(t, f, { description: "ZOOM.US 888-800", amountCents: -1_599 }),
      await bankRow(t, f, { description: "zoom.us subscription", amountCents: -1_599 }),
    ];
    const classifiedByHand = await bankRow(t, f, { description: "ZOOM.US refund", amountCents: -1_599 });
    await expectJson(
      await f.user.client.send("PATCH", `${f.base}/transactions/${classifiedByHand}`, {
        classification: "personal",
      }),
      200,
    );
    const res = await classify(f, {
      transactionIds: [chosen],
      classification: "expense",
      categoryId: f.category.telehealth_software,
      createRule: { descriptionContains: "zoom.us", direction: "out" },
    });
    const answer = await expectJson<Classified>(res, 200);
    expect(answer.classified).toBe(1);
    expect(answer.rule).toMatchObject({
      rule: {
        name: 'Contains "zoom.us", money out',
        conditions: { descriptionContains: "zoom.us", direction: "out" },
        action: { classification: "expense", payerId: null, categoryId: f.category.telehealth_software },
        enabled: true,
      },
      inboxMatches: 2,
      appliedToInbox: 0,
    });
    expect((await listRules(f.user, f)).map((r) => r.id)).toEqual([answer.rule?.rule.id]);
    for (const id of others) expect((await getTransaction(f.user, f, id)).classification).toBe("unreviewed");
    expect((await getTransaction(f.user, f, classifiedByHand)).classification).toBe("personal");
  });

  it("with applyRuleToInbox, the new rule classifies the rest of the inbox at once, audited as the rule's", async () => {
    const f = await createLedgerFixture(t);
    const chosen = await bankRow(t, f, { description: "AETNA ERA 1", amountCents: 11_000 });
    const other = await bankRow(t, f, { description: "AETNA ERA 2", amountCents: 12_000 });
    const res = await classify(f, {
      transactionIds: [chosen],
      classification: "income",
      payerId: f.aetnaId,
      createRule: { name: "Aetna deposits", descriptionStartsWith: "aetna era" },
      applyRuleToInbox: true,
    });
    const answer = await expectJson<Classified>(res, 200);
    expect(answer.rule).toMatchObject({
      rule: { name: "Aetna deposits" },
      inboxMatches: 1,
      appliedToInbox: 1,
    });
    expect(await getTransaction(f.user, f, other)).toMatchObject({
      classification: "income",
      payerId: f.aetnaId,
      lockedFields: [],
    });
    expect(await auditOf(t, f, other)).toEqual([["update", "rule", null]]);
    expect((await inbox(f)).summary.count).toBe(0);
  });

  it("a rule that cannot be saved refuses the whole request: nothing is classified", async () => {
    const f = await createLedgerFixture(t);
    const id = await bankRow(t, f, { description: "VENMO", amountCents: 2_000 });
    const res = await classify(f, {
      transactionIds: [id],
      classification: "owner_contribution",
      createRule: { descriptionPattern: "(?<=venmo)" },
    });
    const error = await expectError(res, 400, "validation_failed");
    expect(JSON.stringify(error.details)).toContain("createRule.conditions.descriptionPattern");
    expect((await getTransaction(f.user, f, id)).classification).toBe("unreviewed");
    expect(await listRules(f.user, f)).toEqual([]);
    await expectError(
      await classify(f, { transactionIds: [id], classification: "personal", applyRuleToInbox: true }),
      400,
    );
  });
});
