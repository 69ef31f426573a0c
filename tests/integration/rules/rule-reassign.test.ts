// Deleting a payer or category that rules name: the rules move with its transactions to the
// replacement, in the same step; without a replacement the delete is refused, so a person's
// rules are never dropped in silence by the foreign key's cascade.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
} from "../ledger/ledger-support.js";
import { addRule, bankRow, listRules } from "./rules-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

async function newPayer(name: string): Promise<string> {
  const res = await f.admin.client.post(`${f.base}/payers`, { name, kind: "insurance" });
  return (await expectJson<{ payer: { id: string } }>(res, 201)).payer.id;
}

describe("deleting what rules name", () => {
  it("a payer named only by a rule is in use (409 with the count); with reassignTo the rule moves to the other payer", async () => {
    const optum = await newPayer("Optum");
    const rule = await addRule(f.user, f, {
      conditions: { descriptionContains: "optum" },
      action: { classification: "income", payerId: optum },
    });
    const refused = await expectError(
      await f.admin.client.delete(`${f.base}/payers/${optum}`),
      409,
      "in_use",
    );
    expect(refused.details).toEqual({ transactionCount: 0, ruleCount: 1 });
    expect(refused.message).toContain("1 rule");

    const res = await f.admin.client.delete(`${f.base}/payers/${optum}?reassignTo=${f.aetnaId}`);
    expect(await expectJson(res, 200)).toEqual({ reassigned: 0 });
    const moved = (await listRules(f.user, f)).find((r) => r.id === rule.id);
    expect(moved?.action).toEqual({ classification: "income", payerId: f.aetnaId, categoryId: null });
  });

  it("a payer with transactions and rules: both move in one step", async () => {
    const magellan = await newPayer("Magellan");
    const rule = await addRule(f.user, f, {
      conditions: { descriptionContains: "magellan" },
      action: { classification: "income", payerId: magellan },
    });
    await bankRow(t, f, { description: "MAGELLAN EFT", amountCents: 9_000 });
    await expectJson(await f.user.client.post(`${f.base}/rules/${rule.id}/apply`), 200);
    const refused = await expectError(
      await f.admin.client.delete(`${f.base}/payers/${magellan}`),
      409,
      "in_use",
    );
    expect(refused.details).toEqual({ transactionCount: 1, ruleCount: 1 });
    const res = await f.admin.client.delete(`${f.base}/payers/${magellan}?reassignTo=${f.privatePayId}`);
    expect(await expectJson(res, 200)).toEqual({ reassigned: 1 });
    expect((await listRules(f.user, f)).find((r) => r.id === rule.id)?.action.payerId).toBe(f.privatePayId);
  });

  it("a custom category's rules move to the replacement category", async () => {
    const created = await f.admin.client.post(`${f.base}/categories`, {
      name: "Art supplies for sessions",
      scheduleCLine: "22",
    });
    const category = (await expectJson<{ category: { id: string } }>(created, 201)).category.id;
    const rule = await addRule(f.user, f, {
      conditions: { descriptionContains: "michaels" },
      action: { classification: "expense", categoryId: category },
    });
    const target = f.category.supplies ?? "";
    const res = await f.admin.client.delete(`${f.base}/categories/${category}?reassignTo=${target}`);
    await expectJson(res, 200);
    expect((await listRules(f.user, f)).find((r) => r.id === rule.id)?.action).toEqual({
      classification: "expense",
      payerId: null,
      categoryId: target,
    });
  });
});
