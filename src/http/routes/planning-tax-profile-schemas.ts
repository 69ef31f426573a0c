import { z } from "@hono/zod-openapi";
import { HOME_OFFICE_METHODS } from "../../db/schema/planning.js";
import { FILING_STATUSES } from "../../domain/tax/tax-years.js";
import type { TaxProfileRow } from "../../services/planning/tax-profiles.js";
import { NonNegativeCentsSchema } from "./ledger-schemas.js";
import { SignedCentsSchema } from "./planning-schemas.js";

export const FilingStatusSchema = z.enum(FILING_STATUSES);
export const HomeOfficeMethodSchema = z.enum(HOME_OFFICE_METHODS);

const profileFields = {
  filingStatus: FilingStatusSchema,
  w2WagesCents: NonNegativeCentsSchema.default(0).openapi({ description: "Your own W-2 wages this year" }),
  spouseW2WagesCents: NonNegativeCentsSchema.default(0).openapi({
    description: "Your spouse's W-2 wages; on a joint return only",
  }),
  otherIncomeCents: SignedCentsSchema.default(0).openapi({
    description: "Other ordinary income (interest, a second business); a loss is negative",
  }),
  withholdingCents: NonNegativeCentsSchema.default(0).openapi({
    description: "Federal income tax withheld from W-2 wages this year",
  }),
  selfEmployedHealthInsuranceCents: NonNegativeCentsSchema.default(0),
  retirementContributionsCents: NonNegativeCentsSchema.default(0).openapi({
    description: "SEP, SIMPLE or solo 401(k) contributions for yourself",
  }),
  homeOfficeMethod: HomeOfficeMethodSchema.default("none"),
  homeOfficeSquareFeet: z.int().min(1).max(100_000).nullable().default(null).openapi({
    description: "Simplified method only: $5 a square foot, counted up to 300",
  }),
  homeOfficeExpensesCents: NonNegativeCentsSchema.nullable().default(null).openapi({
    description: "Actual method only: the business share of home expenses (Form 8829)",
  }),
  stateRateBasisPoints: z.int().min(0).max(2000).default(0).openapi({
    description: "A flat state income tax rate on AGI, in basis points (4.95% = 495), 0 to 20%",
  }),
  priorYearTaxCents: NonNegativeCentsSchema.nullable().default(null).openapi({
    description: "Last year's total tax (Form 1040 line 24); with last year's AGI, for the safe harbor",
  }),
  priorYearAgiCents: SignedCentsSchema.nullable().default(null).openapi({
    description: "Last year's adjusted gross income (Form 1040 line 11)",
  }),
};

type ProfileBody = z.infer<z.ZodObject<typeof profileFields>>;

/** Consistency the field types cannot say: the home office method's own figure, spouse wages, last year. */
function checkProfile(p: ProfileBody, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (p.homeOfficeMethod === "simplified" && p.homeOfficeSquareFeet === null) {
    issue("homeOfficeSquareFeet", "Give the office's square feet for the simplified method.");
  }
  if (p.homeOfficeMethod !== "simplified" && p.homeOfficeSquareFeet !== null) {
    issue("homeOfficeSquareFeet", "Square feet apply to the simplified method only.");
  }
  if (p.homeOfficeMethod === "actual" && p.homeOfficeExpensesCents === null) {
    issue("homeOfficeExpensesCents", "Give the home office expenses for the actual method.");
  }
  if (p.homeOfficeMethod !== "actual" && p.homeOfficeExpensesCents !== null) {
    issue("homeOfficeExpensesCents", "Home office expenses apply to the actual method only.");
  }
  if (p.filingStatus !== "married_joint" && p.spouseW2WagesCents > 0) {
    issue("spouseW2WagesCents", "A spouse's wages belong on a joint return only (married filing jointly).");
  }
  if ((p.priorYearTaxCents === null) !== (p.priorYearAgiCents === null)) {
    issue(
      p.priorYearTaxCents === null ? "priorYearTaxCents" : "priorYearAgiCents",
      "Give both last year's tax and last year's AGI, or neither: the safe harbor needs both.",
    );
  }
}

export const TaxProfileBody = z.strictObject(profileFields).superRefine(checkProfile);

export const TaxProfileSchema = z
  .object({
    year: z.number().int(),
    filingStatus: FilingStatusSchema,
    w2WagesCents: z.number().int(),
    spouseW2WagesCents: z.number().int(),
    otherIncomeCents: z.number().int(),
    withholdingCents: z.number().int(),
    selfEmployedHealthInsuranceCents: z.number().int(),
    retirementContributionsCents: z.number().int(),
    homeOfficeMethod: HomeOfficeMethodSchema,
    homeOfficeSquareFeet: z.number().int().nullable(),
    homeOfficeExpensesCents: z.number().int().nullable(),
    stateRateBasisPoints: z.number().int(),
    priorYearTaxCents: z.number().int().nullable(),
    priorYearAgiCents: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .openapi("TaxProfile");

export function taxProfileJson(row: TaxProfileRow): z.infer<typeof TaxProfileSchema> {
  const { practiceId: _practiceId, userId: _userId, updatedAt, ...fields } = row;
  return { ...fields, updatedAt: updatedAt.toISOString() };
}
