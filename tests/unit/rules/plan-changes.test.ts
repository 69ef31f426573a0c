import { describe, expect, it } from "vitest";
import { planRuleChanges, ruleChangeFor, withRuleChange } from "../../../src/domain/rules/plan-changes.js";
import type { RuleAction, RuleTransaction } from "../../../src/domain/rules/rule-types.js";
import {
  CATEGORY_OFFICE,
  CATEGORY_SOFTWARE,
  PAYER_AETNA,
  PAYER_PRIVATE,
  rule,
  tx,
  VISA,
} from "./rule-fixtures.js";

const aetnaIncome = rule(
  "r-aetna",
  1,
  { descriptionContains: "aetna", direction: "in" },
  {
    classification: "income",
    payerId: PAYER_AETNA,
  },
);
const software = rule(
  "r-sp",
  2,
  { descriptionStartsWith: "simplepractice" },
  {
    classification: "expense",
    categoryId: CATEGORY_SOFTWARE,
  },
);
const officeOnVisa = rule(
  "r-office",
  3,
  { amountMinCents: 1000, amountMaxCents: 5000, accountId: VISA },
  {
    classification: "expense",
    categoryId: CATEGORY_OFFICE,
  },
);
const zelleIn = rule(
  "r-zelle",
  4,
  { descriptionPattern: "^zelle payment from", direction: "in" },
  {
    classification: "income",
    payerId: PAYER_PRIVATE,
  },
);
const transfers = rule(
  "r-transfer",
  5,
  { descriptionContains: "online transfer" },
  { classification: "transfer" },
);
const RULES = [transfers, zelleIn, officeOnVisa, software, aetnaIncome];

describe("planRuleChanges", () => {
  it("plans the first matching rule's action for each transaction, and only real changes", () => {
    const txs = [
      tx("t1", { description: "AETNA HEALTH PAYMENT 00123", amountCents: 9000 }),
      tx("t2", { description: "SIMPLEPRACTICE 888-555-0100", amountCents: -6900, accountId: VISA }),
      tx("t3", { description: "STAPLES 00112", amountCents: -2599, accountId: VISA }),
      tx("t4", { description: "Zelle payment from [client] 1882", amountCents: 15000 }),
      tx("t5", { description: "Online Transfer to SAV ...5678", amountCents: -50000 }),
      tx("t6", { description: "COFFEE", amountCents: -450 }),
      // Already what the rule says: no change.
      tx("t7", { description: "AETNA 2", amountCents: 100, classification: "income", payerId: PAYER_AETNA }),
    ];
    expect(planRuleChanges(RULES, txs)).toEqual([
      { transactionId: "t1", ruleId: "r-aetna", change: { classification: "income", payerId: PAYER_AETNA } },
      {
        transactionId: "t2",
        ruleId: "r-sp",
        change: { classification: "expense", categoryId: CATEGORY_SOFTWARE },
      },
      {
        transactionId: "t3",
        ruleId: "r-office",
        change: { classification: "expense", categoryId: CATEGORY_OFFICE },
      },
      {
        transactionId: "t4",
        ruleId: "r-zelle",
        change: { classification: "income", payerId: PAYER_PRIVATE },
      },
      { transactionId: "t5", ruleId: "r-transfer", change: { classification: "transfer" } },
    ]);
  });

  it("only the first match acts: a later rule never fills in what an earlier one could not", () => {
    const locked = tx("t", {
      description: "SIMPLEPRACTICE",
      amountCents: -2500,
      accountId: VISA,
      classification: "personal",
      lockedFields: ["classification"],
    });
    // "r-sp" (position 2) matches first but the classification is locked: "r-office" does not step in.
    expect(planRuleChanges(RULES, [locked])).toEqual([]);
  });

  it("with a rule id, plans only where that rule is the first match", () => {
    const txs = [
      tx("t1", { description: "SIMPLEPRACTICE", amountCents: -2500, accountId: VISA }),
      tx("t2", { description: "STAPLES", amountCents: -2500, accountId: VISA }),
    ];
    expect(planRuleChanges(RULES, txs, { ruleId: "r-office" }).map((p) => p.transactionId)).toEqual(["t2"]);
  });
});

describe("ruleChangeFor: locks and splits", () => {
  const income: RuleAction = { classification: "income", payerId: PAYER_AETNA };
  const expense: RuleAction = { classification: "expense", categoryId: CATEGORY_OFFICE };
  const expenseTx = { classification: "expense", payerId: null, categoryId: CATEGORY_SOFTWARE } as const;
  const incomeTx = { classification: "income", payerId: PAYER_PRIVATE, categoryId: null } as const;

  it.each<[string, RuleAction, Partial<RuleTransaction>, ReturnType<typeof ruleChangeFor>]>([
    ["unreviewed → income", income, {}, { classification: "income", payerId: PAYER_AETNA }],
    [
      "expense → income clears the category",
      income,
      expenseTx,
      { classification: "income", payerId: PAYER_AETNA, categoryId: null },
    ],
    [
      "income → transfer clears the payer",
      { classification: "transfer" },
      incomeTx,
      {
        classification: "transfer",
        payerId: null,
      },
    ],
    ["a new payer only", income, incomeTx, { payerId: PAYER_AETNA }],
    ["nothing to change", { classification: "income", payerId: PAYER_PRIVATE }, incomeTx, null],
    [
      "classification locked, class differs",
      income,
      { ...expenseTx, lockedFields: ["classification"] },
      null,
    ],
    [
      "classification locked, same class, category free",
      expense,
      { ...expenseTx, lockedFields: ["classification"] },
      { categoryId: CATEGORY_OFFICE },
    ],
    ["category locked", expense, { ...expenseTx, lockedFields: ["category"] }, null],
    [
      "category locked, and reclassifying would clear it",
      income,
      { ...expenseTx, lockedFields: ["category"] },
      null,
    ],
    ["payer locked", income, { ...incomeTx, lockedFields: ["payer"] }, null],
    [
      "payer locked, the rule agrees",
      { classification: "income", payerId: PAYER_PRIVATE },
      {
        ...incomeTx,
        lockedFields: ["payer"],
      },
      null,
    ],
    [
      "locks on other fields do not matter",
      income,
      { lockedFields: ["description", "date", "amount"] },
      { classification: "income", payerId: PAYER_AETNA },
    ],
    ["a split transaction", expense, { classification: "expense", splitCount: 2 }, null],
    ["an invalid action", { classification: "income" }, {}, null],
  ])("%s", (_case, action, overrides, expected) => {
    expect(ruleChangeFor(action, tx("t", overrides))).toEqual(expected);
  });

  it("applied, leaves nothing more to change", () => {
    const before = tx("t", { ...expenseTx });
    const change = ruleChangeFor(income, before);
    expect(change).not.toBeNull();
    const after = withRuleChange(before, change ?? {});
    expect(after).toMatchObject({ classification: "income", payerId: PAYER_AETNA, categoryId: null });
    expect(ruleChangeFor(income, after)).toBeNull();
  });
});
