import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { FilingStatus } from "../../domain/tax/tax-years.js";
import { users } from "./identity.js";
import { ledgerAccounts } from "./ledger.js";
import { practices } from "./practices.js";

/*
 * Tax planning, the mileage log and reconciliation (issue 5). Amounts are integer cents in
 * bigint columns (decision 0003). The tax profile and the estimated payments recorded by hand are
 * the Owner's personal data: they reach both the practice and the person by cascading keys, so
 * deleting either removes them. The mileage log and reconciliations are practice data.
 */

const cents = (name: string) => bigint(name, { mode: "number" });
const practiceId = () =>
  uuid("practice_id")
    .notNull()
    .references(() => practices.id, { onDelete: "cascade" });
const personId = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const HOME_OFFICE_METHODS = ["none", "simplified", "actual"] as const;
export type HomeOfficeMethod = (typeof HOME_OFFICE_METHODS)[number];

export const VEHICLE_METHODS = ["standard_mileage", "actual_expenses"] as const;
export type VehicleMethod = (typeof VEHICLE_METHODS)[number];

export const TAX_JURISDICTIONS = ["federal", "state"] as const;
export type TaxJurisdiction = (typeof TAX_JURISDICTIONS)[number];

/** One person's tax facts for one practice and year: what the ledger cannot know. */
export const taxProfiles = pgTable(
  "tax_profiles",
  {
    practiceId: practiceId(),
    userId: personId(),
    year: integer("year").notNull(),
    filingStatus: text("filing_status").$type<FilingStatus>().notNull(),
    w2WagesCents: cents("w2_wages_cents").notNull().default(0),
    spouseW2WagesCents: cents("spouse_w2_wages_cents").notNull().default(0),
    otherIncomeCents: cents("other_income_cents").notNull().default(0),
    withholdingCents: cents("withholding_cents").notNull().default(0),
    selfEmployedHealthInsuranceCents: cents("se_health_insurance_cents").notNull().default(0),
    retirementContributionsCents: cents("retirement_contributions_cents").notNull().default(0),
    homeOfficeMethod: text("home_office_method").$type<HomeOfficeMethod>().notNull().default("none"),
    homeOfficeSquareFeet: integer("home_office_square_feet"),
    homeOfficeExpensesCents: cents("home_office_expenses_cents"),
    stateRateBasisPoints: integer("state_rate_basis_points").notNull().default(0),
    priorYearTaxCents: cents("prior_year_tax_cents"),
    priorYearAgiCents: cents("prior_year_agi_cents"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.userId, t.year] }),
    index("tax_profiles_user_idx").on(t.userId),
    check("tax_profiles_year_check", sql`${t.year} between 1900 and 2200`),
    check(
      "tax_profiles_filing_status_check",
      sql`${t.filingStatus} in ('single', 'married_joint', 'married_separate', 'head_of_household', 'qualifying_surviving_spouse')`,
    ),
    check("tax_profiles_home_office_check", sql`${t.homeOfficeMethod} in ('none', 'simplified', 'actual')`),
    check("tax_profiles_state_rate_check", sql`${t.stateRateBasisPoints} between 0 and 2000`),
  ],
);

/** An estimated tax payment recorded by hand in the planner (those found in the ledger are transactions). */
export const estimatedTaxPayments = pgTable(
  "estimated_tax_payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    userId: personId(),
    year: integer("year").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    jurisdiction: text("jurisdiction").$type<TaxJurisdiction>().notNull().default("federal"),
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("estimated_tax_payments_owner_idx").on(t.practiceId, t.userId, t.year),
    index("estimated_tax_payments_user_idx").on(t.userId),
    check(
      "estimated_tax_payments_amount_check",
      sql`${t.amountCents} > 0 and ${t.amountCents} <= 100000000000`,
    ),
    check("estimated_tax_payments_jurisdiction_check", sql`${t.jurisdiction} in ('federal', 'state')`),
  ],
);

/** A business trip. Miles are kept in hundredths so that sums are exact. */
export const mileageEntries = pgTable(
  "mileage_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    date: date("date", { mode: "string" }).notNull(),
    hundredthsOfMiles: integer("hundredths_of_miles").notNull(),
    purpose: text("purpose").notNull(),
    fromPlace: text("from_place"),
    toPlace: text("to_place"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("mileage_entries_practice_date_idx").on(t.practiceId, t.date),
    check(
      "mileage_entries_miles_check",
      sql`${t.hundredthsOfMiles} > 0 and ${t.hundredthsOfMiles} <= 100000000`,
    ),
  ],
);

/**
 * How a year's car costs reach Schedule C line 9: the standard mileage rate (the default when no
 * row exists) or actual expenses categorised on line 9.
 */
export const vehicleMethods = pgTable(
  "vehicle_methods",
  {
    practiceId: practiceId(),
    year: integer("year").notNull(),
    method: text("method").$type<VehicleMethod>().notNull(),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.year] }),
    check("vehicle_methods_method_check", sql`${t.method} in ('standard_mileage', 'actual_expenses')`),
    check("vehicle_methods_year_check", sql`${t.year} between 1900 and 2200`),
  ],
);

/** A statement's ending balance compared with the ledger's balance on that date. */
export const reconciliations = pgTable(
  "reconciliations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: "cascade" }),
    statementDate: date("statement_date", { mode: "string" }).notNull(),
    statementBalanceCents: cents("statement_balance_cents").notNull(),
    ledgerBalanceCents: cents("ledger_balance_cents").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("reconciliations_account_idx").on(t.accountId, t.statementDate),
    index("reconciliations_practice_idx").on(t.practiceId),
    check("reconciliations_balance_check", sql`abs(${t.statementBalanceCents}) <= 100000000000`),
  ],
);
