/**
 * The mileage log valued at the IRS business standard mileage rate in force on each trip's date.
 * A year can have more than one rate (2026 changed on July 1), so trips are grouped by the rate
 * that applies to them; each group's miles are added first and valued with one rounding, half away
 * from zero, so a long log of short trips does not gather a rounding error per trip.
 */
import { mulDivCents } from "../money.js";
import { type MileageRate, requireTaxYear } from "./tax-years.js";
import { requireIsoDate, TaxInputError } from "./validate.js";

export type MileageEntry = { date: string; miles: number };

export type MileageRateLine = {
  fromDate: string;
  millsPerMile: number;
  source: string;
  /** Miles in hundredths, so that 12.5 miles is 1250 and sums stay exact. */
  hundredthsOfMiles: number;
  valueCents: number;
};

export type MileageValuation = {
  year: number;
  hundredthsOfMiles: number;
  lines: MileageRateLine[];
  totalCents: number;
};

/** Miles as typed (at most two decimals) to an exact integer count of hundredths. */
function toHundredths(miles: number, field: string): number {
  const hundredths = Math.round(miles * 100);
  // The tolerance only absorbs binary noise (12.3 * 100 = 1230.0000000000002), not real decimals.
  if (!Number.isFinite(miles) || miles < 0 || Math.abs(miles * 100 - hundredths) > 1e-6) {
    throw new TaxInputError(
      `${field} must be a distance of at least 0 with at most two decimals, got ${miles}`,
    );
  }
  return hundredths;
}

function rateFor(date: string, rates: readonly MileageRate[]): MileageRate | undefined {
  let found: MileageRate | undefined;
  for (const rate of rates) if (rate.fromDate <= date) found = rate;
  return found;
}

/** Values the trips of one tax year; a trip dated in another year is refused. */
export function valueMileageLog(year: number, entries: readonly MileageEntry[]): MileageValuation {
  const rates = requireTaxYear(year).mileageRates;
  const hundredthsByRate = new Map<MileageRate, number>();
  entries.forEach((entry, i) => {
    const date = requireIsoDate(entry.date, `entries[${i}].date`);
    if (!date.startsWith(`${year}-`)) {
      throw new TaxInputError(`entries[${i}].date ${date} is not in tax year ${year}`);
    }
    const rate = rateFor(date, rates);
    if (!rate) throw new TaxInputError(`No mileage rate in the data file for ${date}`);
    const miles = toHundredths(entry.miles, `entries[${i}].miles`);
    hundredthsByRate.set(rate, (hundredthsByRate.get(rate) ?? 0) + miles);
  });

  const lines = rates
    .filter((rate) => hundredthsByRate.has(rate))
    .map((rate) => {
      const hundredthsOfMiles = hundredthsByRate.get(rate) ?? 0;
      return {
        fromDate: rate.fromDate,
        millsPerMile: rate.millsPerMile,
        source: rate.source,
        hundredthsOfMiles,
        // hundredths of a mile × mills a mile ÷ 1000 = cents (100 hundredths × 10 mills per cent).
        valueCents: mulDivCents(hundredthsOfMiles, rate.millsPerMile, 1000),
      };
    });
  return {
    year,
    hundredthsOfMiles: lines.reduce((sum, line) => sum + line.hundredthsOfMiles, 0),
    lines,
    totalCents: lines.reduce((sum, line) => sum + line.valueCents, 0),
  };
}
