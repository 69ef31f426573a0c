import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSplits, MAX_SPLITS } from "../../../src/domain/ledger/splits.js";
import { MAX_AMOUNT_CENTS } from "../../../src/domain/ledger/vocabulary.js";

const payer = "00000000-0000-4000-8000-000000000001";
const category = "00000000-0000-4000-8000-000000000002";

describe("checkSplits", () => {
  it("accepts income split across payers to the cent, parts of either sign", () => {
    expect(
      checkSplits(10_000, "income", [
        { amountCents: 12_000, payerId: payer },
        { amountCents: -2_000, payerId: payer },
      ]),
    ).toEqual({ ok: true });
  });

  it("refuses a sum a cent off, saying by how much in dollars", () => {
    const result = checkSplits(-10_000, "expense", [
      { amountCents: -5_000, categoryId: category },
      { amountCents: -4_999, categoryId: category },
    ]);
    expect(result).toEqual({
      ok: false,
      code: "splits_unbalanced",
      sumCents: -9_999,
      message: "The splits add up to -$99.99 but the transaction is -$100.00; they must match to the cent.",
    });
  });

  it.each([
    ["fewer than two parts", "income", [{ amountCents: 100, payerId: payer }]],
    [
      "a zero part",
      "income",
      [
        { amountCents: 100, payerId: payer },
        { amountCents: 0, payerId: payer },
      ],
    ],
    [
      "a fractional part",
      "income",
      [
        { amountCents: 99.5, payerId: payer },
        { amountCents: 0.5, payerId: payer },
      ],
    ],
    [
      "income parts with a category",
      "income",
      [
        { amountCents: 50, categoryId: category },
        { amountCents: 50, payerId: payer },
      ],
    ],
    [
      "expense parts with a payer",
      "expense",
      [
        { amountCents: 50, payerId: payer },
        { amountCents: 50, categoryId: category },
      ],
    ],
    ["a transfer", "transfer", [{ amountCents: 50 }, { amountCents: 50 }]],
    [
      "an oversized part",
      "income",
      [
        { amountCents: MAX_AMOUNT_CENTS + 1, payerId: payer },
        { amountCents: -MAX_AMOUNT_CENTS - 1, payerId: payer },
      ],
    ],
    [
      "too many parts",
      "income",
      Array.from({ length: MAX_SPLITS + 1 }, () => ({ amountCents: 1, payerId: payer })),
    ],
  ] as const)("refuses %s as invalid", (_label, classification, splits) => {
    const amount = splits.reduce((sum, s) => sum + s.amountCents, 0);
    const result = checkSplits(amount, classification, splits);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.code).toBe("validation_failed");
  });

  it("property: valid income splits are accepted exactly when they sum to the amount", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.array(
          fc.integer({ min: -500_000, max: 500_000 }).filter((n) => n !== 0),
          { minLength: 2, maxLength: 8 },
        ),
        (amount, parts) => {
          const result = checkSplits(
            amount,
            "income",
            parts.map((amountCents) => ({ amountCents, payerId: payer })),
          );
          expect(result.ok).toBe(parts.reduce((a, b) => a + b, 0) === amount);
        },
      ),
    );
  });
});
