// A rule is suggested once a person has made the same choice by hand three times, never after
// two, never when their choices disagree, and no longer once a rule does the work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createLedgerFixture, expectJson, type LedgerFixture, patch } from "../ledger/ledger-support.js";
import { addRule, bankRow } from "./rules-support.js";

type Suggestion = {
  conditions: { descriptionContains: string; direction: string };
  action: { classification: string; payerId: string | null; categoryId: string | null };
  choiceCount: number;
  changeCount: number;
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function suggestions(f: LedgerFixture): Promise<Suggestion[]> {
  const res = await f.user.client.get(`${f.base}/rules/suggestions`);
  return (await expectJson<{ suggestions: Suggestion[] }>(res, 200)).suggestions;
}

async function classifyByHand(f: LedgerFixture, id: string, categoryId: string | undefined) {
  await expectJson(await patch(f.user, f, id, { classification: "expense", categoryId }), 200);
}

describe("rule suggestions from manual choices", () => {
  it("appear after exactly three agreeing choices, with how many transactions the rule would change", async () => {
    const f = await createLedgerFixture(t);
    const meals = f.category.meals;
    const rows: string[] = [];
    const stores = ["0105 STARBUCKS STORE 123", "0212 STARBUCKS STORE 9 SEATTLE", "0301 starbucks store #44"];
    for (const [i, store] of stores.entries()) {
      rows.push(await bankRow(t, f, { description: `CHECKCARD ${store}`, amountCents: -450 - i }));
    }
    const waiting = await bankRow(t, f, { description: "STARBUCKS STORE 77", amountCents: -500 });
    await bankRow(t, f, { description: "STARBUCKS STORE REFUND", amountCents: 500 }); // money in: not alike

    await classifyByHand(f, rows[0] ?? "", meals);
    await classifyByHand(f, rows[1] ?? "", meals);
    expect(await suggestions(f)).toEqual([]);

    await classifyByHand(f, rows[2] ?? "", meals);
    const [suggestion, ...rest] = await suggestions(f);
    expect(rest).toEqual([]);
    expect(suggestion).toEqual({
      conditions: { descriptionContains: "starbucks store", direction: "out" },
      action: { classification: "expense", payerId: null, categoryId: meals },
      choiceCount: 3,
      changeCount: 1,
    });

    // Saving it (as the UI does with the suggestion) makes the suggestion go away.
    const rule = await addRule(f.user, f, {
      conditions: suggestion?.conditions,
      action: suggestion?.action,
    });
    expect(await suggestions(f)).toEqual([]);
    const applied = await f.user.client.post(`${f.base}/rules/${rule.id}/apply`);
    expect((await expectJson<{ applied: number }>(applied, 200)).applied).toBe(1);
    const res = await f.user.client.get(`${f.base}/transactions/${waiting}`);
    expect((await expectJson<{ transaction: { categoryId: string } }>(res, 200)).transaction.categoryId).toBe(
      meals,
    );
  });

  it("choices that disagree suggest nothing", async () => {
    const f = await createLedgerFixture(t);
    const categories = [f.category.office_expense, f.category.office_expense, f.category.supplies];
    for (const categoryId of categories) {
      const id = await bankRow(t, f, { description: "AMAZON MKTPLACE PMTS", amountCents: -2_000 });
      await classifyByHand(f, id, categoryId);
    }
    expect(await suggestions(f)).toEqual([]);
    const fourth = await bankRow(t, f, { description: "AMAZON MKTPLACE PMTS", amountCents: -2_100 });
    await classifyByHand(f, fourth, f.category.office_expense);
    expect(await suggestions(f)).toEqual([]);
  });

  it("what rules classified is not a manual choice", async () => {
    const f = await createLedgerFixture(t);
    const rule = await addRule(f.user, f, {
      conditions: { descriptionContains: "gusto" },
      action: { classification: "owner_draw" },
    });
    for (let i = 0; i < 3; i++)
      await bankRow(t, f, { description: `GUSTO PAYROLL ${i}`, amountCents: -1_000 });
    await expectJson(await f.user.client.post(`${f.base}/rules/${rule.id}/apply`), 200);
    await expectJson(await f.user.client.delete(`${f.base}/rules/${rule.id}`), 204);
    expect(await suggestions(f)).toEqual([]);
  });
});
