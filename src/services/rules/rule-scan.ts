import { and, desc, eq, gt, gte, ilike, lt, lte, not, type SQL, sql } from "drizzle-orm";
import { closedPeriods, transactionSplits, transactions } from "../../db/schema/ledger.js";
import type { Classification } from "../../domain/ledger/vocabulary.js";
import { normalizeForMatch } from "../../domain/rules/description-match.js";
import { matchesConditions, orderRules } from "../../domain/rules/match-rule.js";
import { type RuleChange, ruleChangeFor } from "../../domain/rules/plan-changes.js";
import type { Rule, RuleTransaction } from "../../domain/rules/rule-types.js";
import type { Executor } from "../ledger/ledger-db.js";

/**
 * Finds what one rule would change among the practice's existing transactions, a page at a time
 * (keyset over the (practice, date, id) index, newest first), so a ledger of a million rows is
 * never held in memory. SQL narrows the rows first with what it can decide exactly (account,
 * direction, amount bounds, no splits, not already classified as the rule would) and with ILIKE
 * on the ASCII words of a "contains" or "starts with" condition, a superset of what the engine
 * matches; the engine (domain/rules) then decides each row: the rule acts only where it is the
 * first enabled rule to match, and never on a locked field.
 */
export type RuleScope = {
  from?: string | undefined;
  to?: string | undefined;
  /** Only the review inbox: transactions still unreviewed. */
  unreviewedOnly?: boolean | undefined;
};

export type CandidateRow = RuleTransaction & { date: string; closed: boolean };
export type ScannedChange = { row: CandidateRow; change: RuleChange };
/** Transactions the rule matches (as first rule) and would change, but may not. */
export type ScanSkips = { locked: number; closedYear: number };

export const SCAN_PAGE_SIZE = 1_000;

/**
 * Calls `onPage` with each page's changes, in order, and returns what was skipped. Without a
 * date range, the scope is every open year; with one, closed years in it are read and counted
 * as skipped, so the person learns why those rows stay as they are.
 */
export async function scanRule(
  db: Executor,
  practiceId: string,
  input: { rules: readonly Rule[]; target: Rule; scope: RuleScope },
  onPage: (changes: ScannedChange[]) => Promise<void> | void,
): Promise<ScanSkips> {
  const { target } = input;
  const ordered = orderRules([...input.rules.filter((r) => r.id !== target.id), target]);
  const skips: ScanSkips = { locked: 0, closedYear: 0 };
  const where = prefilter(practiceId, target, input.scope);
  let cursor: { date: string; id: string } | null = null;
  for (;;) {
    const page = await loadPage(db, where, cursor);
    const changes: ScannedChange[] = [];
    for (const row of page) {
      const normalized = normalizeForMatch(row.description);
      const first = ordered.find((r) => matchesConditions(r.conditions, row, normalized));
      if (first?.id !== target.id) continue;
      const change = ruleChangeFor(target.action, row);
      const blocked = change === null && ruleChangeFor(target.action, { ...row, lockedFields: [] }) !== null;
      if (row.closed && (change || blocked)) skips.closedYear++;
      else if (blocked) skips.locked++;
      else if (change) changes.push({ row, change });
    }
    if (changes.length > 0) await onPage(changes);
    const last = page.at(-1);
    if (page.length < SCAN_PAGE_SIZE || !last) return skips;
    cursor = { date: last.date, id: last.id };
  }
}

const closedYear = sql`exists (select 1 from ${closedPeriods} where ${closedPeriods.practiceId} = ${transactions.practiceId}
  and ${closedPeriods.year} = extract(year from ${transactions.date})::int)`;

async function loadPage(db: Executor, where: SQL[], cursor: { date: string; id: string } | null) {
  const keyset = cursor
    ? [sql`(${transactions.date}, ${transactions.id}) < (${cursor.date}::date, ${cursor.id}::uuid)`]
    : [];
  const rows = await db
    .select({
      id: transactions.id,
      date: transactions.date,
      description: transactions.description,
      amountCents: transactions.amountCents,
      accountId: transactions.accountId,
      classification: transactions.classification,
      payerId: transactions.payerId,
      categoryId: transactions.categoryId,
      lockedFields: transactions.lockedFields,
      closed: sql<boolean>`${closedYear}`,
    })
    .from(transactions)
    .where(and(...where, ...keyset))
    .orderBy(desc(transactions.date), desc(transactions.id))
    .limit(SCAN_PAGE_SIZE);
  return rows.map((r): CandidateRow => ({ ...r, amountCents: Number(r.amountCents), splitCount: 0 }));
}

function prefilter(practiceId: string, target: Rule, scope: RuleScope): SQL[] {
  const c = target.conditions;
  const where: SQL[] = [
    eq(transactions.practiceId, practiceId),
    sql`not exists (select 1 from ${transactionSplits} where ${transactionSplits.transactionId} = ${transactions.id})`,
  ];
  const add = (clause: SQL | undefined) => {
    if (clause) where.push(clause);
  };
  if (scope.from) add(gte(transactions.date, scope.from));
  if (scope.to) add(lte(transactions.date, scope.to));
  if (!scope.from && !scope.to) add(not(closedYear));
  if (scope.unreviewedOnly) add(eq(transactions.classification, "unreviewed"));
  if (c.accountId != null) add(eq(transactions.accountId, c.accountId));
  if (c.direction === "in") add(gt(transactions.amountCents, 0));
  if (c.direction === "out") add(lt(transactions.amountCents, 0));
  if (c.amountMinCents != null) add(sql`abs(${transactions.amountCents}) >= ${c.amountMinCents}`);
  if (c.amountMaxCents != null) add(sql`abs(${transactions.amountCents}) <= ${c.amountMaxCents}`);
  for (const word of asciiWords([c.descriptionContains, c.descriptionStartsWith])) {
    add(ilike(transactions.description, `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  }
  add(not(alreadyClassifiedAs(target)));
  return where;
}

/**
 * The words of the text conditions that ILIKE compares as the engine does: printable ASCII
 * only. Other words are left to the engine, since PostgreSQL's case folding of non-ASCII letters
 * depends on the database's locale and JavaScript's does not.
 */
function asciiWords(texts: (string | undefined)[]): string[] {
  return texts
    .flatMap((text) => (text ? normalizeForMatch(text).split(" ") : []))
    .filter((word) => word !== "" && /^[\x21-\x7e]+$/.test(word));
}

function alreadyClassifiedAs(target: Rule): SQL {
  const classification: Classification = target.action.classification;
  return sql`(${transactions.classification} = ${classification}
    and ${transactions.payerId} is not distinct from ${target.action.payerId ?? null}::uuid
    and ${transactions.categoryId} is not distinct from ${target.action.categoryId ?? null}::uuid)`;
}
