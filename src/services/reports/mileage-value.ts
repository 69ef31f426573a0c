/**
 * The mileage log's part of Schedule C line 9. For each calendar year the range touches, the
 * year's vehicle method decides (no `vehicle_methods` row = the standard mileage rate): under the
 * standard rate the trips dated in the range are valued by `valueMileageLog` (one rounding per
 * rate); under actual expenses the log adds nothing and line 9 holds only categorised expenses.
 * A year the tax data file has no rates for is reported as not valued rather than guessed at.
 */
import { and, eq, gte, lte, sql } from "drizzle-orm";
import { queryRows } from "../../db/client.js";
import type { VehicleMethod } from "../../db/schema/planning.js";
import { vehicleMethods } from "../../db/schema/planning.js";
import { type MileageEntry, valueMileageLog } from "../../domain/tax/mileage.js";
import { findTaxYear } from "../../domain/tax/tax-years.js";
import { centsOf, type ReportExecutor, type ReportRange, yearsOf } from "./report-range.js";

export type MileageYear = {
  year: number;
  method: VehicleMethod;
  hundredthsOfMiles: number;
  /** What the trips add to line 9: 0 under actual expenses or when the year has no rate. */
  valueCents: number;
  trips: number;
  /** False when the standard rate applies but the data file has no rate for the year. */
  valued: boolean;
};

export type MileageDay = { date: string; hundredthsOfMiles: number; trips: number };

type MileageDb = ReportExecutor;

/** The log's miles per day in the range, summed in SQL. */
export async function loadMileageDays(
  db: MileageDb,
  practiceId: string,
  range: ReportRange,
): Promise<MileageDay[]> {
  const rows = await queryRows<{ date: string; hundredths: string; trips: number }>(
    db,
    sql`select m.date::text as date, sum(m.hundredths_of_miles)::text as hundredths, count(*)::int as trips
        from mileage_entries m
        where m.practice_id = ${practiceId} and m.date >= ${range.from}::date and m.date <= ${range.to}::date
        group by m.date order by m.date`,
  );
  return rows.map((r) => ({
    date: r.date,
    hundredthsOfMiles: centsOf(r.hundredths),
    trips: Number(r.trips),
  }));
}

/** Each year's vehicle method; a year without a row uses the standard mileage rate. */
export async function loadVehicleMethods(
  db: MileageDb,
  practiceId: string,
  range: ReportRange,
): Promise<Map<number, VehicleMethod>> {
  const years = yearsOf(range);
  const rows = await db
    .select({ year: vehicleMethods.year, method: vehicleMethods.method })
    .from(vehicleMethods)
    .where(
      and(
        eq(vehicleMethods.practiceId, practiceId),
        gte(vehicleMethods.year, years[0] ?? 0),
        lte(vehicleMethods.year, years.at(-1) ?? 0),
      ),
    );
  const methods = new Map<number, VehicleMethod>(years.map((y) => [y, "standard_mileage"]));
  for (const r of rows) methods.set(r.year, r.method);
  return methods;
}

function toEntries(days: readonly MileageDay[]): MileageEntry[] {
  // Hundredths back to miles: h / 100 × 100 rounds back to h exactly in valueMileageLog.
  return days.map((d) => ({ date: d.date, miles: d.hundredthsOfMiles / 100 }));
}

/** Values one year's (or one month's) trips under the year's method. */
export function valueDays(year: number, method: VehicleMethod, days: readonly MileageDay[]): MileageYear {
  const hundredthsOfMiles = days.reduce((sum, d) => sum + d.hundredthsOfMiles, 0);
  const trips = days.reduce((sum, d) => sum + d.trips, 0);
  const base = { year, method, hundredthsOfMiles, trips };
  if (method === "actual_expenses" || days.length === 0) return { ...base, valueCents: 0, valued: true };
  if (!findTaxYear(year)) return { ...base, valueCents: 0, valued: false };
  return { ...base, valueCents: valueMileageLog(year, toEntries(days)).totalCents, valued: true };
}

/** Line 9's mileage for every year the range touches. */
export async function valueMileageForRange(
  db: MileageDb,
  practiceId: string,
  range: ReportRange,
): Promise<MileageYear[]> {
  const days = await loadMileageDays(db, practiceId, range);
  const methods = await loadVehicleMethods(db, practiceId, range);
  return yearsOf(range).map((year) =>
    valueDays(
      year,
      methods.get(year) ?? "standard_mileage",
      days.filter((d) => d.date.startsWith(`${year}-`)),
    ),
  );
}
