// Rules are saved only when they can work: a pattern that cannot compile, an action missing its
// payer or category, or a reference into another practice is refused with the field that is
// wrong, and the order rules run in is theirs to set.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
} from "../ledger/ledger-support.js";
import { addRule, aetnaRule, listRules, type Rule } from "./rules-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

type Issue = { path: string; message: string };

async function refused(body: Record<string, unknown>, status = 400): Promise<Issue[]> {
  const error = await expectError(await f.user.client.post(`${f.base}/rules`, body), status);
  return (error.details ?? []) as Issue[];
}

describe("creating, listing, changing and deleting rules", () => {
  it("a User creates a rule; it is listed with a name made from its conditions, at the end of the order", async () => {
    const first = await addRule(f.user, f, aetnaRule(f));
    expect(first).toMatchObject({
      name: 'Contains "aetna", money in',
      conditions: { descriptionContains: "aetna", direction: "in" },
      action: { classification: "income", payerId: f.aetnaId, categoryId: null },
      enabled: true,
    });
    const second = await addRule(f.user, f, {
      name: "Rent",
      conditions: { descriptionStartsWith: "ACH RENT", amountMinCents: 100_000, amountMaxCents: 300_000 },
      action: { classification: "expense", categoryId: f.category.office_rent },
    });
    expect(second.position).toBeGreaterThan(first.position);
    const listed = await listRules(f.user, f);
    expect(listed.map((r) => r.id).slice(-2)).toEqual([first.id, second.id]);
  });

  it("PATCH renames, replaces conditions and action whole, and switches a rule off; DELETE removes it", async () => {
    const rule = await addRule(f.user, f, aetnaRule(f));
    const path = `${f.base}/rules/${rule.id}`;
    const renamed = await expectJson<{ rule: Rule }>(
      await f.user.client.send("PATCH", path, {
        name: "Transfers to savings",
        conditions: { descriptionContains: "online transfer", accountId: f.accountId },
        action: { classification: "transfer" },
        enabled: false,
      }),
      200,
    );
    expect(renamed.rule).toMatchObject({
      name: "Transfers to savings",
      conditions: { descriptionContains: "online transfer", accountId: f.accountId },
      action: { classification: "transfer", payerId: null, categoryId: null },
      enabled: false,
      position: rule.position,
    });
    expect(renamed.rule.conditions).not.toHaveProperty("direction");
    await expectError(await f.user.client.send("PATCH", path, {}), 400, "validation_failed");
    expect((await f.user.client.delete(path)).status).toBe(204);
    await expectError(await f.user.client.delete(path), 404, "not_found");
    await expectError(await f.user.client.send("PATCH", path, { enabled: true }), 404, "not_found");
  });

  // Each bad rule, the field the answer names, and a word of its message.
  const BAD_RULES: [string, (f: LedgerFixture) => Record<string, unknown>, string, RegExp][] = [
    [
      "a pattern RE2 cannot compile",
      (f) => ({ ...aetnaRule(f), conditions: { descriptionPattern: "aetna(" } }),
      "conditions.descriptionPattern",
      /not a valid regular expression.*missing closing \)/,
    ],
    [
      "a backreference (not linear-time)",
      (f) => ({ ...aetnaRule(f), conditions: { descriptionPattern: "(a)\\1" } }),
      "conditions.descriptionPattern",
      /RE2 syntax/,
    ],
    [
      "no condition at all",
      (f) => ({ ...aetnaRule(f), conditions: {} }),
      "conditions",
      /at least one condition/,
    ],
    [
      "text that is only spaces",
      (f) => ({ ...aetnaRule(f), conditions: { descriptionContains: "   " } }),
      "conditions.descriptionContains",
      /not only spaces/,
    ],
    [
      "a smallest amount above the largest",
      (f) => ({ ...aetnaRule(f), conditions: { amountMinCents: 5_000, amountMaxCents: 1_000 } }),
      "conditions.amountMaxCents",
      /below the smallest/,
    ],
    [
      "income without a payer",
      () => ({ conditions: { descriptionContains: "aetna" }, action: { classification: "income" } }),
      "action.payerId",
      /names its payer/,
    ],
    [
      "an expense without a category",
      () => ({ conditions: { descriptionContains: "staples" }, action: { classification: "expense" } }),
      "action.categoryId",
      /names its category/,
    ],
    [
      "a transfer naming a payer",
      (f) => ({
        conditions: { descriptionContains: "xfer" },
        action: { classification: "transfer", payerId: f.aetnaId },
      }),
      "action.payerId",
      /Only a rule that files income/,
    ],
    [
      "unreviewed as an action",
      () => ({ conditions: { descriptionContains: "x" }, action: { classification: "unreviewed" } }),
      "action.classification",
      /Invalid option/,
    ],
  ];

  it.each(BAD_RULES)("refuses %s with 400 naming the field", async (_label, body, path, message) => {
    const before = (await listRules(f.user, f)).length;
    const issues = await refused(body(f));
    const issue = issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
    expect(await listRules(f.user, f)).toHaveLength(before);
  });

  it("a payer, category or account of another practice is 404, as if it did not exist", async () => {
    await refused(
      {
        conditions: { descriptionContains: "x" },
        action: { classification: "income", payerId: f.other.payerId },
      },
      404,
    );
    await refused(
      {
        conditions: { descriptionContains: "x" },
        action: { classification: "expense", categoryId: f.other.categoryId },
      },
      404,
    );
    await refused({ ...aetnaRule(f), conditions: { accountId: f.other.accountId } }, 404);
    const rule = await addRule(f.user, f, aetnaRule(f));
    const res = await f.user.client.send("PATCH", `${f.base}/rules/${rule.id}`, {
      action: { classification: "income", payerId: f.other.payerId },
    });
    await expectError(res, 404, "not_found");
  });

  it("another practice's rule is 404 to this practice's members", async () => {
    const theirs = await expectJson<{ rule: Rule }>(
      await f.outsider.client.post(`${f.otherBase}/rules`, {
        conditions: { descriptionContains: "x" },
        action: { classification: "personal" },
      }),
      201,
    );
    await expectError(
      await f.owner.client.send("PATCH", `${f.base}/rules/${theirs.rule.id}`, { enabled: false }),
      404,
    );
    await expectError(await f.owner.client.delete(`${f.base}/rules/${theirs.rule.id}`), 404);
    await expectError(await f.owner.client.post(`${f.base}/rules/${theirs.rule.id}/apply?dryRun=true`), 404);
    expect((await listRules(f.owner, f)).map((r) => r.id)).not.toContain(theirs.rule.id);
  });
});

describe("the order rules run in", () => {
  it("reorder rewrites every position at once; a stale or partial list is refused and changes nothing", async () => {
    const g = await createLedgerFixture(t);
    const made: Rule[] = [];
    for (const word of ["alpha", "bravo", "charlie", "delta"]) {
      made.push(
        await addRule(g.user, g, {
          conditions: { descriptionContains: word },
          action: { classification: "personal" },
        }),
      );
    }
    expect(made.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    const wanted = [made[2], made[0], made[3], made[1]].map((r) => r?.id ?? "");
    const res = await g.user.client.post(`${g.base}/rules/reorder`, { ruleIds: wanted });
    const { rules } = await expectJson<{ rules: Rule[] }>(res, 200);
    expect(rules.map((r) => [r.id, r.position])).toEqual(wanted.map((id, i) => [id, i]));
    expect((await listRules(g.user, g)).map((r) => r.id)).toEqual(wanted);

    await expectError(
      await g.user.client.post(`${g.base}/rules/reorder`, { ruleIds: wanted.slice(1) }),
      409,
      "conflict",
    );
    const twice = [wanted[0], ...wanted.slice(0, 3)];
    await expectError(await g.user.client.post(`${g.base}/rules/reorder`, { ruleIds: twice }), 400);
    const foreign = [...wanted.slice(1), f.other.accountId];
    await expectError(await g.user.client.post(`${g.base}/rules/reorder`, { ruleIds: foreign }), 409);
    expect((await listRules(g.user, g)).map((r) => r.id)).toEqual(wanted);

    // A new rule goes after the last one.
    const added = await addRule(g.user, g, {
      conditions: { descriptionContains: "echo" },
      action: { classification: "personal" },
    });
    expect(added.position).toBe(4);
  });
});
