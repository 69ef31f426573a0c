import {
  type DuplicateCheck,
  DuplicateFinder,
  type ExistingRow,
} from "../../domain/import/duplicate-finder.js";
import { type Proposal, proposeClassification } from "../../domain/import/proposal.js";
import { type TransferCandidate, TransferMatcher } from "../../domain/import/transfer-matcher.js";
import type { Rule } from "../../domain/rules/rule-types.js";
import type { PreparedRow } from "./prepare.js";

export type ImportChoices = {
  /** Import every probable duplicate (by default they are skipped). */
  includeProbableDuplicates: boolean;
  /** Import these probable duplicates, by the file line their row starts on. */
  includeLines: ReadonlySet<number>;
};

export type RowStatus = "new" | "duplicate" | "probable_duplicate";

/** What an import does with one row of the file. */
export type RowPlan = {
  row: PreparedRow;
  status: RowStatus;
  duplicateReason: "bank_id" | "same_row" | null;
  /** The ledger transaction it duplicates (exactly or probably), when there is one. */
  duplicateOf: string | null;
  /** Whether the row is imported: new rows, and probable duplicates the person chose. */
  include: boolean;
  /** The proposed classification; null for exact duplicates. */
  proposal: Proposal | null;
  /** The other side of a transfer, on another of the practice's accounts. */
  transfer: TransferCandidate | null;
  /** The row would be imported but its year is closed (the commit refuses the file). */
  inClosedYear: boolean;
};

export type PlannerContext = {
  accountId: string;
  rules: readonly Rule[];
  closedYears: ReadonlySet<number>;
};

/**
 * Decides each row of a file, in file order (duplicate-finder.ts, transfer-matcher.ts,
 * proposal.ts). The ledger's rows reach it through `addExisting` and `addTransferCandidates`
 * (ledger-window.ts) before the file's rows of their dates are planned.
 */
export class ImportPlanner {
  private readonly duplicates = new DuplicateFinder();
  private readonly transfers = new TransferMatcher();

  constructor(
    private readonly context: PlannerContext,
    private readonly choices: ImportChoices,
  ) {}

  addExisting(rows: readonly ExistingRow[]): void {
    this.duplicates.addExisting(rows);
  }

  addTransferCandidates(rows: readonly TransferCandidate[]): void {
    this.transfers.addCandidates(rows);
  }

  /** Decides a batch of rows, in file order; the ledger around their dates must be added first. */
  planBatch(rows: readonly PreparedRow[]): RowPlan[] {
    const checks = this.duplicates.checkBatch(rows);
    return rows.map((row, i) => this.planChecked(row, checks[i] ?? { status: "new" }));
  }

  private planChecked(row: PreparedRow, check: DuplicateCheck): RowPlan {
    const inClosedYear = this.context.closedYears.has(Number(row.date.slice(0, 4)));
    if (check.status === "duplicate") {
      return {
        row,
        status: "duplicate",
        duplicateReason: check.reason,
        duplicateOf: check.transactionId,
        include: false,
        proposal: null,
        transfer: null,
        inClosedYear: false,
      };
    }
    const probable = check.status === "probable_duplicate";
    const include =
      !probable || this.choices.includeProbableDuplicates || this.choices.includeLines.has(row.line);
    const transfer = include && !inClosedYear ? this.transfers.claim(row) : null;
    return {
      row,
      status: check.status,
      duplicateReason: null,
      duplicateOf: probable ? check.transactionId : null,
      include,
      proposal: this.propose(row, transfer !== null),
      transfer,
      inClosedYear: include && inClosedYear,
    };
  }

  /** The classification for a row, as a transfer or not. */
  propose(row: PreparedRow, transfer: boolean): Proposal {
    const subject = {
      description: row.description,
      amountCents: row.amountCents,
      accountId: this.context.accountId,
    };
    return proposeClassification(this.context.rules, subject, { transfer });
  }
}

/** The counts of a planned import; `toImport` and the class counts cover imported rows only. */
export class ImportTotals {
  rows = 0;
  new = 0;
  duplicates = 0;
  probableDuplicates = 0;
  includedProbableDuplicates = 0;
  toImport = 0;
  transfers = 0;
  ruleClassified = 0;
  estimatedTax = 0;
  unreviewed = 0;
  /** The sum of the imported rows' amounts (positive = into the account). */
  amountCents = 0;
  closedYearRows = 0;
  readonly closedYears = new Set<number>();

  add(plan: RowPlan): void {
    this.rows += 1;
    if (plan.status === "new") this.new += 1;
    if (plan.status === "duplicate") this.duplicates += 1;
    if (plan.status === "probable_duplicate") this.probableDuplicates += 1;
    if (plan.status === "probable_duplicate" && plan.include) this.includedProbableDuplicates += 1;
    if (plan.inClosedYear) {
      this.closedYearRows += 1;
      this.closedYears.add(Number(plan.row.date.slice(0, 4)));
    }
    if (!plan.include) return;
    this.toImport += 1;
    this.amountCents += plan.row.amountCents;
    this.count(plan.proposal?.source ?? null);
  }

  /** Moves one imported row from one proposal source to another (a transfer that fell through). */
  reclassify(from: Proposal["source"], to: Proposal["source"]): void {
    this.uncount(from);
    this.count(to);
  }

  private count(source: Proposal["source"]): void {
    if (source === "transfer") this.transfers += 1;
    else if (source === "rule") this.ruleClassified += 1;
    else if (source === "estimated_tax") this.estimatedTax += 1;
    else this.unreviewed += 1;
  }

  private uncount(source: Proposal["source"]): void {
    if (source === "transfer") this.transfers -= 1;
    else if (source === "rule") this.ruleClassified -= 1;
    else if (source === "estimated_tax") this.estimatedTax -= 1;
    else this.unreviewed -= 1;
  }

  toJSON() {
    return {
      rows: this.rows,
      new: this.new,
      duplicates: this.duplicates,
      probableDuplicates: this.probableDuplicates,
      includedProbableDuplicates: this.includedProbableDuplicates,
      toImport: this.toImport,
      transfers: this.transfers,
      ruleClassified: this.ruleClassified,
      estimatedTax: this.estimatedTax,
      unreviewed: this.unreviewed,
      amountCents: this.amountCents,
      closedYearRows: this.closedYearRows,
      closedYears: [...this.closedYears].sort(),
    };
  }
}

export type ImportTotalsView = ReturnType<ImportTotals["toJSON"]>;
