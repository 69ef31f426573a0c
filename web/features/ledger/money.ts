import { MAX_AMOUNT_CENTS } from "@domain/ledger/vocabulary";
import { formatMoney, type ParseMoneyResult, parseMoney } from "@domain/money";

/**
 * Money in the browser. Reading and writing amounts are the server's own functions
 * (src/domain/money.ts, pure code shared through the @domain alias), so "1,234.56", "$1234.5"
 * and "(12.00)" mean here exactly what they mean to the API, and "1.234" or "1,23" are refused
 * with the same reasons. What this module adds is what a form needs on top: the ledger's bounds,
 * the sign rules of a field, and the text that puts an amount back into a field.
 */
export { formatMoney, type ParseMoneyResult, parseMoney };

export type AmountRules = {
  /** How the field is named in messages ("The processor fee"). */
  label?: string;
  /** Whether a negative amount ("-12", "(12.00)") may be typed; otherwise the sign is refused. */
  allowNegative?: boolean;
  /** What to say when a sign is refused; by default that the field cannot be negative. */
  negativeMessage?: string;
  /** Whether $0.00 is a valid answer (a fee of nothing); amounts of a transaction are never 0. */
  allowZero?: boolean;
};

/** Parses a typed amount and checks it against the field's rules and the ledger's bound. */
export function parseAmount(input: string, rules: AmountRules = {}): ParseMoneyResult {
  const label = rules.label ?? "The amount";
  const parsed = parseMoney(input);
  if (!parsed.ok) return parsed;
  if (parsed.cents < 0 && !rules.allowNegative) {
    return { ok: false, message: rules.negativeMessage ?? `${label} cannot be negative.` };
  }
  if (parsed.cents === 0 && !rules.allowZero) return { ok: false, message: `${label} cannot be $0.00.` };
  if (Math.abs(parsed.cents) > MAX_AMOUNT_CENTS) {
    return {
      ok: false,
      message: `${label} is over ${formatMoney(MAX_AMOUNT_CENTS)}, the largest the ledger holds.`,
    };
  }
  return parsed;
}

/** The magnitude of an amount as a person would type it back: 123456 → "1,234.56". */
export function centsToInput(cents: number): string {
  return formatMoney(Math.abs(cents)).slice(1);
}

/** An amount with its sign spelled for reading: "+$150.00", "−$12.00" (a true minus sign). */
export function formatSignedMoney(cents: number): string {
  return formatMoney(cents, { sign: true }).replace(/^-/, "−");
}
