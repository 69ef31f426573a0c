import type { Db } from "../../db/client.js";
import { estimateFederalTax } from "../../domain/tax/estimate.js";
import { findTaxYear, SUPPORTED_TAX_YEARS } from "../../domain/tax/tax-years.js";
import type { LedgerActor } from "../ledger/ledger-db.js";
import type { LedgerFigures } from "./ledger-profit.js";
import { listTaxPayments } from "./tax-payments.js";
import { estimateInputOf, findTaxProfile } from "./tax-profiles.js";
import { computeTax } from "./tax-year.js";

/**
 * The dashboard's tax set-aside: the tax on the year's profit so far, as if the year ended today,
 * less the withholding and estimated payments already made (federal and state). It rests on the
 * Owner's personal tax profile, so only the Owner's dashboard carries it; anyone else, or an Owner
 * without a profile for the year, gets the reason instead of a number built on guesses.
 */

export type SetAsideFigures = {
  /** Income tax, SE tax and Additional Medicare Tax on the profit so far. */
  federalTaxCents: number;
  stateTaxCents: number;
  totalTaxCents: number;
  withholdingCents: number;
  paymentsCents: number;
  /** What to keep aside now: total tax less withholding and payments, not below zero. */
  setAsideCents: number;
};

export type SetAside = {
  status: "computed" | "owner_only" | "no_profile" | "unsupported_year";
  message: string | null;
  figures: SetAsideFigures | null;
};

export async function computeSetAside(
  db: Db,
  member: LedgerActor & { isOwner: boolean },
  year: number,
  profitSoFar: LedgerFigures,
): Promise<SetAside> {
  if (!member.isOwner) {
    return {
      status: "owner_only",
      message: "The tax set-aside comes from the Owner's personal tax profile, so only the Owner sees it.",
      figures: null,
    };
  }
  if (!findTaxYear(year)) {
    return {
      status: "unsupported_year",
      message: `No tax figures for ${year}: the planner has figures for ${SUPPORTED_TAX_YEARS.join(" and ")} only.`,
      figures: null,
    };
  }
  const profile = await findTaxProfile(db, member, year);
  if (!profile) {
    return {
      status: "no_profile",
      message: `Fill in your tax profile for ${year} in the tax planner to see how much to set aside.`,
      figures: null,
    };
  }
  const estimate = computeTax(() =>
    estimateFederalTax(
      estimateInputOf(profile, {
        ledgerProfitCents: profitSoFar.profitCents,
        practiceW2WagesPaidCents: profitSoFar.wagesPaidCents,
      }),
    ),
  );
  const payments = await listTaxPayments(db, member, year);
  const paymentsCents = payments.reduce((sum, p) => sum + p.amountCents, 0);
  return {
    status: "computed",
    message: null,
    figures: {
      federalTaxCents: estimate.totalFederalTaxCents,
      stateTaxCents: estimate.stateTaxCents,
      totalTaxCents: estimate.totalTaxCents,
      withholdingCents: profile.withholdingCents,
      paymentsCents,
      setAsideCents: Math.max(0, estimate.totalTaxCents - profile.withholdingCents - paymentsCents),
    },
  };
}
