import { and, asc, eq, sql } from "drizzle-orm";
import { rules } from "../../db/schema/imports.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { formatMoney } from "../../domain/money.js";
import {
  MAX_RULE_NAME_LENGTH,
  RULE_DIRECTIONS,
  type Rule,
  type RuleAction,
  type RuleConditions,
} from "../../domain/rules/rule-types.js";
import { type Executor, notFoundIn } from "../ledger/ledger-db.js";

/**
 * The rules table as the rule engine reads it. `conditions` is stored as the engine's condition
 * object; reading it back keeps only the keys the engine knows, with the types it expects, so a
 * row edited by hand cannot feed the engine something it does not understand.
 */
export type RuleRow = typeof rules.$inferSelect;

export type StoredRule = Rule & {
  name: string;
  action: { classification: Classification; payerId: string | null; categoryId: string | null };
  enabled: boolean;
};

/** A rule as the API shows it. */
export type RuleView = StoredRule & { createdAt: string; updatedAt: string };

const TEXT_KEYS = [
  "descriptionContains",
  "descriptionStartsWith",
  "descriptionPattern",
  "accountId",
] as const;
const CENTS_KEYS = ["amountMinCents", "amountMaxCents"] as const;

/** Only the set conditions, with the engine's types: what is stored and what is read back. */
export function compactConditions(input: Record<string, unknown>): RuleConditions {
  const out: RuleConditions = {};
  for (const key of TEXT_KEYS) {
    const value = input[key];
    if (typeof value === "string") out[key] = value;
  }
  for (const key of CENTS_KEYS) {
    const value = input[key];
    if (typeof value === "number") out[key] = value;
  }
  const direction = input.direction;
  if (RULE_DIRECTIONS.some((d) => d === direction)) out.direction = direction as RuleConditions["direction"];
  return out;
}

/** The action with the targets its classification carries and no other. */
export function normalizedAction(action: RuleAction): StoredRule["action"] {
  return {
    classification: action.classification,
    payerId: action.payerId ?? null,
    categoryId: action.categoryId ?? null,
  };
}

export function toStoredRule(row: RuleRow): StoredRule {
  return {
    id: row.id,
    position: row.position,
    name: row.name,
    conditions: compactConditions(row.conditions),
    action: { classification: row.classification, payerId: row.payerId, categoryId: row.categoryId },
    enabled: row.enabled,
  };
}

export function toRuleView(row: RuleRow): RuleView {
  return {
    ...toStoredRule(row),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function ruleRows(tx: Executor, practiceId: string, enabledOnly: boolean): Promise<RuleRow[]> {
  const where = [eq(rules.practiceId, practiceId)];
  if (enabledOnly) where.push(eq(rules.enabled, true));
  return tx
    .select()
    .from(rules)
    .where(and(...where))
    .orderBy(asc(rules.position), asc(rules.id));
}

/** The practice's rules in the order they run (lowest position first, ties by id). */
export async function loadRules(
  tx: Executor,
  practiceId: string,
  options: { enabledOnly?: boolean } = {},
): Promise<StoredRule[]> {
  return (await ruleRows(tx, practiceId, options.enabledOnly ?? false)).map(toStoredRule);
}

/** The rules as the API lists them, in the order they run. */
export async function listRuleViews(tx: Executor, practiceId: string): Promise<RuleView[]> {
  return (await ruleRows(tx, practiceId, false)).map(toRuleView);
}

export async function requireRule(
  tx: Executor,
  practiceId: string,
  ruleId: string,
  options: { forUpdate?: boolean } = {},
): Promise<RuleRow> {
  const query = tx
    .select()
    .from(rules)
    .where(and(eq(rules.practiceId, practiceId), eq(rules.id, ruleId)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  if (!row) throw notFoundIn("rule");
  return row;
}

/** The position after the last rule: where a new rule goes. */
export async function nextRulePosition(tx: Executor, practiceId: string): Promise<number> {
  const [row] = await tx
    .select({ last: sql<number | null>`max(${rules.position})` })
    .from(rules)
    .where(eq(rules.practiceId, practiceId));
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** A name for a rule saved without one, from its conditions: `Contains "starbucks", out`. */
export function defaultRuleName(c: RuleConditions): string {
  const parts: string[] = [];
  if (c.descriptionContains) parts.push(`contains "${c.descriptionContains.trim()}"`);
  if (c.descriptionStartsWith) parts.push(`starts with "${c.descriptionStartsWith.trim()}"`);
  if (c.descriptionPattern) parts.push(`matches /${c.descriptionPattern}/`);
  if (c.direction) parts.push(c.direction === "in" ? "money in" : "money out");
  if (c.amountMinCents != null && c.amountMaxCents != null) {
    parts.push(`${formatMoney(c.amountMinCents)} to ${formatMoney(c.amountMaxCents)}`);
  } else if (c.amountMinCents != null) {
    parts.push(`at least ${formatMoney(c.amountMinCents)}`);
  } else if (c.amountMaxCents != null) {
    parts.push(`at most ${formatMoney(c.amountMaxCents)}`);
  }
  if (c.accountId) parts.push("on one account");
  const text = parts.join(", ") || "Rule";
  const name = text.charAt(0).toUpperCase() + text.slice(1);
  return name.length <= MAX_RULE_NAME_LENGTH ? name : `${name.slice(0, MAX_RULE_NAME_LENGTH - 1)}…`;
}
