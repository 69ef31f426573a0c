import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { users } from "./identity.js";
import { categories, ledgerAccounts, payers } from "./ledger.js";
import { practices } from "./practices.js";

/*
 * Statement imports and categorization rules (issue 6). Every table reaches its practice by a
 * cascading key; columns that only name who made a change are SET NULL. The transactions an
 * import created carry its id (transactions.import_batch_id), so undo finds exactly them.
 */

const practiceId = () =>
  uuid("practice_id")
    .notNull()
    .references(() => practices.id, { onDelete: "cascade" });

export const STATEMENT_FORMATS = ["csv", "ofx", "qfx"] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];

/** One committed statement file: what it was, what it added, who brought it, and its undo. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => ledgerAccounts.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes, hex. */
    fileSha256: text("file_sha256").notNull(),
    format: text("format").$type<StatementFormat>().notNull(),
    rowCount: integer("row_count").notNull(),
    importedCount: integer("imported_count").notNull(),
    duplicateCount: integer("duplicate_count").notNull(),
    transferCount: integer("transfer_count").notNull().default(0),
    ruleClassifiedCount: integer("rule_classified_count").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    undoneBy: uuid("undone_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("import_batches_practice_idx").on(t.practiceId, t.createdAt),
    index("import_batches_account_idx").on(t.accountId),
    check("import_batches_format_check", sql`${t.format} in ('csv', 'ofx', 'qfx')`),
    check(
      "import_batches_counts_check",
      sql`${t.rowCount} >= 0 and ${t.importedCount} >= 0 and ${t.duplicateCount} >= 0 and ${t.transferCount} >= 0 and ${t.ruleClassifiedCount} >= 0`,
    ),
  ],
);

/** The CSV column mapping last used for an account (domain/import's CsvMapping, as JSON). */
export const importMappings = pgTable("import_mappings", {
  accountId: uuid("account_id")
    .primaryKey()
    .references(() => ledgerAccounts.id, { onDelete: "cascade" }),
  practiceId: practiceId(),
  mapping: jsonb("mapping").$type<Record<string, unknown>>().notNull(),
  updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A categorization rule: ordered by `position` (lowest first; the first rule that matches
 * decides). `conditions` is domain/rules' condition object as JSON. A rule naming a payer or a
 * category goes with it only as a safety net: deleting a payer or category moves its rules to the
 * replacement first, as it moves the transactions.
 */
export const rules = pgTable(
  "rules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    practiceId: practiceId(),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    conditions: jsonb("conditions").$type<Record<string, unknown>>().notNull(),
    classification: text("classification").$type<Classification>().notNull(),
    payerId: uuid("payer_id").references(() => payers.id, { onDelete: "cascade" }),
    categoryId: uuid("category_id").references(() => categories.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("rules_practice_position_idx").on(t.practiceId, t.position),
    index("rules_payer_idx").on(t.payerId),
    index("rules_category_idx").on(t.categoryId),
    check(
      "rules_classification_check",
      sql`${t.classification} in ('income', 'expense', 'transfer', 'owner_draw', 'owner_contribution',
        'estimated_tax', 'personal')`,
    ),
    check("rules_targets_check", sql`${t.payerId} is null or ${t.categoryId} is null`),
  ],
);
