import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rules } from "../../db/schema/imports.js";
import type { RuleAction, RuleConditions } from "../../domain/rules/rule-types.js";
import { ruleIssues } from "../../domain/rules/validate-rule.js";
import { ApiError } from "../../http/errors.js";
import { type Executor, invalid, type LedgerActor, notFoundIn } from "../ledger/ledger-db.js";
import { present, requireReferences } from "../ledger/references.js";
import { lockRuleOrder } from "./rule-order.js";
import {
  compactConditions,
  defaultRuleName,
  nextRulePosition,
  normalizedAction,
  type RuleRow,
  type RuleView,
  requireRule,
  toRuleView,
  toStoredRule,
} from "./rule-rows.js";

export type RuleDraftInput = {
  name?: string | null | undefined;
  conditions: RuleConditions;
  action: RuleAction;
  enabled?: boolean | undefined;
};

export type RulePatch = Partial<RuleDraftInput>;

/**
 * Refuses a rule that cannot be saved: 400 with the field paths of ruleIssues, then 404 for an
 * account, payer or category that is not the practice's (409 if archived). Only references the
 * save newly names are checked, so renaming a rule whose payer was archived still works.
 */
export async function requireSavableRule(
  tx: Executor,
  practiceId: string,
  draft: { name: string | null; conditions: RuleConditions; action: RuleAction },
  previous?: RuleRow,
  pathPrefix = "",
): Promise<void> {
  const issues = ruleIssues(draft);
  if (issues.length > 0) {
    throw invalid(issues.map((i) => ({ path: `${pathPrefix}${i.path}`, message: i.message })));
  }
  const isNew = (id: string | null | undefined, before: unknown) =>
    previous === undefined || id !== before ? present(id) : [];
  await requireReferences(tx, practiceId, {
    accountIds: isNew(draft.conditions.accountId, previous?.conditions.accountId),
    payerIds: isNew(draft.action.payerId, previous?.payerId),
    categoryIds: isNew(draft.action.categoryId, previous?.categoryId),
  });
}

/**
 * Saves a new rule at the end of the order. The caller holds the rule-order lock
 * (lockRuleOrder) in `tx`, so two rules saved at once never share a position.
 */
export async function insertRule(
  tx: Executor,
  actor: LedgerActor,
  input: RuleDraftInput,
  pathPrefix = "",
): Promise<RuleView> {
  const conditions = compactConditions(input.conditions);
  const action = normalizedAction(input.action);
  await requireSavableRule(
    tx,
    actor.practiceId,
    { name: input.name ?? null, conditions, action },
    undefined,
    pathPrefix,
  );
  const [row] = await tx
    .insert(rules)
    .values({
      practiceId: actor.practiceId,
      position: await nextRulePosition(tx, actor.practiceId),
      name: input.name ?? defaultRuleName(conditions),
      conditions,
      ...action,
      enabled: input.enabled ?? true,
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new Error("rule insert returned no row");
  return toRuleView(row);
}

export async function createRule(db: Db, actor: LedgerActor, input: RuleDraftInput): Promise<RuleView> {
  return db.transaction(async (tx) => {
    await lockRuleOrder(tx, actor.practiceId);
    return insertRule(tx, actor, input);
  });
}

/** Changes a rule's name, conditions (replaced whole), action (replaced whole) or whether it runs. */
export async function updateRule(
  db: Db,
  practiceId: string,
  ruleId: string,
  patch: RulePatch,
): Promise<RuleView> {
  return db.transaction(async (tx) => {
    const row = await requireRule(tx, practiceId, ruleId, { forUpdate: true });
    const current = toStoredRule(row);
    const conditions = patch.conditions ? compactConditions(patch.conditions) : current.conditions;
    const action = patch.action ? normalizedAction(patch.action) : current.action;
    const name = patch.name === undefined ? current.name : patch.name;
    await requireSavableRule(tx, practiceId, { name, conditions, action }, row);
    const [updated] = await tx
      .update(rules)
      .set({
        name: name ?? defaultRuleName(conditions),
        conditions,
        ...action,
        enabled: patch.enabled ?? current.enabled,
        updatedAt: new Date(),
      })
      .where(and(eq(rules.practiceId, practiceId), eq(rules.id, ruleId)))
      .returning();
    if (!updated) throw notFoundIn("rule");
    return toRuleView(updated);
  });
}

export async function deleteRule(db: Db, practiceId: string, ruleId: string): Promise<void> {
  const removed = await db
    .delete(rules)
    .where(and(eq(rules.practiceId, practiceId), eq(rules.id, ruleId)))
    .returning({ id: rules.id });
  if (removed.length === 0) throw notFoundIn("rule");
}

/**
 * Puts the rules in the given order: positions become 0, 1, 2… in one database transaction,
 * under the rule-order lock, so two reorders at once apply one after the other and never leave
 * two rules at one position. The list names every rule of the practice exactly once; a list
 * written against an older set of rules (one added or deleted since) is refused with 409.
 */
export async function reorderRules(db: Db, practiceId: string, ruleIds: string[]): Promise<RuleView[]> {
  return db.transaction(async (tx) => {
    await lockRuleOrder(tx, practiceId);
    const rows = await tx.select({ id: rules.id }).from(rules).where(eq(rules.practiceId, practiceId));
    const current = new Set(rows.map((r) => r.id));
    const wanted = new Set(ruleIds);
    if (wanted.size !== ruleIds.length) {
      throw invalid([{ path: "ruleIds", message: "Name each rule once." }]);
    }
    if (wanted.size !== current.size || ruleIds.some((id) => !current.has(id))) {
      throw new ApiError(
        409,
        "conflict",
        "The rules changed since this order was made (one was added or deleted): reload and try again.",
      );
    }
    const views: RuleView[] = [];
    for (const [position, id] of ruleIds.entries()) {
      const [row] = await tx
        .update(rules)
        .set({ position })
        .where(and(eq(rules.practiceId, practiceId), eq(rules.id, id)))
        .returning();
      if (row) views.push(toRuleView(row));
    }
    return views;
  });
}
