/**
 * Duplicate detection for one import into one account (decision 0013). The file's rows are
 * checked in order, and the account's rows are added as the file's dates reach them (a window
 * of three days either side), so a large file is decided as it streams:
 *
 * 1. A row with a bank id (OFX FITID, a CSV id column) is a duplicate when the account already
 *    holds that bank id, or an earlier row of the file carries it. The bank id decides alone.
 * 2. A row without one is matched by its exact key (date, amount, description), counting
 *    occurrences: the file's k-th row with a key is a duplicate when the ledger holds at least k
 *    rows with it. Two identical rows in one file are both kept, and a re-import of an
 *    overlapping file adds only what the ledger lacks.
 * 3. A new row is a PROBABLE duplicate of a ledger row no match has taken yet: same amount, at
 *    most three days apart, similar description (row-matching.ts), and, for a row with a bank
 *    id, a ledger row without one (two different bank ids are two transactions). Each ledger row
 *    answers for one file row; the nearest date wins, then the earliest row. Exact matches are
 *    made first within each batch of rows, so they take their ledger rows before any probable
 *    match can (across batches, a probable claim made earlier stands).
 */

import { dayNumber, descriptionWords, exactKey, MATCH_WINDOW_DAYS, similarWords } from "./row-matching.js";

export type ExistingRow = {
  id: string;
  date: string;
  amountCents: number;
  description: string;
  bankId: string | null;
};

export type MatchableRow = { date: string; amountCents: number; description: string; bankId?: string };

export type DuplicateCheck =
  | { status: "new" }
  | { status: "duplicate"; reason: "bank_id" | "same_row"; transactionId: string | null }
  | { status: "probable_duplicate"; transactionId: string };

type Entry = { row: ExistingRow; day: number; words: Set<string> | null; taken: boolean };

export class DuplicateFinder {
  private readonly bankIds = new Map<string, Entry>();
  private readonly byKey = new Map<string, Entry[]>();
  private readonly byAmount = new Map<number, Entry[]>();
  private readonly occurrences = new Map<string, number>();
  private readonly seenBankIds = new Set<string>();

  /** Adds ledger rows (each once), before the file's rows of their dates are checked. */
  addExisting(rows: readonly ExistingRow[]): void {
    for (const row of rows) {
      const entry: Entry = { row, day: dayNumber(row.date), words: null, taken: false };
      if (row.bankId !== null) this.bankIds.set(row.bankId, entry);
      push(this.byKey, exactKey(row.date, row.amountCents, row.description), entry);
      push(this.byAmount, row.amountCents, entry);
    }
  }

  /**
   * Decides rows in file order, once each: first every exact match of the batch, then the
   * probable duplicates among the rest, so a ledger row the batch matches exactly is never also
   * offered as the probable twin of another of its rows.
   */
  checkBatch(rows: readonly MatchableRow[]): DuplicateCheck[] {
    const exact = rows.map((row) => this.exactMatch(row));
    return rows.map((row, i) => exact[i] ?? this.probableMatch(row));
  }

  /** Decides one row (checkBatch of one). */
  check(row: MatchableRow): DuplicateCheck {
    return this.exactMatch(row) ?? this.probableMatch(row);
  }

  private exactMatch(row: MatchableRow): DuplicateCheck | null {
    if (row.bankId !== undefined) {
      const known = this.bankIds.get(row.bankId);
      const repeated = this.seenBankIds.has(row.bankId);
      this.seenBankIds.add(row.bankId);
      if (!known && !repeated) return null;
      if (known) known.taken = true;
      return { status: "duplicate", reason: "bank_id", transactionId: known?.row.id ?? null };
    }
    const key = exactKey(row.date, row.amountCents, row.description);
    const seen = this.occurrences.get(key) ?? 0;
    this.occurrences.set(key, seen + 1);
    const same = this.byKey.get(key) ?? [];
    if (seen >= same.length) return null;
    const match = same.find((entry) => !entry.taken) ?? (same[seen] as Entry);
    match.taken = true;
    return { status: "duplicate", reason: "same_row", transactionId: match.row.id };
  }

  private probableMatch(row: MatchableRow): DuplicateCheck {
    const probable = this.claimProbable(row);
    return probable ? { status: "probable_duplicate", transactionId: probable } : { status: "new" };
  }

  private claimProbable(row: MatchableRow): string | null {
    const day = dayNumber(row.date);
    let words: Set<string> | null = null;
    let best: Entry | null = null;
    for (const entry of this.byAmount.get(row.amountCents) ?? []) {
      if (entry.taken || Math.abs(entry.day - day) > MATCH_WINDOW_DAYS) continue;
      if (row.bankId !== undefined && entry.row.bankId !== null) continue;
      words ??= descriptionWords(row.description);
      entry.words ??= descriptionWords(entry.row.description);
      if (!similarWords(words, entry.words)) continue;
      if (best === null || Math.abs(entry.day - day) < Math.abs(best.day - day)) best = entry;
    }
    if (best === null) return null;
    best.taken = true;
    return best.row.id;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
