import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { LockableField } from "../../domain/ledger/locks.js";
import type { ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import type {
  AccountKind,
  AuditAction,
  AuditOrigin,
  Classification,
  IncomeMethod,
  PayerKind,
  TransactionSource,
} from "../../domain/ledger/vocabulary.js";
import { users } from "./identity.js";
import { importBatches } from "./imports.js";
import { practices } from "./practices.js";

/*
 * The practice ledger (decision 0011). Every amount is integer cents in a bigint column
 * (decision 0003), with ONE sign convention: positive = money into the account, negative =
 * money out of it, seen from the account the transaction belongs to. Every table reaches
 * `practices` by a cascading key; a column that only names who made a change is SET NULL.
 *
 * The CHECK constraints spell out the vocabularies of domain/ledger/vocabulary.ts and the bound
 * MAX_AMOUNT_CENTS (10^11) as literal SQL; tests/unit/ledger/schema-checks.test.ts keeps them equal.
 */

const cents = (name: string) => bigint(name, { mode: "number" });
const practiceId = () =>
  uuid("practice_id")
    .notNull()
    .references(() => practices.id, { onDelete: "cascade" });

/** A bank, card or cash account. `opening_balance_cents` follows the sign convention. */
export const ledgerAccounts = pgTable(
  "ledger_accounts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    name: text("name").notNull(),
    kind: text("kind").$type<AccountKind>().notNull(),
    /** The last four digits of the account number, to tell accounts apart; never more. */
    last4: text("last4"),
    openingBalanceCents: cents("opening_balance_cents").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("ledger_accounts_practice_idx").on(t.practiceId),
    check("ledger_accounts_kind_check", sql`${t.kind} in ('checking', 'savings', 'credit_card', 'cash')`),
    check("ledger_accounts_last4_check", sql`${t.last4} is null or ${t.last4} ~ '^[0-9]{4}$'`),
    check("ledger_accounts_opening_balance_check", sql`abs(${t.openingBalanceCents}) <= 100000000000`),
  ],
);

/** Who pays the practice: an insurer, "Private pay", an EAP. Never a client by name. */
export const payers = pgTable(
  "payers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    name: text("name").notNull(),
    kind: text("kind").$type<PayerKind>().notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payers_practice_name_key").on(t.practiceId, sql`lower(${t.name})`),
    check("payers_kind_check", sql`${t.kind} in ('insurance', 'private_pay', 'eap', 'other')`),
  ],
);

/** A payer's contracted rate for a service code (CPT/HCPCS, e.g. "90837"): dollars, never a client. */
export const payerRates = pgTable(
  "payer_rates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    payerId: uuid("payer_id")
      .notNull()
      .references(() => payers.id, { onDelete: "cascade" }),
    practiceId: practiceId(),
    serviceCode: text("service_code").notNull(),
    rateCents: cents("rate_cents").notNull(),
  },
  (t) => [
    uniqueIndex("payer_rates_payer_code_key").on(t.payerId, t.serviceCode),
    index("payer_rates_practice_idx").on(t.practiceId),
    check("payer_rates_rate_check", sql`${t.rateCents} >= 0 and ${t.rateCents} <= 100000000000`),
  ],
);

/**
 * An expense category mapped to a Schedule C line. `preset_key` names a category of the preset
 * chart (null for the practice's own): presets may be renamed or archived, never deleted.
 */
export const categories = pgTable(
  "categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    name: text("name").notNull(),
    scheduleCLine: text("schedule_c_line").$type<ScheduleCLineCode>().notNull(),
    presetKey: text("preset_key"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("categories_practice_name_key").on(t.practiceId, sql`lower(${t.name})`),
    uniqueIndex("categories_practice_preset_key").on(t.practiceId, t.presetKey),
    check(
      "categories_line_check",
      sql`${t.scheduleCLine} in ('8', '9', '10', '11', '12', '13', '14', '15', '16a', '16b', '17', '18', '19', '20a', '20b', '21', '22', '23', '24a', '24b', '25', '26', '27a')`,
    ),
  ],
);

/**
 * One ledger entry. `amount_cents`: positive = into the account, negative = out of it. For
 * income, `amount_cents` is what reached the account, net of `processor_fee_cents` (a positive
 * number of cents the processor kept); gross receipts are their sum. The payer and category
 * keys are SET NULL only as a safety net: the services reassign before deleting either.
 */
export const transactions = pgTable(
  "transactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    amountCents: cents("amount_cents").notNull(),
    description: text("description").notNull().default(""),
    memo: text("memo"),
    classification: text("classification").$type<Classification>().notNull().default("unreviewed"),
    payerId: uuid("payer_id").references(() => payers.id, { onDelete: "set null" }),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    method: text("method").$type<IncomeMethod>(),
    sessionsCount: integer("sessions_count"),
    processorFeeCents: cents("processor_fee_cents"),
    vendor: text("vendor"),
    lockedFields: text("locked_fields").array().$type<LockableField[]>().notNull().default(sql`'{}'::text[]`),
    source: text("source").$type<TransactionSource>().notNull().default("manual"),
    /** The bank's own id for the row (OFX FITID, a bank feed's id): never imported twice per account. */
    bankId: text("bank_id"),
    /** The statement import that created the row; undo removes exactly these. */
    importBatchId: uuid("import_batch_id").references((): AnyPgColumn => importBatches.id, {
      onDelete: "set null",
    }),
    /** The other side of a transfer between the practice's own accounts. */
    transferPairId: uuid("transfer_pair_id").references((): AnyPgColumn => transactions.id, {
      onDelete: "set null",
    }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transactions_practice_date_idx").on(t.practiceId, t.date, t.id),
    index("transactions_practice_class_date_idx").on(t.practiceId, t.classification, t.date),
    index("transactions_account_date_idx").on(t.accountId, t.date),
    index("transactions_payer_idx").on(t.payerId),
    index("transactions_category_idx").on(t.categoryId),
    uniqueIndex("transactions_account_bank_id_key")
      .on(t.accountId, t.bankId)
      .where(sql`${t.bankId} is not null`),
    index("transactions_import_batch_idx").on(t.importBatchId),
    index("transactions_transfer_pair_idx").on(t.transferPairId),
    check("transactions_amount_check", sql`abs(${t.amountCents}) <= 100000000000`),
    check(
      "transactions_classification_check",
      sql`${t.classification} in ('income', 'expense', 'transfer', 'owner_draw', 'owner_contribution',
        'estimated_tax', 'personal', 'unreviewed')`,
    ),
    check("transactions_source_check", sql`${t.source} in ('manual', 'import', 'bank')`),
    check(
      "transactions_method_check",
      sql`${t.method} is null or ${t.method} in ('insurance_payment', 'card', 'cash', 'check', 'ach', 'p2p', 'other')`,
    ),
    check(
      "transactions_income_fields_check",
      sql`${t.classification} = 'income' or (${t.payerId} is null and ${t.method} is null
        and ${t.sessionsCount} is null and ${t.processorFeeCents} is null)`,
    ),
    check(
      "transactions_expense_fields_check",
      sql`${t.classification} = 'expense' or ${t.categoryId} is null`,
    ),
    check(
      "transactions_fee_check",
      sql`${t.processorFeeCents} is null or (${t.processorFeeCents} >= 0 and ${t.processorFeeCents} <= 100000000000)`,
    ),
    check(
      "transactions_sessions_check",
      sql`${t.sessionsCount} is null or ${t.sessionsCount} between 0 and 10000`,
    ),
  ],
);

/** A part of a split transaction; the parts of one transaction sum to its amount, to the cent. */
export const transactionSplits = pgTable(
  "transaction_splits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    transactionId: uuid("transaction_id")
      .notNull()
      .references(() => transactions.id, { onDelete: "cascade" }),
    practiceId: practiceId(),
    position: integer("position").notNull(),
    amountCents: cents("amount_cents").notNull(),
    payerId: uuid("payer_id").references(() => payers.id, { onDelete: "set null" }),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "set null" }),
    memo: text("memo"),
  },
  (t) => [
    uniqueIndex("transaction_splits_position_key").on(t.transactionId, t.position),
    index("transaction_splits_practice_idx").on(t.practiceId),
    index("transaction_splits_payer_idx").on(t.payerId),
    index("transaction_splits_category_idx").on(t.categoryId),
    check(
      "transaction_splits_amount_check",
      sql`${t.amountCents} <> 0 and abs(${t.amountCents}) <= 100000000000`,
    ),
    check("transaction_splits_one_target_check", sql`${t.payerId} is null or ${t.categoryId} is null`),
  ],
);

/**
 * Every change to a transaction: who, when, how (a person or automation), before and after.
 * The trail outlives the transaction: `transaction_id` becomes null when it is deleted and
 * `transaction_ref` keeps its id. It goes with the practice.
 */
export const transactionAudit = pgTable(
  "transaction_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    practiceId: practiceId(),
    transactionId: uuid("transaction_id").references(() => transactions.id, { onDelete: "set null" }),
    transactionRef: uuid("transaction_ref").notNull(),
    action: text("action").$type<AuditAction>().notNull(),
    origin: text("origin").$type<AuditOrigin>().notNull().default("user"),
    changedBy: uuid("changed_by").references(() => users.id, { onDelete: "set null" }),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transaction_audit_practice_idx").on(t.practiceId, t.id),
    index("transaction_audit_ref_idx").on(t.transactionRef, t.id),
    // Deleting a transaction sets its entries' transaction_id to null: find them by index.
    index("transaction_audit_transaction_idx").on(t.transactionId),
    check("transaction_audit_action_check", sql`${t.action} in ('create', 'update', 'delete')`),
    check("transaction_audit_origin_check", sql`${t.origin} in ('user', 'rule', 'bank')`),
  ],
);

/** A closed tax year: its transactions cannot be created, changed or deleted until reopened. */
export const closedPeriods = pgTable(
  "closed_periods",
  {
    practiceId: practiceId(),
    year: integer("year").notNull(),
    closedAt: timestamp("closed_at", { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    primaryKey({ columns: [t.practiceId, t.year] }),
    check("closed_periods_year_check", sql`${t.year} between 1900 and 2200`),
  ],
);
