import type { Account } from "../../support/accounts.js";
import { expectJson, type LedgerFixture, record } from "../ledger/ledger-support.js";

/** Requests and fixtures shared by the planning tests (tax planner, mileage, reconciliation, dashboard). */

export type TaxProfile = Record<string, unknown> & { year: number; filingStatus: string };

export async function putProfile(
  who: Account,
  f: LedgerFixture,
  year: number,
  body: Record<string, unknown>,
) {
  return who.client.send("PUT", `${f.base}/tax/profile/${year}`, body);
}

export async function saveProfile(
  who: Account,
  f: LedgerFixture,
  year: number,
  body: Record<string, unknown>,
) {
  return (await expectJson<{ profile: TaxProfile }>(await putProfile(who, f, year, body), 200)).profile;
}

/** Income of `cents` from Aetna on `date`, as a person would record it. */
export async function recordIncome(f: LedgerFixture, date: string, cents: number) {
  return record(f.user, f, { date, amountCents: cents, classification: "income", payerId: f.aetnaId });
}

export async function recordExpense(
  f: LedgerFixture,
  date: string,
  cents: number,
  categoryKey = "office_rent",
) {
  return record(f.user, f, {
    date,
    amountCents: -cents,
    classification: "expense",
    categoryId: f.category[categoryKey],
  });
}

/** The practice's "today" as the server computes it (the fixture practices are in America/Chicago). */
export function chicagoToday(): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "America/Chicago",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());
}

export type ProfitAndLoss = {
  grossReceiptsCents: number;
  totalExpensesCents: number;
  tentativeProfitCents: number;
  lines: { line: string; spentCents: number; deductibleCents: number }[];
};

export async function profitAndLoss(who: Account, f: LedgerFixture, from: string, to: string) {
  const res = await who.client.get(`${f.base}/reports/profit-and-loss?from=${from}&to=${to}`);
  return (await expectJson<{ profitAndLoss: ProfitAndLoss }>(res, 200)).profitAndLoss;
}

export type Quarter = {
  quarter: number;
  dueDate: string;
  installmentCents: number;
  cumulativeRequiredCents: number;
  paidByDueDateCents: number;
  shortfallCents: number | null;
  status: string;
};
/** The parts of GET …/tax/plan/{year} the tests read. */
export type Plan = {
  year: number;
  scope: string;
  ledger: {
    progress: { status: string; daysElapsed: number; daysInYear: number };
    yearToDate: { profitCents: number; grossReceiptsCents: number; totalExpensesCents: number };
    projectedFullYear: { profitCents: number } | null;
    basis: string;
    used: { profitCents: number };
  };
  estimate: Record<string, unknown> & {
    selfEmployment: Record<string, unknown>;
    qbi: Record<string, unknown>;
    tentativeProfitCents: number;
  };
  quarterly: {
    safeHarbor: Record<string, unknown>;
    requiredFromEstimatesCents: number;
    nothingRequired: false | string;
    quarters: Quarter[];
    paidCents: number;
    remainingForYearCents: number;
    next: unknown;
  };
  payments: { source: string; taxYear: number; date: string; amountCents: number; jurisdiction: string }[];
  state: { taxCents: number; paidCents: number; remainingCents: number };
  figures: { key: string; amountCents: number | null; basisPoints: number | null; source: string }[];
};
