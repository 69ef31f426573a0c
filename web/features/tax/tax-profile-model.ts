import { FILING_STATUSES, type FilingStatus } from "@domain/tax/tax-years";
import { centsToInput, parseAmount } from "../ledger/money";
import type { TaxProfile, TaxProfileBody } from "./tax-queries";

export { FILING_STATUSES, type FilingStatus };

export const FILING_STATUS_LABELS: Record<FilingStatus, string> = {
  single: "Single",
  married_joint: "Married filing jointly",
  married_separate: "Married filing separately",
  head_of_household: "Head of household",
  qualifying_surviving_spouse: "Qualifying surviving spouse",
};

export const HOME_OFFICE_METHODS = ["none", "simplified", "actual"] as const;
export type HomeOfficeMethod = (typeof HOME_OFFICE_METHODS)[number];

/** The form as typed: every figure is text until it is valid. */
export type ProfileValues = {
  filingStatus: FilingStatus;
  w2Wages: string;
  spouseW2Wages: string;
  otherIncome: string;
  withholding: string;
  healthInsurance: string;
  retirement: string;
  homeOfficeMethod: HomeOfficeMethod;
  homeOfficeSquareFeet: string;
  homeOfficeExpenses: string;
  stateRate: string;
  priorYearTax: string;
  priorYearAgi: string;
};

export type ProfileField = keyof ProfileValues;
export type ProfileProblems = Partial<Record<ProfileField, string>>;

/** Where the API names each field, so its refusals land under the right input. */
export const API_PATHS: Record<ProfileField, string> = {
  filingStatus: "filingStatus",
  w2Wages: "w2WagesCents",
  spouseW2Wages: "spouseW2WagesCents",
  otherIncome: "otherIncomeCents",
  withholding: "withholdingCents",
  healthInsurance: "selfEmployedHealthInsuranceCents",
  retirement: "retirementContributionsCents",
  homeOfficeMethod: "homeOfficeMethod",
  homeOfficeSquareFeet: "homeOfficeSquareFeet",
  homeOfficeExpenses: "homeOfficeExpensesCents",
  stateRate: "stateRateBasisPoints",
  priorYearTax: "priorYearTaxCents",
  priorYearAgi: "priorYearAgiCents",
};

const signed = (cents: number) => (cents < 0 ? `-${centsToInput(cents)}` : centsToInput(cents));
const money = (cents: number | null) => (cents === null || cents === 0 ? "" : signed(cents));

/** 495 basis points → "4.95". */
export function basisPointsToPercent(basisPoints: number): string {
  const rest = basisPoints % 100;
  return rest === 0
    ? String(basisPoints / 100)
    : `${Math.trunc(basisPoints / 100)}.${String(rest).padStart(2, "0")}`;
}

export function profileValues(profile: TaxProfile | null): ProfileValues {
  return {
    filingStatus: profile?.filingStatus ?? "single",
    w2Wages: money(profile?.w2WagesCents ?? 0),
    spouseW2Wages: money(profile?.spouseW2WagesCents ?? 0),
    otherIncome: money(profile?.otherIncomeCents ?? 0),
    withholding: money(profile?.withholdingCents ?? 0),
    healthInsurance: money(profile?.selfEmployedHealthInsuranceCents ?? 0),
    retirement: money(profile?.retirementContributionsCents ?? 0),
    homeOfficeMethod: profile?.homeOfficeMethod ?? "none",
    homeOfficeSquareFeet: profile?.homeOfficeSquareFeet ? String(profile.homeOfficeSquareFeet) : "",
    homeOfficeExpenses: money(profile?.homeOfficeExpensesCents ?? null),
    stateRate:
      profile && profile.stateRateBasisPoints > 0 ? basisPointsToPercent(profile.stateRateBasisPoints) : "",
    priorYearTax: profile?.priorYearTaxCents == null ? "" : signed(profile.priorYearTaxCents),
    priorYearAgi: profile?.priorYearAgiCents == null ? "" : signed(profile.priorYearAgiCents),
  };
}

/** "4.95" → 495; up to 20%, at most two decimals. */
function readPercent(text: string): number | string {
  const match = /^(\d{1,2})(?:\.(\d{1,2}))?%?$/.exec(text.trim());
  if (!match) return "Enter the rate as a percentage, like 4.95.";
  const basisPoints = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return basisPoints > 2000 ? "Enter a rate of 20% or less." : basisPoints;
}

type Read = { ok: true; body: TaxProfileBody } | { ok: false; problems: ProfileProblems };

/** Checks the form as the API would, and builds the request body. */
export function readProfile(v: ProfileValues): Read {
  const problems: ProfileProblems = {};
  const amount = (field: ProfileField, label: string, options: { negative?: boolean } = {}) => {
    const text = v[field].trim();
    if (text === "") return null;
    const parsed = parseAmount(text, { label, allowZero: true, allowNegative: options.negative === true });
    if (parsed.ok) return parsed.cents;
    problems[field] = parsed.message;
    return null;
  };
  const joint = v.filingStatus === "married_joint";
  const body: TaxProfileBody = {
    filingStatus: v.filingStatus,
    w2WagesCents: amount("w2Wages", "Your W-2 wages") ?? 0,
    spouseW2WagesCents: joint ? (amount("spouseW2Wages", "Your spouse’s wages") ?? 0) : 0,
    otherIncomeCents: amount("otherIncome", "Other income", { negative: true }) ?? 0,
    withholdingCents: amount("withholding", "Withholding") ?? 0,
    selfEmployedHealthInsuranceCents: amount("healthInsurance", "Health insurance") ?? 0,
    retirementContributionsCents: amount("retirement", "Retirement contributions") ?? 0,
    homeOfficeMethod: v.homeOfficeMethod,
    homeOfficeSquareFeet: null,
    homeOfficeExpensesCents: null,
    stateRateBasisPoints: 0,
    priorYearTaxCents: amount("priorYearTax", "Last year’s tax"),
    priorYearAgiCents: amount("priorYearAgi", "Last year’s AGI", { negative: true }),
  };
  if (v.homeOfficeMethod === "simplified") {
    const feet = v.homeOfficeSquareFeet.trim();
    if (!/^\d{1,6}$/.test(feet) || Number(feet) < 1 || Number(feet) > 100_000) {
      problems.homeOfficeSquareFeet = "Enter the office’s area in whole square feet, like 150.";
    } else body.homeOfficeSquareFeet = Number(feet);
  }
  if (v.homeOfficeMethod === "actual") {
    body.homeOfficeExpensesCents = amount("homeOfficeExpenses", "Home office expenses");
    if (body.homeOfficeExpensesCents === null && !problems.homeOfficeExpenses) {
      problems.homeOfficeExpenses = "Enter the business share of your home expenses (Form 8829).";
    }
  }
  if (v.stateRate.trim() !== "") {
    const rate = readPercent(v.stateRate);
    if (typeof rate === "string") problems.stateRate = rate;
    else body.stateRateBasisPoints = rate;
  }
  const hasTax = v.priorYearTax.trim() !== "";
  const hasAgi = v.priorYearAgi.trim() !== "";
  if (hasTax !== hasAgi) {
    problems[hasTax ? "priorYearAgi" : "priorYearTax"] =
      "Give both last year’s tax and last year’s AGI, or neither: the safe harbor needs both.";
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, body };
}
