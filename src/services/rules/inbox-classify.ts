import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactions } from "../../db/schema/ledger.js";
import { classificationIssues, yearOf } from "../../domain/ledger/classification.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import type { RuleConditions } from "../../domain/rules/rule-types.js";
import { ApiError } from "../../http/errors.js";
import { findClosedYears } from "../ledger/closed-years.js";
import { invalid, type LedgerActor, shareLockPractice } from "../ledger/ledger-db.js";
import { present, requireReferences } from "../ledger/references.js";
import { type TransactionPatch, updateTransaction } from "../ledger/transaction-update.js";
import { applyChanges, type RuleApplication } from "./rule-apply.js";
import { lockRuleOrder } from "./rule-order.js";
import { loadRules, type RuleView } from "./rule-rows.js";
import { scanRule } from "./rule-scan.js";
import { insertRule } from "./rule-writes.js";

/**
 * Bulk classification from the review inbox. Each transaction is classified as a person's edit
 * (updateTransaction: the classification and its payer or category lock, the audit says origin
 * "user"), all of them in one database transaction: one refused row refuses them all. The same
 * choice can become a rule in the same transaction (one click), which may then classify the
 * rest of the inbox at once.
 */
export type ClassifyInput = {
  transactionIds: string[];
  classification: Exclude<Classification, "unreviewed">;
  payerId?: string | null | undefined;
  categoryId?: string | null | undefined;
  createRule?: (RuleConditions & { name?: string | undefined }) | undefined;
  applyRuleToInbox?: boolean | undefined;
};

export type ClassifyResult = {
  classified: number;
  rule: {
    rule: RuleView;
    /** Other unreviewed transactions the new rule classifies (or would, without applyRuleToInbox). */
    inboxMatches: number;
    appliedToInbox: number;
  } | null;
};

export async function classifyInbox(
  db: Db,
  actor: LedgerActor,
  input: ClassifyInput,
): Promise<ClassifyResult> {
  const ids = [...new Set(input.transactionIds)];
  const targets = {
    classification: input.classification,
    payerId: input.payerId ?? null,
    categoryId: input.categoryId ?? null,
  };
  const issues = classificationIssues(
    { ...targets, method: null, sessionsCount: null, processorFeeCents: null },
    0,
  );
  if (input.applyRuleToInbox && !input.createRule) {
    issues.push({ path: "applyRuleToInbox", message: "Only a rule created with createRule can be applied." });
  }
  if (issues.length > 0) throw invalid(issues);

  return db.transaction(async (tx) => {
    // The rule-order lock comes first, before the ledger's share lock (rule-order.ts).
    if (input.createRule) await lockRuleOrder(tx, actor.practiceId);
    await shareLockPractice(tx, actor.practiceId);
    await requireReferences(tx, actor.practiceId, {
      payerIds: present(targets.payerId),
      categoryIds: present(targets.categoryId),
    });
    const rows = await tx
      .select({ id: transactions.id, date: transactions.date })
      .from(transactions)
      .where(and(eq(transactions.practiceId, actor.practiceId), inArray(transactions.id, ids)));
    if (rows.length !== ids.length) {
      const found = new Set(rows.map((r) => r.id));
      throw new ApiError(404, "not_found", "No such transaction in this practice.", {
        transactionIds: ids.filter((id) => !found.has(id)),
      });
    }
    const closed = await findClosedYears(
      tx,
      actor.practiceId,
      rows.map((r) => r.date),
    );
    if (closed.length > 0) throw closedRows(closed, rows);

    const patch: TransactionPatch = { classification: input.classification };
    if (targets.payerId !== null) patch.payerId = targets.payerId;
    if (targets.categoryId !== null) patch.categoryId = targets.categoryId;
    for (const id of ids) await updateTransaction(tx, actor, id, patch);
    if (!input.createRule) return { classified: ids.length, rule: null };

    const { name, ...conditions } = input.createRule;
    const rule = await insertRule(tx, actor, { name, conditions, action: targets }, "createRule.");
    const rules = await loadRules(tx, actor.practiceId, { enabledOnly: true });
    const tally: RuleApplication = { applied: 0, skipped: { locked: 0, closedYear: 0 } };
    let inboxMatches = 0;
    await scanRule(
      tx,
      actor.practiceId,
      { rules, target: rule, scope: { unreviewedOnly: true } },
      async (changes) => {
        inboxMatches += changes.length;
        if (input.applyRuleToInbox) await applyChanges(tx, actor.practiceId, changes, tally);
      },
    );
    return { classified: ids.length, rule: { rule, inboxMatches, appliedToInbox: tally.applied } };
  });
}

function closedRows(years: number[], rows: { id: string; date: string }[]): ApiError {
  const inClosed = rows.filter((r) => years.includes(yearOf(r.date))).map((r) => r.id);
  const list = years.join(" and ");
  return new ApiError(
    409,
    "period_closed",
    `${inClosed.length} of the chosen transactions ${inClosed.length === 1 ? "is" : "are"} dated in ` +
      `${list}, which ${years.length > 1 ? "are" : "is"} closed: leave ${inClosed.length === 1 ? "it" : "them"} ` +
      "out, or have an Owner or Admin reopen the year.",
    { closedYears: years, transactionIds: inClosed },
  );
}
