import { parseMoney } from "../../../src/domain/money.js";

/** "$1,234.56" → 123456: lets a worked example be written in dollars, as on the forms. */
export function usd(text: string): number {
  const result = parseMoney(text);
  if (!result.ok) throw new Error(`Bad amount in a test: ${text} (${result.message})`);
  return result.cents;
}
