/**
 * Money is an integer number of cents (decision 0003). Text becomes cents only through
 * `parseMoney`, cents become text only through `formatMoney`, and every rate applied to cents
 * goes through `percentOfCents`/`mulDivCents`, which round exactly once.
 *
 * THE rounding rule: half away from zero (0.5¢ → 1¢, -0.5¢ → -1¢). It is the rule a person
 * applies when writing a worksheet line by hand, and it is symmetric, so a refund and a charge of
 * the same size round to the same magnitude. The arithmetic is done in bigint, so no product is
 * ever a float, whatever the size of the amount.
 */

export type ParseMoneyResult = { ok: true; cents: number } | { ok: false; message: string };

/** A rate as an exact fraction of 1, e.g. 9235/10000 for 92.35%. */
export type Ratio = { numerator: number | bigint; denominator: number | bigint };

export const BASIS_POINTS_PER_WHOLE = 10_000;

// Digits, either plain ("1234") or grouped by thousands ("1,234"), then at most two decimals.
// Grouping must be exact: "1,23" or "12,34,567" are rejected rather than guessed at.
const AMOUNT_PATTERN = /^(?:(\d+)|(\d{1,3}(?:,\d{3})+))?(?:\.(\d{1,2}))?$/;

function refuse(message: string): ParseMoneyResult {
  return { ok: false, message };
}

/**
 * Reads an amount typed by a person or found in a file: "1,234.56", "$1234.5", "(12.00)"
 * (accounting negative), "-12", "-$12", "12". Anything that could mean two different amounts —
 * "1.234" (a thousands point or three decimals?), "1,23" — is refused with a reason, never guessed.
 */
export function parseMoney(input: string): ParseMoneyResult {
  let text = input.trim();
  if (text === "") return refuse("Enter an amount.");

  let negative = false;
  if (text.startsWith("(") || text.endsWith(")")) {
    if (!(text.startsWith("(") && text.endsWith(")"))) {
      return refuse("Unbalanced parentheses: write a negative amount as (12.00) or -12.00.");
    }
    negative = true;
    text = text.slice(1, -1).trim();
  }
  if (text.startsWith("-") || text.startsWith("+")) {
    if (negative) return refuse("Use either parentheses or a minus sign, not both.");
    negative = text.startsWith("-");
    text = text.slice(1);
  }
  if (text.startsWith("$")) text = text.slice(1);
  if (text === "") return refuse("The amount has no digits.");
  if (/^[-+$(]/.test(text)) {
    return refuse("Write the sign once, before the dollar sign: -$12.00.");
  }

  const match = AMOUNT_PATTERN.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) {
    if (/\.\d{3,}$/.test(text)) {
      return refuse("Use at most two decimal places (cents); a point before three digits is ambiguous.");
    }
    if (/,/.test(text)) return refuse("Group thousands with commas in threes, e.g. 1,234.56.");
    return refuse("Not an amount: use digits, an optional $ and at most two decimal places.");
  }

  const whole = (match[1] ?? match[2] ?? "0").replaceAll(",", "");
  const fraction = (match[3] ?? "").padEnd(2, "0");
  const magnitude = BigInt(whole) * 100n + BigInt(fraction);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return refuse("The amount is too large.");
  const cents = Number(magnitude);
  // Never hand out -0: it is not `toBe(0)` and it formats as "-$0.00".
  return { ok: true, cents: negative && cents !== 0 ? -cents : cents };
}

function requireCents(cents: number, name = "cents"): void {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`${name} must be a whole number of cents, got ${cents}`);
  }
}

/** "$1,234.56", "-$12.00"; with `sign: true` a positive amount shows "+$…" (zero never signed). */
export function formatMoney(cents: number, options: { sign?: boolean } = {}): string {
  requireCents(cents);
  const magnitude = Math.abs(cents);
  const rest = magnitude % 100;
  // Exact integer division, and grouping by hand so the output does not depend on the ICU data.
  const dollars = String((magnitude - rest) / 100).replace(/\B(?=(\d{3})+$)/g, ",");
  const prefix = cents < 0 ? "-" : options.sign && cents > 0 ? "+" : "";
  return `${prefix}$${dollars}.${String(rest).padStart(2, "0")}`;
}

/** numerator / denominator rounded half away from zero, in exact integer arithmetic. */
export function divideRoundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("Division by zero");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (2n * n + d) / (2n * d);
  return negative ? -quotient : quotient;
}

function toBigInt(value: number | bigint, name: string): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
  return BigInt(value);
}

/** cents × numerator / denominator, rounded once, half away from zero. */
export function mulDivCents(cents: number, numerator: number | bigint, denominator: number | bigint): number {
  requireCents(cents);
  const d = toBigInt(denominator, "denominator");
  if (d === 0n) throw new RangeError("denominator must not be zero");
  const result = divideRoundHalfAwayFromZero(BigInt(cents) * toBigInt(numerator, "numerator"), d);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError("The result is too large to hold in cents");
  }
  const out = Number(result);
  return out === 0 ? 0 : out;
}

/**
 * A rate applied to cents. A number is basis points (1/100 of a percent: 15.3% = 1530), which
 * covers every statutory tax rate exactly; a Ratio carries anything finer, such as a phase-out
 * fraction of $12,345 over $50,000.
 */
export function percentOfCents(cents: number, rate: number | Ratio): number {
  if (typeof rate === "number") return mulDivCents(cents, rate, BASIS_POINTS_PER_WHOLE);
  return mulDivCents(cents, rate.numerator, rate.denominator);
}
