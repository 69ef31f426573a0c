import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  divideRoundHalfAwayFromZero,
  formatMoney,
  mulDivCents,
  parseMoney,
  percentOfCents,
} from "../../src/domain/money.js";

describe("parseMoney", () => {
  it.each([
    ["1,234.56", 123_456],
    ["$1234.5", 123_450],
    ["(12.00)", -1200],
    ["($1,000)", -100_000],
    ["-12", -1200],
    ["-$12.34", -1234],
    ["+$5", 500],
    ["12", 1200],
    ["  7.05 ", 705],
    [".5", 50],
    ["0", 0],
    ["-0.00", 0],
    ["1,000,000.01", 100_000_001],
    ["90071992547409.91", Number.MAX_SAFE_INTEGER],
  ])("reads %j as %i cents", (input, cents) => {
    expect(parseMoney(input)).toEqual({ ok: true, cents });
  });

  it("never returns negative zero", () => {
    const result = parseMoney("(0.00)");
    expect(result.ok && Object.is(result.cents, 0)).toBe(true);
  });

  it.each([
    ["", /enter an amount/i],
    ["   ", /enter an amount/i],
    ["1.234", /two decimal places/i],
    ["12.345", /two decimal places/i],
    ["1,23", /commas in threes/i],
    ["12,34,567", /commas in threes/i],
    ["abc", /not an amount/i],
    ["1e5", /not an amount/i],
    ["--5", /sign once/i],
    ["$-", /sign once/i],
    ["$-12", /sign once/i],
    ["-", /no digits/i],
    ["$", /no digits/i],
    ["(12", /unbalanced/i],
    ["(-12)", /parentheses or a minus/i],
    ["1 234", /not an amount/i],
    ["1.", /not an amount/i],
    ["12.3.4", /not an amount/i],
    ["NaN", /not an amount/i],
    ["90071992547409.92", /too large/i],
  ])("refuses %j with a reason", (input, reason) => {
    const result = parseMoney(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(reason);
  });
});

describe("formatMoney", () => {
  it.each([
    [123_456, {}, "$1,234.56"],
    [-1200, {}, "-$12.00"],
    [0, {}, "$0.00"],
    [5, {}, "$0.05"],
    [100_000_000, {}, "$1,000,000.00"],
    [Number.MAX_SAFE_INTEGER, {}, "$90,071,992,547,409.91"],
    [123_456, { sign: true }, "+$1,234.56"],
    [-99, { sign: true }, "-$0.99"],
    [0, { sign: true }, "$0.00"],
  ])("formats %i cents %j as %s", (cents, options, text) => {
    expect(formatMoney(cents, options)).toBe(text);
  });

  it("refuses a fraction of a cent", () => {
    expect(() => formatMoney(1.5)).toThrow(RangeError);
  });

  it("round-trips: parsing what it formats gives back the cents", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.boolean(),
        (cents, sign) => {
          expect(parseMoney(formatMoney(cents, { sign }))).toEqual({ ok: true, cents });
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("percentOfCents — one rounding rule, half away from zero", () => {
  it.each([
    // 0.5 of a cent rounds away from zero, on both sides.
    [1, 5000, 1],
    [-1, 5000, -1],
    [3, 5000, 2],
    [-3, 5000, -2],
    // 0.4999 stays down; 0.5 goes up.
    [4999, 1, 0],
    [5000, 1, 1],
    // Schedule SE line 4a: $80,000 × 92.35% = $73,880.00.
    [8_000_000, 9235, 7_388_000],
    // Line 10: $73,880.00 × 12.4% = $9,161.12.
    [7_388_000, 1240, 916_112],
    // $1,681,417 × 50% = 840,708.5 → 840,709.
    [1_681_417, 5000, 840_709],
  ])("%i cents × %i bp = %i cents", (cents, basisPoints, expected) => {
    expect(percentOfCents(cents, basisPoints)).toBe(expected);
  });

  it("takes an exact ratio for rates finer than a basis point", () => {
    // A phase-out halfway through: $225,868.02 × 25,000/50,000 = $112,934.01.
    expect(percentOfCents(22_586_802, { numerator: 25_000, denominator: 50_000 })).toBe(11_293_401);
    // 1/3 of a dollar is 33.33…¢ → 33¢; 2/3 is 66.66…¢ → 67¢.
    expect(percentOfCents(100, { numerator: 1, denominator: 3 })).toBe(33);
    expect(percentOfCents(100, { numerator: 2n, denominator: 3n })).toBe(67);
  });

  it("does not drift on amounts a float would garble", () => {
    // 0.1 + 0.2 style error: (2^53 − 1) × 10000 / 10000 must come back exactly.
    expect(percentOfCents(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(mulDivCents(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it("agrees with a bigint reference for any amount and rate", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (cents, basisPoints) => {
          const exact = BigInt(cents) * BigInt(basisPoints);
          const result = BigInt(percentOfCents(cents, basisPoints));
          // |result × 10000 − exact| ≤ 5000, and a tie always moves away from zero.
          const error = result * 10_000n - exact;
          expect(error <= 5000n && error >= -5000n).toBe(true);
          if (error === 5000n) expect(exact > 0n).toBe(true);
          if (error === -5000n) expect(exact < 0n).toBe(true);
        },
      ),
    );
  });

  it("refuses non-integer inputs and a zero denominator", () => {
    expect(() => percentOfCents(10.5, 100)).toThrow(RangeError);
    expect(() => percentOfCents(10, 0.5)).toThrow(RangeError);
    expect(() => mulDivCents(10, 1, 0)).toThrow(RangeError);
    expect(() => divideRoundHalfAwayFromZero(1n, 0n)).toThrow(RangeError);
  });
});
