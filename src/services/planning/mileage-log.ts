import type { Db } from "../../db/client.js";
import { type MileageValuation, valueMileageLog } from "../../domain/tax/mileage.js";
import { findTaxYear, SUPPORTED_TAX_YEARS } from "../../domain/tax/tax-years.js";
import { listMileage, type MileageRow } from "./mileage.js";
import { findVehicleMethod, type VehicleMethodChoice } from "./vehicle-methods.js";

export type MileageLog = {
  year: number;
  entries: MileageRow[];
  vehicleMethod: VehicleMethodChoice;
  /** The trips at the year's standard rate(s); null for a year the data file has no rate for. */
  valuation: MileageValuation | null;
  /** What reaches Schedule C line 9 from the log: the valuation, or nothing under actual expenses. */
  deductionCents: number;
  /** Why there is no valuation, when there is none. */
  note: string | null;
};

/** The year's trips, what they are worth at the IRS standard rate, and whether that rate is used. */
export async function readMileageLog(db: Db, practiceId: string, year: number): Promise<MileageLog> {
  const entries = await listMileage(db, practiceId, year);
  const vehicleMethod = await findVehicleMethod(db, practiceId, year);
  const valuation = findTaxYear(year)
    ? valueMileageLog(
        year,
        entries.map((e) => ({ date: e.date, miles: e.hundredthsOfMiles / 100 })),
      )
    : null;
  const standard = vehicleMethod.method === "standard_mileage";
  return {
    year,
    entries,
    vehicleMethod,
    valuation,
    deductionCents: standard ? (valuation?.totalCents ?? 0) : 0,
    note: valuation
      ? standard
        ? null
        : "Actual car expenses are used this year: the trips document business use, the standard rate is not deducted."
      : `No standard mileage rate for ${year}: the data file has rates for ${SUPPORTED_TAX_YEARS.join(" and ")}.`,
  };
}
