import type { Db } from "../../db/client.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import type { Rule } from "../../domain/rules/rule-types.js";
import { applyAutomatedChange } from "../ledger/automated-change.js";
import type { Executor, LedgerActor } from "../ledger/ledger-db.js";
import {
  compactConditions,
  loadRules,
  nextRulePosition,
  normalizedAction,
  requireRule,
  toStoredRule,
} from "./rule-rows.js";
import { type RuleScope, type ScannedChange, type ScanSkips, scanRule } from "./rule-scan.js";
import { type RuleDraftInput, requireSavableRule } from "./rule-writes.js";

/**
 * "Apply to existing": what a rule would change, counted and sampled before anything is
 * written, and then the same changes written through applyAutomatedChange — the one way
 * automation writes to transactions (locks, closed years and splits respected, audited with
 * origin "rule"). The rule acts only where it is the first enabled rule that matches, as it
 * will on new transactions.
 */
export const PREVIEW_SAMPLE_SIZE = 20;

type Targets = { classification: Classification; payerId: string | null; categoryId: string | null };

export type PreviewSample = {
  transactionId: string;
  date: string;
  description: string;
  amountCents: number;
  from: Targets;
  to: Targets;
};

export type RulePreview = { changeCount: number; skipped: ScanSkips; sample: PreviewSample[] };
export type RuleApplication = { applied: number; skipped: ScanSkips };

function sampleOf({ row, change }: ScannedChange): PreviewSample {
  const from = { classification: row.classification, payerId: row.payerId, categoryId: row.categoryId };
  return {
    transactionId: row.id,
    date: row.date,
    description: row.description,
    amountCents: row.amountCents,
    from,
    to: { ...from, ...change },
  };
}

/** Counts and samples (newest first) what `target` would change among the enabled rules. */
export async function previewRule(
  db: Executor,
  practiceId: string,
  target: Rule,
  scope: RuleScope,
): Promise<RulePreview> {
  const rules = await loadRules(db, practiceId, { enabledOnly: true });
  const sample: PreviewSample[] = [];
  let changeCount = 0;
  const skipped = await scanRule(db, practiceId, { rules, target, scope }, (changes) => {
    changeCount += changes.length;
    for (const change of changes.slice(0, PREVIEW_SAMPLE_SIZE - sample.length)) sample.push(sampleOf(change));
  });
  return { changeCount, skipped, sample };
}

/** The preview of a saved rule (run as if enabled, where it stands in the order). */
export async function previewSavedRule(db: Db, practiceId: string, ruleId: string, scope: RuleScope) {
  return previewRule(db, practiceId, toStoredRule(await requireRule(db, practiceId, ruleId)), scope);
}

/**
 * The preview of a rule not saved yet: a new one goes after the last rule; with `ruleId`, the
 * draft stands in for that rule, where it is in the order (an edit before it is saved).
 */
export async function previewDraft(
  db: Db,
  practiceId: string,
  draft: RuleDraftInput & { ruleId?: string | undefined },
  scope: RuleScope,
): Promise<RulePreview> {
  const existing = draft.ruleId ? await requireRule(db, practiceId, draft.ruleId) : undefined;
  const conditions = compactConditions(draft.conditions);
  const action = normalizedAction(draft.action);
  await requireSavableRule(db, practiceId, { name: draft.name ?? null, conditions, action }, existing);
  const target: Rule = {
    id: existing?.id ?? "draft",
    position: existing?.position ?? (await nextRulePosition(db, practiceId)),
    conditions,
    action,
  };
  return previewRule(db, practiceId, target, scope);
}

/**
 * Writes what `target` changes, through applyAutomatedChange in `tx`. Each change re-reads its
 * row under lock and re-checks locks and closed years, so a person's edit made since the scan
 * still wins; what it refuses is counted as skipped.
 */
export async function applyChanges(
  tx: Db,
  practiceId: string,
  changes: ScannedChange[],
  tally: RuleApplication,
): Promise<void> {
  for (const { row, change } of changes) {
    const result = await applyAutomatedChange(tx, {
      practiceId,
      transactionId: row.id,
      origin: "rule",
      change,
    });
    if (result.status === "applied") tally.applied++;
    else if (result.status === "closed_period") tally.skipped.closedYear++;
    else if (result.status === "invalid" || result.skipped.length > 0) tally.skipped.locked++;
  }
}

/**
 * Applies a saved rule to existing transactions. Each page of changes is written in its own
 * database transaction, so a long run holds no lock for long and what is done stays done; the
 * counts are those of the preview, less whatever a person changed in the meantime.
 */
export async function applyRule(
  db: Db,
  actor: LedgerActor,
  ruleId: string,
  scope: RuleScope,
): Promise<RuleApplication> {
  const target = toStoredRule(await requireRule(db, actor.practiceId, ruleId));
  const rules = await loadRules(db, actor.practiceId, { enabledOnly: true });
  const tally: RuleApplication = { applied: 0, skipped: { locked: 0, closedYear: 0 } };
  const skipped = await scanRule(db, actor.practiceId, { rules, target, scope }, (changes) =>
    db.transaction((tx) => applyChanges(tx, actor.practiceId, changes, tally)),
  );
  tally.skipped.locked += skipped.locked;
  tally.skipped.closedYear += skipped.closedYear;
  return tally;
}
