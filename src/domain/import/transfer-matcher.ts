/**
 * Transfers between the practice's own accounts (decision 0013): a card payment from checking,
 * a move to savings. An imported row pairs with a ledger row of ANOTHER account of the practice
 * of the same amount and opposite sign, at most three days apart, that is not paired yet and is
 * still unreviewed or already a transfer (a person's or a rule's other classification stands).
 * Each ledger row pairs once; the nearest date wins, then the earliest row. A file is one
 * account's statement, so its own rows are never each other's other side; two rows of the file
 * never claim the same ledger row.
 */

import { dayNumber, MATCH_WINDOW_DAYS } from "./row-matching.js";

export type TransferCandidate = {
  id: string;
  accountId: string;
  date: string;
  amountCents: number;
  description: string;
};

type Slot = { candidate: TransferCandidate; day: number; claimed: boolean };

export class TransferMatcher {
  private readonly byAmount = new Map<number, Slot[]>();

  /** Adds pairable rows of the practice's other accounts (each once), as the file's dates reach them. */
  addCandidates(candidates: readonly TransferCandidate[]): void {
    for (const candidate of candidates) {
      if (candidate.amountCents === 0) continue;
      const list = this.byAmount.get(candidate.amountCents) ?? [];
      list.push({ candidate, day: dayNumber(candidate.date), claimed: false });
      this.byAmount.set(candidate.amountCents, list);
    }
  }

  /** Claims the other side of a row, or returns null; call once per imported row. */
  claim(row: { date: string; amountCents: number }): TransferCandidate | null {
    if (row.amountCents === 0) return null;
    const day = dayNumber(row.date);
    let best: Slot | null = null;
    for (const slot of this.byAmount.get(-row.amountCents) ?? []) {
      if (slot.claimed || Math.abs(slot.day - day) > MATCH_WINDOW_DAYS) continue;
      if (best === null || Math.abs(slot.day - day) < Math.abs(best.day - day)) best = slot;
    }
    if (best === null) return null;
    best.claimed = true;
    return best.candidate;
  }
}
