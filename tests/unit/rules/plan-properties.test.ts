import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classificationIssues } from "../../../src/domain/ledger/classification.js";
import { LOCKABLE_FIELDS, LOCKED_PROPERTY } from "../../../src/domain/ledger/locks.js";
import { CLASSIFICATIONS } from "../../../src/domain/ledger/vocabulary.js";
import { planRuleChanges, withRuleChange } from "../../../src/domain/rules/plan-changes.js";
import {
  RULE_CLASSIFICATIONS,
  type Rule,
  type RuleTransaction,
} from "../../../src/domain/rules/rule-types.js";

const WORDS = [
  "zelle",
  "payment",
  "from",
  "[client]",
  "aetna",
  "simplepractice",
  "online",
  "transfer",
  "1234",
];
const ACCOUNTS = ["acct-a", "acct-b"];
const PAYERS = ["payer-a", "payer-b"];
const CATEGORIES = ["category-a", "category-b"];
const PATTERNS = ["^zelle", "aetna|optum", "\\d{4}$", "(a+)+$", "from \\[client\\]"];

const description = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 })
  .map((w) => w.join(" "));
const amount = fc.integer({ min: -20_000, max: 20_000 });

const action = fc.constantFrom(...RULE_CLASSIFICATIONS).chain((classification) =>
  fc.record({
    classification: fc.constant(classification),
    payerId: classification === "income" ? fc.constantFrom(...PAYERS) : fc.constant(null),
    categoryId: classification === "expense" ? fc.constantFrom(...CATEGORIES) : fc.constant(null),
  }),
);

const rule: fc.Arbitrary<Rule> = fc.record({
  id: fc.uuid(),
  position: fc.integer({ min: 0, max: 5 }),
  conditions: fc.record(
    {
      descriptionContains: fc.constantFrom(...WORDS),
      descriptionStartsWith: fc.constantFrom(...WORDS),
      descriptionPattern: fc.constantFrom(...PATTERNS),
      amountMinCents: fc.integer({ min: 0, max: 10_000 }),
      amountMaxCents: fc.integer({ min: 5_000, max: 20_000 }),
      direction: fc.constantFrom("in" as const, "out" as const),
      accountId: fc.constantFrom(...ACCOUNTS),
    },
    { requiredKeys: [] },
  ),
  action,
});

/** A transaction in a valid state: classified consistently, possibly split, possibly locked. */
const transaction: fc.Arbitrary<RuleTransaction> = fc
  .record({
    id: fc.uuid(),
    description,
    amountCents: amount,
    accountId: fc.constantFrom(...ACCOUNTS),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    payer: fc.constantFrom(...PAYERS),
    category: fc.constantFrom(...CATEGORIES),
    lockedFields: fc.subarray([...LOCKABLE_FIELDS]),
    split: fc.boolean(),
  })
  .map(({ payer, category, split, ...t }) => {
    const splittable = t.classification === "income" || t.classification === "expense";
    const splitCount = split && splittable ? 2 : 0;
    return {
      ...t,
      payerId: t.classification === "income" && splitCount === 0 ? payer : null,
      categoryId: t.classification === "expense" && splitCount === 0 ? category : null,
      splitCount,
    };
  });

const world = fc.record({
  rules: fc.array(rule, { maxLength: 6 }),
  transactions: fc.array(transaction, { maxLength: 30 }),
});

function applyPlan(rules: Rule[], txs: RuleTransaction[]) {
  const plan = planRuleChanges(rules, txs);
  const byId = new Map(plan.map((p) => [p.transactionId, p.change]));
  return { plan, after: txs.map((t) => withRuleChange(t, byId.get(t.id) ?? {})) };
}

describe("planRuleChanges properties", () => {
  it("is idempotent: after applying the plan, re-planning finds nothing to change", () => {
    fc.assert(
      fc.property(world, ({ rules, transactions }) => {
        const { after } = applyPlan(rules, transactions);
        expect(planRuleChanges(rules, after)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("never changes a locked field or a split transaction, and leaves every change valid", () => {
    fc.assert(
      fc.property(world, ({ rules, transactions }) => {
        const { plan, after } = applyPlan(rules, transactions);
        for (const [i, before] of transactions.entries()) {
          const now = after[i];
          if (!now) throw new Error("a transaction went missing");
          for (const lock of before.lockedFields) {
            const property = LOCKED_PROPERTY[lock as keyof typeof LOCKED_PROPERTY];
            expect(now[property as keyof RuleTransaction]).toEqual(before[property as keyof RuleTransaction]);
          }
          if (before.splitCount > 0) expect(now).toEqual(before);
          if (now !== before && plan.some((p) => p.transactionId === before.id)) {
            const fields = { ...now, method: null, sessionsCount: null, processorFeeCents: null };
            expect(classificationIssues(fields, 0)).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("counts exactly the transactions whose classification, payer or category would change", () => {
    fc.assert(
      fc.property(world, ({ rules, transactions }) => {
        const { plan, after } = applyPlan(rules, transactions);
        const changed = transactions.filter((t, i) => {
          const a = after[i];
          return (
            a &&
            (a.classification !== t.classification ||
              a.payerId !== t.payerId ||
              a.categoryId !== t.categoryId)
          );
        });
        expect(plan.length).toBe(changed.length);
      }),
      { numRuns: 200 },
    );
  });
});
