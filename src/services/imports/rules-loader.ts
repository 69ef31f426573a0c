import { and, eq } from "drizzle-orm";
import { rules } from "../../db/schema/imports.js";
import { categories, payers } from "../../db/schema/ledger.js";
import { orderRules } from "../../domain/rules/match-rule.js";
import type { Rule, RuleConditions } from "../../domain/rules/rule-types.js";
import { conditionIssues, ruleActionIssues } from "../../domain/rules/validate-rule.js";
import type { Executor } from "../ledger/ledger-db.js";

const CONDITION_KEYS = [
  "descriptionContains",
  "descriptionStartsWith",
  "descriptionPattern",
  "amountMinCents",
  "amountMaxCents",
  "direction",
  "accountId",
] as const;

/** The stored conditions as the domain's type; a value of the wrong type is left out. */
function readConditions(stored: Record<string, unknown>): RuleConditions {
  const out: Record<string, unknown> = {};
  for (const key of CONDITION_KEYS) {
    const value = stored[key];
    const wanted = key === "amountMinCents" || key === "amountMaxCents" ? "number" : "string";
    if (typeof value === wanted) out[key] = value;
  }
  return out as RuleConditions;
}

/**
 * The practice's enabled rules, in the order they run, for an import to apply to its new rows.
 * A rule that would not validate now (a stored rule gone bad), or that files to an archived payer
 * or category, is left out, so it cannot write what the ledger would refuse.
 */
export async function loadImportRules(tx: Executor, practiceId: string): Promise<Rule[]> {
  const rows = await tx
    .select({
      id: rules.id,
      position: rules.position,
      name: rules.name,
      conditions: rules.conditions,
      classification: rules.classification,
      payerId: rules.payerId,
      categoryId: rules.categoryId,
      payerFound: payers.id,
      payerArchivedAt: payers.archivedAt,
      categoryFound: categories.id,
      categoryArchivedAt: categories.archivedAt,
    })
    .from(rules)
    .leftJoin(payers, and(eq(payers.id, rules.payerId), eq(payers.practiceId, practiceId)))
    .leftJoin(categories, and(eq(categories.id, rules.categoryId), eq(categories.practiceId, practiceId)))
    .where(and(eq(rules.practiceId, practiceId), eq(rules.enabled, true)));
  const usable = rows.filter(
    (r) =>
      (r.payerId === null || (r.payerFound !== null && r.payerArchivedAt === null)) &&
      (r.categoryId === null || (r.categoryFound !== null && r.categoryArchivedAt === null)),
  );
  const loaded: Rule[] = usable.map((r) => ({
    id: r.id,
    position: r.position,
    name: r.name,
    conditions: readConditions(r.conditions),
    action: { classification: r.classification, payerId: r.payerId, categoryId: r.categoryId },
  }));
  return orderRules(
    loaded.filter(
      (r) => conditionIssues(r.conditions).length === 0 && ruleActionIssues(r.action).length === 0,
    ),
  );
}
