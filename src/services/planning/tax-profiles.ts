import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { type HomeOfficeMethod, taxProfiles } from "../../db/schema/planning.js";
import type { EstimateInput, HomeOffice } from "../../domain/tax/estimate.js";
import type { FilingStatus } from "../../domain/tax/tax-years.js";
import type { Executor, LedgerActor } from "../ledger/ledger-db.js";

/**
 * The Owner's personal tax facts for one practice and year. Keyed by the person, not only the
 * practice: when ownership passes to someone else, they start from their own (empty) profile and
 * never see the previous Owner's.
 */

export type TaxProfileRow = typeof taxProfiles.$inferSelect;

export type TaxProfileInput = {
  filingStatus: FilingStatus;
  w2WagesCents: number;
  spouseW2WagesCents: number;
  otherIncomeCents: number;
  withholdingCents: number;
  selfEmployedHealthInsuranceCents: number;
  retirementContributionsCents: number;
  homeOfficeMethod: HomeOfficeMethod;
  homeOfficeSquareFeet: number | null;
  homeOfficeExpensesCents: number | null;
  stateRateBasisPoints: number;
  priorYearTaxCents: number | null;
  priorYearAgiCents: number | null;
};

export async function findTaxProfile(
  db: Executor,
  owner: LedgerActor,
  year: number,
): Promise<TaxProfileRow | undefined> {
  const [row] = await db
    .select()
    .from(taxProfiles)
    .where(
      and(
        eq(taxProfiles.practiceId, owner.practiceId),
        eq(taxProfiles.userId, owner.userId),
        eq(taxProfiles.year, year),
      ),
    );
  return row;
}

/** Creates or replaces the whole profile for the year. */
export async function saveTaxProfile(
  db: Db,
  owner: LedgerActor,
  year: number,
  input: TaxProfileInput,
): Promise<TaxProfileRow> {
  const values = { ...input, updatedAt: new Date() };
  const [row] = await db
    .insert(taxProfiles)
    .values({ practiceId: owner.practiceId, userId: owner.userId, year, ...values })
    .onConflictDoUpdate({
      target: [taxProfiles.practiceId, taxProfiles.userId, taxProfiles.year],
      set: values,
    })
    .returning();
  if (!row) throw new Error("tax profile upsert returned no row");
  return row;
}

function homeOfficeOf(profile: TaxProfileRow): HomeOffice | undefined {
  if (profile.homeOfficeMethod === "simplified" && profile.homeOfficeSquareFeet !== null) {
    return { method: "simplified", squareFeet: profile.homeOfficeSquareFeet };
  }
  if (profile.homeOfficeMethod === "actual" && profile.homeOfficeExpensesCents !== null) {
    return { method: "actual", expensesCents: profile.homeOfficeExpensesCents };
  }
  return undefined;
}

/** The estimate's inputs: the profile's facts around the ledger's profit (and wages it paid). */
export function estimateInputOf(
  profile: TaxProfileRow,
  ledger: { ledgerProfitCents: number; practiceW2WagesPaidCents: number },
): EstimateInput {
  return {
    year: profile.year,
    filingStatus: profile.filingStatus,
    ledgerProfitCents: ledger.ledgerProfitCents,
    homeOffice: homeOfficeOf(profile),
    w2WagesCents: profile.w2WagesCents,
    spouseW2WagesCents: profile.spouseW2WagesCents,
    otherIncomeCents: profile.otherIncomeCents,
    selfEmployedHealthInsuranceCents: profile.selfEmployedHealthInsuranceCents,
    retirementContributionsCents: profile.retirementContributionsCents,
    practiceW2WagesPaidCents: ledger.practiceW2WagesPaidCents,
    stateRateBasisPoints: profile.stateRateBasisPoints,
  };
}

export function priorYearOf(profile: TaxProfileRow): { taxCents: number; agiCents: number } | null {
  if (profile.priorYearTaxCents === null || profile.priorYearAgiCents === null) return null;
  return { taxCents: profile.priorYearTaxCents, agiCents: profile.priorYearAgiCents };
}
