/**
 * Guards shared by the tax modules. The planner's inputs arrive from forms and the ledger; a
 * float, a negative wage or an impossible date would silently produce a wrong tax, so each is
 * refused with a message that names the field.
 */

export class TaxInputError extends Error {
  override readonly name = "TaxInputError";
}

export function requireCents(
  value: number,
  field: string,
  options: { allowNegative?: boolean } = {},
): number {
  if (!Number.isSafeInteger(value)) {
    throw new TaxInputError(`${field} must be a whole number of cents, got ${value}`);
  }
  if (!options.allowNegative && value < 0) {
    throw new TaxInputError(`${field} cannot be negative, got ${value}`);
  }
  return value === 0 ? 0 : value;
}

export function optionalCents(value: number | undefined, field: string): number {
  return value === undefined ? 0 : requireCents(value, field);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written YYYY-MM-DD that exists (2025-02-29 does not). */
export function requireIsoDate(value: string, field: string): string {
  const match = ISO_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return value;
    }
  }
  throw new TaxInputError(`${field} must be a date written YYYY-MM-DD, got "${value}"`);
}
