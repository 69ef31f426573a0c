import {
  MAX_STATEMENT_PROBLEMS,
  StatementError,
  type StatementProblem,
} from "../../domain/import/statement-error.js";
import type { StatementRow } from "../../domain/import/statement-row.js";
import { redactCounterparty } from "../../domain/privacy/redact-counterparty.js";

/** The ledger's limit on a description typed by hand; an imported one is cut to it. */
export const MAX_DESCRIPTION_LENGTH = 500;
/** A bank id longer than this is not a bank's id (and would not fit the unique index). */
export const MAX_BANK_ID_LENGTH = 255;

/** A statement row as the ledger will store it: the description through the privacy guard. */
export type PreparedRow = {
  line: number;
  date: string;
  amountCents: number;
  description: string;
  /** Whether the privacy guard replaced a name in the description. */
  redacted: boolean;
  bankId?: string;
};

type Guarded = { text: string; redacted: boolean };

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/** The text without C0 control characters and DEL (PostgreSQL refuses NUL; none means anything here). */
function withoutControlCharacters(text: string): string {
  if (!hasControlCharacter(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) if (!isControl(text.charCodeAt(i))) out += text.charAt(i);
  return out;
}

/**
 * The privacy guard for a whole file: statements repeat descriptions ("ZOOM.US 888-799-9666"
 * every month), so each distinct description is guarded once (up to a bound on what is kept).
 */
export class DescriptionGuard {
  private readonly seen = new Map<string, Guarded>();

  guard(description: string): Guarded {
    const known = this.seen.get(description);
    if (known) return known;
    const guarded = redactCounterparty(withoutControlCharacters(description));
    const result = { text: guarded.text.slice(0, MAX_DESCRIPTION_LENGTH), redacted: guarded.redacted };
    if (this.seen.size < 20_000) this.seen.set(description, result);
    return result;
  }
}

export function prepareRow(row: StatementRow, guard = new DescriptionGuard()): PreparedRow {
  const guarded = guard.guard(row.description);
  const prepared: PreparedRow = {
    line: row.line,
    date: row.date,
    amountCents: row.amountCents,
    description: guarded.text,
    redacted: guarded.redacted,
  };
  if (row.bankId !== undefined) prepared.bankId = row.bankId;
  return prepared;
}

/** Lets the event loop run (timers: the progress lines) while a long read keeps it busy. */
export const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

function byLine(a: StatementProblem, b: StatementProblem): number {
  return (a.line ?? 0) - (b.line ?? 0);
}

/**
 * A statement's rows, guarded, in batches of `size`, streamed. Like the parsers, it stops
 * yielding at the first bad row (here: a bank id that is not one) but reads on, and at the end
 * throws every problem — the parser's and its own — together, by line, as one StatementError.
 * A consumer writing batches as they come must therefore do so in one database transaction.
 */
export async function* preparedBatches(
  rows: AsyncIterable<StatementRow>,
  size: number,
): AsyncGenerator<PreparedRow[]> {
  const guard = new DescriptionGuard();
  const problems: StatementProblem[] = [];
  let batch: PreparedRow[] = [];
  let read = 0;
  try {
    for await (const raw of rows) {
      const row = prepareRow(raw, guard);
      const badId =
        row.bankId !== undefined &&
        (row.bankId.length > MAX_BANK_ID_LENGTH || hasControlCharacter(row.bankId));
      if (badId && problems.length <= MAX_STATEMENT_PROBLEMS) {
        problems.push({
          line: row.line,
          message: `the bank's id for the row is not an id (longer than ${MAX_BANK_ID_LENGTH} characters, or with control characters).`,
        });
      }
      if (problems.length === 0) batch.push(row);
      else batch = [];
      read += 1;
      if (batch.length >= size) {
        yield batch;
        batch = [];
      }
      if (read % 500 === 0) await breathe();
    }
  } catch (error) {
    if (!(error instanceof StatementError) || problems.length === 0) throw error;
    const all = [...problems, ...error.problems].sort(byLine);
    throw new StatementError(all.slice(0, MAX_STATEMENT_PROBLEMS), {
      truncated: error.truncated || all.length > MAX_STATEMENT_PROBLEMS,
    });
  }
  if (problems.length > 0) {
    throw new StatementError(problems.slice(0, MAX_STATEMENT_PROBLEMS), {
      truncated: problems.length > MAX_STATEMENT_PROBLEMS,
    });
  }
  if (batch.length > 0) yield batch;
}
