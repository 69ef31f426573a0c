import { and, eq } from "drizzle-orm";
import { transactionAudit, transactions } from "../../../src/db/schema/ledger.js";
import type { Account } from "../../support/accounts.js";
import type { TestApp } from "../../support/test-app.js";
import { expectJson, type LedgerFixture, type Transaction } from "../ledger/ledger-support.js";

export type Rule = {
  id: string;
  position: number;
  name: string;
  conditions: Record<string, unknown>;
  action: { classification: string; payerId: string | null; categoryId: string | null };
  enabled: boolean;
};

export type Targets = { classification: string; payerId: string | null; categoryId: string | null };

export type Preview = {
  changeCount: number;
  skipped: { locked: number; closedYear: number };
  sample: {
    transactionId: string;
    date: string;
    description: string;
    amountCents: number;
    from: Targets;
    to: Targets;
  }[];
};

export type Applied = { applied: number; skipped: { locked: number; closedYear: number } };

/**
 * A transaction as a statement import or bank sync leaves it: unreviewed, nothing locked.
 * Written straight to the table, as those features do, so the tests can lay out many rows.
 */
export async function bankRow(
  t: TestApp,
  f: LedgerFixture,
  row: { description: string; amountCents: number; date?: string; accountId?: string },
): Promise<string> {
  const [inserted] = await t.database.db
    .insert(transactions)
    .values({
      practiceId: f.practiceId,
      accountId: row.accountId ?? f.accountId,
      date: row.date ?? "2025-05-01",
      amountCents: row.amountCents,
      description: row.description,
      source: "import",
    })
    .returning({ id: transactions.id });
  if (!inserted) throw new Error("no row inserted");
  return inserted.id;
}

export async function getTransaction(who: Account, f: LedgerFixture, id: string): Promise<Transaction> {
  const res = await who.client.get(`${f.base}/transactions/${id}`);
  return (await expectJson<{ transaction: Transaction }>(res, 200)).transaction;
}

export async function addRule(who: Account, f: LedgerFixture, body: Record<string, unknown>): Promise<Rule> {
  return (await expectJson<{ rule: Rule }>(await who.client.post(`${f.base}/rules`, body), 201)).rule;
}

export async function listRules(who: Account, f: LedgerFixture): Promise<Rule[]> {
  return (await expectJson<{ rules: Rule[] }>(await who.client.get(`${f.base}/rules`), 200)).rules;
}

export async function dryRun(
  who: Account,
  f: LedgerFixture,
  ruleId: string,
  scope: Record<string, string> = {},
): Promise<Preview> {
  const query = new URLSearchParams({ dryRun: "true", ...scope });
  return expectJson<Preview>(await who.client.post(`${f.base}/rules/${ruleId}/apply?${query}`), 200);
}

export async function applyNow(
  who: Account,
  f: LedgerFixture,
  ruleId: string,
  scope: Record<string, string> = {},
): Promise<Applied> {
  const query = new URLSearchParams(scope);
  return expectJson<Applied>(await who.client.post(`${f.base}/rules/${ruleId}/apply?${query}`), 200);
}

/** The audit entries of a transaction, oldest first: [action, origin, changedBy]. */
export async function auditOf(t: TestApp, f: LedgerFixture, id: string) {
  const rows = await t.database.db
    .select({
      action: transactionAudit.action,
      origin: transactionAudit.origin,
      changedBy: transactionAudit.changedBy,
    })
    .from(transactionAudit)
    .where(and(eq(transactionAudit.practiceId, f.practiceId), eq(transactionAudit.transactionId, id)))
    .orderBy(transactionAudit.id);
  return rows.map((r) => [r.action, r.origin, r.changedBy]);
}

/** An income rule for Aetna deposits: the fixture's most common rule. */
export function aetnaRule(f: LedgerFixture, extra: Record<string, unknown> = {}) {
  return {
    conditions: { descriptionContains: "aetna", direction: "in" },
    action: { classification: "income", payerId: f.aetnaId },
    ...extra,
  };
}
