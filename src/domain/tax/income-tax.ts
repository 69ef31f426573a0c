/**
 * Regular income tax from the year's Tax Rate Schedules, as the Form 1040-ES worksheet (line 6)
 * uses them. The Form 1040 Tax Table, which filers under $100,000 use on the return, taxes the
 * midpoint of a $50 band and can differ by a few dollars; an estimate follows the schedules.
 */
import { BASIS_POINTS_PER_WHOLE, divideRoundHalfAwayFromZero } from "../money.js";
import type { Bracket } from "./tax-years.js";

export type BracketSlice = { rateBasisPoints: number; amountCents: number };

/** How much of the taxable income falls in each band, lowest first (empty bands left out). */
export function sliceIntoBrackets(taxableIncomeCents: number, brackets: readonly Bracket[]): BracketSlice[] {
  const slices: BracketSlice[] = [];
  let floor = 0;
  for (const { upToCents, rateBasisPoints } of brackets) {
    if (taxableIncomeCents <= floor) break;
    const top = upToCents === null ? taxableIncomeCents : Math.min(upToCents, taxableIncomeCents);
    slices.push({ rateBasisPoints, amountCents: top - floor });
    if (upToCents === null) break;
    floor = upToCents;
  }
  return slices;
}

/**
 * Sums rate × amount over the bands exactly and rounds once at the end, which is what the
 * schedule's "base amount plus rate × excess" form gives (its base amounts are exact, e.g.
 * $1,192.50), so the result matches a hand computation to the cent.
 */
export function taxFromBrackets(taxableIncomeCents: number, brackets: readonly Bracket[]): number {
  if (taxableIncomeCents <= 0) return 0;
  let total = 0n;
  for (const slice of sliceIntoBrackets(taxableIncomeCents, brackets)) {
    total += BigInt(slice.amountCents) * BigInt(slice.rateBasisPoints);
  }
  return Number(divideRoundHalfAwayFromZero(total, BigInt(BASIS_POINTS_PER_WHOLE)));
}
