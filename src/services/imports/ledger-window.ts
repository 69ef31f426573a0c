import { shiftDate } from "../../domain/import/row-matching.js";
import type { Executor } from "../ledger/ledger-db.js";
import {
  type DateRange,
  dateRangeOf,
  loadExistingRows,
  loadTransferCandidates,
  matchWindow,
} from "./ledger-context.js";
import type { ImportPlanner } from "./planner.js";
import type { PreparedRow } from "./prepare.js";

export type WindowScope = {
  practiceId: string;
  accountId: string;
  closedYears: ReadonlySet<number>;
  /** The batch being written, whose own rows are not part of the ledger compared with. */
  batchId: string | null;
};

/**
 * The part of the ledger an import compares with, loaded as the file's dates reach it: before a
 * batch of the file's rows is planned, the account's rows and the other accounts' transfer
 * candidates within three days of its dates are handed to the planner, each date range once.
 * A statement runs in date order, so each batch usually adds a few days at one edge.
 */
export class LedgerWindow {
  private loaded: DateRange | null = null;

  constructor(
    private readonly db: Executor,
    private readonly scope: WindowScope,
    private readonly planner: ImportPlanner,
  ) {}

  async cover(rows: readonly PreparedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const wanted = matchWindow(dateRangeOf(rows));
    const missing: DateRange[] = [];
    if (this.loaded === null) missing.push(wanted);
    else {
      if (wanted.from < this.loaded.from)
        missing.push({ from: wanted.from, to: shiftDate(this.loaded.from, -1) });
      if (wanted.to > this.loaded.to) missing.push({ from: shiftDate(this.loaded.to, 1), to: wanted.to });
    }
    for (const range of missing) {
      this.planner.addExisting(
        await loadExistingRows(this.db, { ...this.scope, exceptBatchId: this.scope.batchId }, range),
      );
      this.planner.addTransferCandidates(await loadTransferCandidates(this.db, this.scope, range));
    }
    this.loaded = {
      from: this.loaded && this.loaded.from < wanted.from ? this.loaded.from : wanted.from,
      to: this.loaded && this.loaded.to > wanted.to ? this.loaded.to : wanted.to,
    };
  }
}
