import { describe, expect, it } from "vitest";
import { firstMatchingRule, matchRule, orderRules } from "../../../src/domain/rules/match-rule.js";
import type { Rule, RuleConditions, RuleSubject } from "../../../src/domain/rules/rule-types.js";

const VISA = "acct-visa";
const CHECKING = "acct-checking";

function subject(description: string, amountCents: number, accountId = CHECKING): RuleSubject {
  return { description, amountCents, accountId };
}

function rule(id: string, position: number, conditions: RuleConditions): Rule {
  return { id, position, conditions, action: { classification: "personal" } };
}

describe("matchRule: one condition at a time", () => {
  it.each<[string, RuleConditions, RuleSubject, boolean]>([
    [
      "contains, any case",
      { descriptionContains: "simplepractice" },
      subject("SIMPLEPRACTICE 888", -6900),
      true,
    ],
    [
      "contains, folded spaces",
      { descriptionContains: "blue  cross" },
      subject("BLUE   CROSS TX", 100),
      true,
    ],
    ["contains, absent", { descriptionContains: "aetna" }, subject("CIGNA HLTH", 100), false],
    ["contains, accents", { descriptionContains: "café" }, subject("CAFÉ LUNA", -900), true],
    [
      "starts with",
      { descriptionStartsWith: "zelle payment from" },
      subject("Zelle payment from [client] 1", 5),
      true,
    ],
    [
      "starts with, after spaces",
      { descriptionStartsWith: "zelle" },
      subject("   ZELLE TO [client]", -5),
      true,
    ],
    ["starts with, in the middle", { descriptionStartsWith: "payment" }, subject("Zelle payment", 5), false],
    ["pattern", { descriptionPattern: "^aetna.*\\d{5}$" }, subject("AETNA HEALTH PAYMENT 00123", 9000), true],
    ["pattern, unanchored", { descriptionPattern: "optum|uhc" }, subject("PAYMENT UHC OF CA", 9000), true],
    ["pattern, no match", { descriptionPattern: "^optum" }, subject("PAYMENT OPTUM", 9000), false],
    ["pattern, invalid matches nothing", { descriptionPattern: "(a" }, subject("(a", 1), false],
    ["minimum on the magnitude, in", { amountMinCents: 1000 }, subject("X", 1000), true],
    ["minimum on the magnitude, out", { amountMinCents: 1000 }, subject("X", -1000), true],
    ["below the minimum", { amountMinCents: 1000 }, subject("X", -999), false],
    ["maximum on the magnitude", { amountMaxCents: 5000 }, subject("X", -5000), true],
    ["above the maximum", { amountMaxCents: 5000 }, subject("X", 5001), false],
    ["direction in", { direction: "in" }, subject("X", 1), true],
    ["direction in, money out", { direction: "in" }, subject("X", -1), false],
    ["direction out", { direction: "out" }, subject("X", -1), true],
    ["zero is neither in", { direction: "in" }, subject("X", 0), false],
    ["nor out", { direction: "out" }, subject("X", 0), false],
    ["account", { accountId: VISA }, subject("X", -1, VISA), true],
    ["another account", { accountId: VISA }, subject("X", -1, CHECKING), false],
    ["no condition matches nothing", {}, subject("X", 1), false],
  ])("%s", (_case, conditions, tx, expected) => {
    expect(matchRule({ conditions }, tx)).toBe(expected);
  });
});

describe("matchRule: conditions together", () => {
  // The example: "amount between $10 and $50 and account is Visa → expense".
  const officeSupplies: RuleConditions = {
    amountMinCents: 1000,
    amountMaxCents: 5000,
    accountId: VISA,
    direction: "out",
  };
  it.each<[string, RuleConditions, RuleSubject, boolean]>([
    ["all hold", officeSupplies, subject("STAPLES 00112", -2599, VISA), true],
    ["bounds are inclusive", officeSupplies, subject("STAPLES", -5000, VISA), true],
    ["amount too large", officeSupplies, subject("STAPLES", -5001, VISA), false],
    ["a refund is money in", officeSupplies, subject("STAPLES REFUND", 2599, VISA), false],
    ["wrong account", officeSupplies, subject("STAPLES", -2599, CHECKING), false],
    [
      "text and pattern",
      { descriptionContains: "zelle", descriptionPattern: "from \\[client\\]", direction: "in" },
      subject("Zelle payment from [client] 123", 15000),
      true,
    ],
    [
      "text holds, pattern does not",
      { descriptionContains: "zelle", descriptionPattern: "^venmo" },
      subject("Zelle payment", 15000),
      false,
    ],
    [
      "starts with and contains",
      { descriptionStartsWith: "checkcard", descriptionContains: "starbucks" },
      subject("CHECKCARD 0105 STARBUCKS STORE 1", -550),
      true,
    ],
  ])("%s", (_case, conditions, tx, expected) => {
    expect(matchRule({ conditions }, tx)).toBe(expected);
  });
});

describe("firstMatchingRule: order", () => {
  const broad = rule("b", 20, { direction: "in" });
  const narrow = rule("a", 10, { descriptionContains: "aetna", direction: "in" });
  const tie = rule("0", 20, { direction: "in" });

  it("runs the lowest position first, whatever the list's order", () => {
    expect(firstMatchingRule([broad, narrow], subject("AETNA 1", 100))?.id).toBe("a");
    expect(firstMatchingRule([narrow, broad], subject("OPTUM 1", 100))?.id).toBe("b");
  });

  it("breaks ties by id and answers null when nothing matches", () => {
    expect(firstMatchingRule([broad, tie], subject("OPTUM", 100))?.id).toBe("0");
    expect(firstMatchingRule([broad, narrow], subject("AETNA", -100))).toBeNull();
    expect(orderRules([broad, tie, narrow]).map((r) => r.id)).toEqual(["a", "0", "b"]);
  });
});

describe("descriptionPattern runs in linear time", () => {
  // "(a+)+$" takes a backtracking engine exponential time on "aaaa…!"; RE2 answers in one pass.
  it.each([
    ["(a+)+$", `${"a".repeat(100_000)}!`],
    ["(x+x+)+y", "x".repeat(100_000)],
    ["^(\\w+\\s?)*$", `${"word ".repeat(20_000)}!`],
  ])("%s on a long string completes", (pattern, text) => {
    expect(matchRule({ conditions: { descriptionPattern: pattern } }, subject(text, 1))).toBe(false);
  });
});
