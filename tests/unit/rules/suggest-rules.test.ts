import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeForMatch } from "../../../src/domain/rules/description-match.js";
import { matchRule } from "../../../src/domain/rules/match-rule.js";
import { descriptionKey, type ManualChoice, suggestRules } from "../../../src/domain/rules/suggest-rules.js";
import { CATEGORY_OFFICE, CATEGORY_SOFTWARE, CHECKING, PAYER_PRIVATE, rule, VISA } from "./rule-fixtures.js";

describe("descriptionKey", () => {
  it.each([
    ["Zelle payment from [client] 12345678", "zelle payment from"],
    ["ZELLE FROM [client] ON 01/05 REF # WFCT0XYZ", "zelle from"],
    ["VENMO *[client]", "venmo"],
    ["CHECKCARD 0105 STARBUCKS STORE 123 SEATTLE WA", "starbucks store"],
    ["AETNA HEALTH PAYMENT 00123", "aetna health payment"],
    ["SIMPLEPRACTICE 888-555-0100", "simplepractice"],
    ["AMAZON.COM*2K4L19TT2 AMZN.COM/BILL WA", "amazon.com"],
    ["  Blue   Cross  Blue Shield of Texas Claims Payment  ", "blue cross blue shield of"],
    ["Café Luna #12", "café luna"],
    ["O'Reilly's Books - 0412", "o'reilly's books"],
    ["12/05 1234 5678", null],
    ["AB 12", null],
    ["", null],
  ])("%j → %j", (description, key) => {
    expect(descriptionKey(description)).toBe(key);
  });

  it("is a piece of the description, so a rule on it matches where it came from", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 1, max: 10_000 }), (text, cents) => {
        const key = descriptionKey(text);
        if (key === null) return;
        expect(normalizeForMatch(text)).toContain(key);
        const subject = { description: text, amountCents: cents, accountId: CHECKING };
        expect(matchRule({ conditions: { descriptionContains: key } }, subject)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

function choice(
  description: string,
  amountCents: number,
  overrides: Partial<ManualChoice> = {},
): ManualChoice {
  return {
    description,
    amountCents,
    accountId: CHECKING,
    classification: "expense",
    payerId: null,
    categoryId: CATEGORY_SOFTWARE,
    ...overrides,
  };
}

const threeSimplePractice = [
  choice("SIMPLEPRACTICE 888-555-0100", -6900),
  choice("SIMPLEPRACTICE 888-555-0100 CA", -6900),
  choice("SimplePractice   8885550100", -7900, { accountId: VISA }),
];

describe("suggestRules", () => {
  it("suggests a rule after three manual choices that agree", () => {
    expect(suggestRules(threeSimplePractice, [])).toEqual([
      {
        conditions: { descriptionContains: "simplepractice", direction: "out" },
        action: { classification: "expense", payerId: null, categoryId: CATEGORY_SOFTWARE },
        choiceCount: 3,
      },
    ]);
  });

  it("waits for the third choice", () => {
    expect(suggestRules(threeSimplePractice.slice(0, 2), [])).toEqual([]);
  });

  it("suggests nothing when the choices disagree", () => {
    const disagreeing = [
      ...threeSimplePractice,
      choice("SIMPLEPRACTICE 1", -100, { categoryId: CATEGORY_OFFICE }),
    ];
    expect(suggestRules(disagreeing, [])).toEqual([]);
  });

  it("keeps money in and money out apart", () => {
    const zelle = (amountCents: number) =>
      choice("Zelle payment [client] 1", amountCents, {
        classification: amountCents > 0 ? "income" : "personal",
        payerId: amountCents > 0 ? PAYER_PRIVATE : null,
        categoryId: null,
      });
    const suggestions = suggestRules([zelle(100), zelle(200), zelle(300), zelle(-50), zelle(-60)], []);
    expect(suggestions).toEqual([
      {
        conditions: { descriptionContains: "zelle payment", direction: "in" },
        action: { classification: "income", payerId: PAYER_PRIVATE, categoryId: null },
        choiceCount: 3,
      },
    ]);
  });

  it("ignores choices a rule cannot make: unreviewed, or income without a payer (a split)", () => {
    const split = (d: string) =>
      choice(d, 100, { classification: "income", payerId: null, categoryId: null });
    const unreviewed = (d: string) => choice(d, -100, { classification: "unreviewed", categoryId: null });
    const choices = [split("DEPOSIT A"), split("DEPOSIT B"), split("DEPOSIT C")];
    choices.push(unreviewed("X STORE"), unreviewed("X STORE"), unreviewed("X STORE"));
    expect(suggestRules(choices, [])).toEqual([]);
  });

  it("does not suggest what an existing rule already does, or a key a rule already uses", () => {
    const sameAction = rule(
      "r1",
      1,
      { descriptionStartsWith: "simple" },
      {
        classification: "expense",
        categoryId: CATEGORY_SOFTWARE,
      },
    );
    expect(suggestRules(threeSimplePractice, [sameAction])).toEqual([]);
    const sameKey = rule(
      "r2",
      1,
      { descriptionContains: "SimplePractice" },
      {
        classification: "expense",
        categoryId: CATEGORY_OFFICE,
      },
    );
    expect(suggestRules(threeSimplePractice, [sameKey])).toEqual([]);
    // A rule that decides these transactions differently is not "covering" them.
    const other = rule("r3", 1, { direction: "out" }, { classification: "personal" });
    expect(suggestRules(threeSimplePractice, [other])).toHaveLength(1);
  });

  it("orders suggestions by how many choices back them", () => {
    const staples = [1, 2, 3, 4].map((n) =>
      choice(`STAPLES ${n}`, -n * 100, { categoryId: CATEGORY_OFFICE }),
    );
    const keys = suggestRules([...threeSimplePractice, ...staples], []).map(
      (s) => s.conditions.descriptionContains,
    );
    expect(keys).toEqual(["staples", "simplepractice"]);
  });
});
