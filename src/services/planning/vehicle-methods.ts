import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type VehicleMethod, vehicleMethods } from "../../db/schema/planning.js";
import type { Executor, LedgerActor } from "../ledger/ledger-db.js";
import { requireOpenYearsFor } from "./open-years.js";

/**
 * How a year's car costs reach Schedule C line 9: the standard mileage rate (the default, with
 * no row) or the actual expenses categorised on line 9. Changing it changes a year's profit, so a
 * closed year's choice is fixed like its transactions.
 */

export type VehicleMethodChoice = {
  year: number;
  method: VehicleMethod;
  /** True when nobody chose: the standard mileage rate applies. */
  isDefault: boolean;
  updatedAt: Date | null;
};

export async function findVehicleMethod(
  db: Executor,
  practiceId: string,
  year: number,
): Promise<VehicleMethodChoice> {
  const [row] = await db
    .select({ method: vehicleMethods.method, updatedAt: vehicleMethods.updatedAt })
    .from(vehicleMethods)
    .where(and(eq(vehicleMethods.practiceId, practiceId), eq(vehicleMethods.year, year)));
  return row
    ? { year, method: row.method, isDefault: false, updatedAt: row.updatedAt }
    : { year, method: "standard_mileage", isDefault: true, updatedAt: null };
}

export async function chooseVehicleMethod(
  db: Db,
  actor: LedgerActor,
  year: number,
  method: VehicleMethod,
): Promise<VehicleMethodChoice> {
  return db.transaction(async (tx) => {
    await requireOpenYearsFor(tx, actor.practiceId, [`${year}-01-01`], "the vehicle method of a closed year");
    const set = { method, changedBy: actor.userId, updatedAt: new Date() };
    await tx
      .insert(vehicleMethods)
      .values({ practiceId: actor.practiceId, year, ...set })
      .onConflictDoUpdate({ target: [vehicleMethods.practiceId, vehicleMethods.year], set });
    return findVehicleMethod(tx, actor.practiceId, year);
  });
}
