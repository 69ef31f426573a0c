import { describe, expect, it } from "vitest";
import { patternError } from "../../../src/domain/rules/description-match.js";
import type { RuleAction, RuleConditions } from "../../../src/domain/rules/rule-types.js";
import { type RuleDraft, ruleIssues } from "../../../src/domain/rules/validate-rule.js";

const payer = "payer-1";
const category = "category-1";

function draft(conditions: RuleConditions, action: RuleAction = { classification: "personal" }): RuleDraft {
  return { conditions, action };
}

describe("ruleIssues", () => {
  it.each<[string, RuleDraft]>([
    [
      "income with its payer",
      draft({ descriptionContains: "aetna" }, { classification: "income", payerId: payer }),
    ],
    [
      "an expense with its category",
      draft(
        { amountMinCents: 1000, amountMaxCents: 5000 },
        { classification: "expense", categoryId: category },
      ),
    ],
    ["a transfer", draft({ descriptionStartsWith: "online transfer" }, { classification: "transfer" })],
    [
      "personal, with nulls",
      draft({ direction: "out" }, { classification: "personal", payerId: null, categoryId: null }),
    ],
    ["a valid pattern", draft({ descriptionPattern: "^zelle (to|from)\\b" })],
    ["equal bounds", draft({ amountMinCents: 0, amountMaxCents: 0 })],
  ])("accepts %s", (_case, rule) => {
    expect(ruleIssues(rule)).toEqual([]);
  });

  it.each<[string, RuleDraft, string]>([
    ["no condition", draft({}), "conditions"],
    ["blank text", draft({ descriptionContains: "   " }), "conditions.descriptionContains"],
    ["too long text", draft({ descriptionStartsWith: "x".repeat(201) }), "conditions.descriptionStartsWith"],
    ["a broken pattern", draft({ descriptionPattern: "(unclosed" }), "conditions.descriptionPattern"],
    ["a backreference", draft({ descriptionPattern: "(a)\\1" }), "conditions.descriptionPattern"],
    ["a lookahead", draft({ descriptionPattern: "a(?=b)" }), "conditions.descriptionPattern"],
    ["a negative bound", draft({ amountMinCents: -1 }), "conditions.amountMinCents"],
    ["a fractional bound", draft({ amountMaxCents: 10.5 }), "conditions.amountMaxCents"],
    [
      "bounds the wrong way",
      draft({ amountMinCents: 5000, amountMaxCents: 1000 }),
      "conditions.amountMaxCents",
    ],
    ["a bad direction", draft({ direction: "sideways" as "in" }), "conditions.direction"],
    ["a blank account", draft({ accountId: "" }), "conditions.accountId"],
    ["income without payer", draft({ direction: "in" }, { classification: "income" }), "action.payerId"],
    [
      "income with a category",
      draft({ direction: "in" }, { classification: "income", payerId: payer, categoryId: category }),
      "action.categoryId",
    ],
    [
      "an expense without category",
      draft({ direction: "out" }, { classification: "expense" }),
      "action.categoryId",
    ],
    [
      "a transfer with a payer",
      draft({ direction: "out" }, { classification: "transfer", payerId: payer }),
      "action.payerId",
    ],
    ["unreviewed", draft({ direction: "out" }, { classification: "unreviewed" }), "action.classification"],
    ["a blank name", { ...draft({ direction: "in" }), name: " " }, "name"],
  ])("refuses %s", (_case, rule, path) => {
    expect(ruleIssues(rule).map((i) => i.path)).toEqual([path]);
  });

  it("explains a bad pattern in words", () => {
    expect(patternError("(unclosed")).toBe(
      "The pattern is not a valid regular expression (missing closing ): `(unclosed`). " +
        "Patterns use RE2 syntax: no backreferences or lookarounds.",
    );
    expect(patternError("")).toBe("The pattern is empty.");
    expect(patternError("a".repeat(501))).toBe("The pattern is longer than 500 characters.");
    expect(patternError("(a+)+$")).toBeNull();
  });
});
