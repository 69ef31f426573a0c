import { and, desc, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { transactionSplits, transactions } from "../../db/schema/ledger.js";
import { type ManualChoice, type RuleSuggestion, suggestRules } from "../../domain/rules/suggest-rules.js";
import { previewRule } from "./rule-apply.js";
import { loadRules, nextRulePosition } from "./rule-rows.js";

/**
 * Rules suggested from a person's own choices (domain/rules/suggest-rules.ts). The choices are
 * the transactions themselves: a classification a person set is locked (decision 0011), so the
 * latest locked, unsplit classifications are the manual choices, with no separate log to keep
 * in step. Each suggestion carries how many transactions it would change if saved now.
 */
export const MANUAL_CHOICES_READ = 2_000;
export const MAX_SUGGESTIONS = 10;

export type SuggestionView = RuleSuggestion & { changeCount: number };

export async function listSuggestions(db: Db, practiceId: string): Promise<SuggestionView[]> {
  const rows = await db
    .select({
      description: transactions.description,
      amountCents: transactions.amountCents,
      accountId: transactions.accountId,
      classification: transactions.classification,
      payerId: transactions.payerId,
      categoryId: transactions.categoryId,
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.practiceId, practiceId),
        ne(transactions.classification, "unreviewed"),
        sql`'classification' = any(${transactions.lockedFields})`,
        sql`not exists (select 1 from ${transactionSplits} where ${transactionSplits.transactionId} = ${transactions.id})`,
      ),
    )
    .orderBy(desc(transactions.updatedAt), desc(transactions.id))
    .limit(MANUAL_CHOICES_READ);
  const choices: ManualChoice[] = rows.map((r) => ({ ...r, amountCents: Number(r.amountCents) }));
  // Disabled rules count too: a rule a person switched off is not suggested back to them.
  const rules = await loadRules(db, practiceId);
  const suggestions = suggestRules(choices, rules).slice(0, MAX_SUGGESTIONS);
  const position = await nextRulePosition(db, practiceId);
  const views: SuggestionView[] = [];
  for (const [i, suggestion] of suggestions.entries()) {
    const target = { id: `suggestion-${i}`, position, ...suggestion };
    const { changeCount } = await previewRule(db, practiceId, target, {});
    views.push({ ...suggestion, changeCount });
  }
  return views;
}
