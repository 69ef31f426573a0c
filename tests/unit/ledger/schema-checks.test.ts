// The CHECK constraints spell the ledger's vocabularies as literal SQL (drizzle-kit writes a
// check's parameters as placeholders, and sql.raw is kept out of the code base); this keeps the
// database and the domain constants saying the same thing.
import { getTableConfig, PgDialect, type PgTable } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import {
  categories,
  ledgerAccounts,
  payerRates,
  payers,
  transactionAudit,
  transactionSplits,
  transactions,
} from "../../../src/db/schema/ledger.js";
import { SCHEDULE_C_LINE_CODES } from "../../../src/domain/ledger/schedule-c.js";
import {
  ACCOUNT_KINDS,
  AUDIT_ACTIONS,
  AUDIT_ORIGINS,
  CLASSIFICATIONS,
  INCOME_METHODS,
  MAX_AMOUNT_CENTS,
  PAYER_KINDS,
  TRANSACTION_SOURCES,
} from "../../../src/domain/ledger/vocabulary.js";

const dialect = new PgDialect();

function checkSql(table: PgTable, name: string): string {
  const check = getTableConfig(table).checks.find((c) => c.name === name);
  if (!check) throw new Error(`no check ${name}`);
  return dialect.sqlToQuery(check.value).sql;
}

const quoted = (text: string) => [...text.matchAll(/'([^']*)'/g)].map((m) => m[1]);

describe("CHECK constraints match the domain's vocabularies", () => {
  it.each([
    [ledgerAccounts, "ledger_accounts_kind_check", ACCOUNT_KINDS],
    [payers, "payers_kind_check", PAYER_KINDS],
    [categories, "categories_line_check", SCHEDULE_C_LINE_CODES],
    [transactions, "transactions_classification_check", CLASSIFICATIONS],
    [transactions, "transactions_source_check", TRANSACTION_SOURCES],
    [transactions, "transactions_method_check", INCOME_METHODS],
    [transactionAudit, "transaction_audit_action_check", AUDIT_ACTIONS],
    [transactionAudit, "transaction_audit_origin_check", AUDIT_ORIGINS],
  ] as const)("%#: %s", (table, name, values) => {
    const text = checkSql(table, name);
    expect(text).not.toMatch(/\$\d/);
    expect(quoted(text)).toEqual([...values]);
  });

  it.each([
    [ledgerAccounts, "ledger_accounts_opening_balance_check"],
    [payerRates, "payer_rates_rate_check"],
    [transactions, "transactions_amount_check"],
    [transactions, "transactions_fee_check"],
    [transactionSplits, "transaction_splits_amount_check"],
  ] as const)("%#: %s bounds amounts by MAX_AMOUNT_CENTS", (table, name) => {
    const bounds = checkSql(table, name).match(/\d{6,}/g);
    expect(bounds).toEqual([String(MAX_AMOUNT_CENTS)]);
  });
});
