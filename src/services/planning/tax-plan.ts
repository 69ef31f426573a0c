import type { Db } from "../../db/client.js";
import { estimateFederalTax, type FederalTaxEstimate } from "../../domain/tax/estimate.js";
import { planQuarterlyPayments, type QuarterlyPlan, type QuarterStatus } from "../../domain/tax/quarterly.js";
import { ApiError } from "../../http/errors.js";
import type { LedgerActor } from "../ledger/ledger-db.js";
import { type LedgerProfit, readLedgerProfit } from "./ledger-profit.js";
import { findPracticeToday } from "./practice-calendar.js";
import { type CitedFigure, citedFigures } from "./tax-figures.js";
import { listTaxPayments, type TaxPayment } from "./tax-payments.js";
import { estimateInputOf, findTaxProfile, priorYearOf, type TaxProfileRow } from "./tax-profiles.js";
import { computeTax, requirePlannerYear } from "./tax-year.js";

/**
 * The Owner's tax plan for a year: the ledger's profit (projected to the full year while the
 * year is in progress), their profile, and every estimated payment, through the tax domain
 * (estimateFederalTax, planQuarterlyPayments). Federal estimates are planned by quarter; the
 * flat-rate state tax is shown with the state payments recorded against it.
 */

export const PLAN_SCOPE = "Sole proprietor or single-member LLC; S corporations are not covered";

export type QuarterView = QuarterStatus & { status: "not_required" | "met" | "short" | "next" | "upcoming" };

export type TaxPlan = {
  year: number;
  today: string;
  scope: string;
  profile: TaxProfileRow;
  ledger: LedgerProfit;
  estimate: FederalTaxEstimate;
  quarterly: Omit<QuarterlyPlan, "quarters"> & { quarters: QuarterView[] };
  payments: TaxPayment[];
  state: { taxCents: number; paidCents: number; remainingCents: number };
  figures: CitedFigure[];
};

function quarterViews(plan: QuarterlyPlan): QuarterView[] {
  return plan.quarters.map((q) => ({
    ...q,
    status: plan.nothingRequired
      ? "not_required"
      : q.shortfallCents !== null
        ? q.shortfallCents === 0
          ? "met"
          : "short"
        : plan.next?.quarter === q.quarter
          ? "next"
          : "upcoming",
  }));
}

export function needsProfile(year: number): ApiError {
  return new ApiError(
    409,
    "conflict",
    `Fill in your tax profile for ${year} first: the plan needs your filing status and other income.`,
    { needs: "tax_profile", year },
  );
}

export async function buildTaxPlan(db: Db, owner: LedgerActor, year: number): Promise<TaxPlan> {
  const figures = requirePlannerYear(year);
  const profile = await findTaxProfile(db, owner, year);
  if (!profile) throw needsProfile(year);
  const { today } = await findPracticeToday(db, owner.practiceId);
  const ledger = await readLedgerProfit(db, owner.practiceId, year, today);
  const payments = await listTaxPayments(db, owner, year);
  const federal = payments.filter((p) => p.jurisdiction === "federal");

  const estimate = computeTax(() =>
    estimateFederalTax(
      estimateInputOf(profile, {
        ledgerProfitCents: ledger.used.profitCents,
        practiceW2WagesPaidCents: ledger.used.wagesPaidCents,
      }),
    ),
  );
  const quarterly = computeTax(() =>
    planQuarterlyPayments({
      year,
      filingStatus: profile.filingStatus,
      currentYearTaxCents: estimate.totalFederalTaxCents,
      withholdingCents: profile.withholdingCents,
      priorYear: priorYearOf(profile),
      payments: federal.map((p) => ({ date: p.date, amountCents: p.amountCents })),
      today,
    }),
  );
  const statePaidCents = payments
    .filter((p) => p.jurisdiction === "state")
    .reduce((sum, p) => sum + p.amountCents, 0);
  return {
    year,
    today,
    scope: PLAN_SCOPE,
    profile,
    ledger,
    estimate,
    quarterly: { ...quarterly, quarters: quarterViews(quarterly) },
    payments,
    state: {
      taxCents: estimate.stateTaxCents,
      paidCents: statePaidCents,
      remainingCents: Math.max(0, estimate.stateTaxCents - statePaidCents),
    },
    figures: citedFigures(figures, profile.filingStatus, {
      simplifiedHomeOffice: profile.homeOfficeMethod === "simplified",
    }),
  };
}
