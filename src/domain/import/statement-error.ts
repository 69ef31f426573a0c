/**
 * Why a statement file cannot be imported. An import is all or nothing: one bad row refuses the
 * whole file, so the person fixes the file (or the mapping) and imports it again. Problems are
 * collected, up to MAX_STATEMENT_PROBLEMS, so they see them together rather than one per attempt,
 * and every problem names the physical line of the file it was found on ("Line 14: …").
 */

export const MAX_STATEMENT_PROBLEMS = 20;

/** `line` is the 1-based physical line of the file; null when the problem is the whole file. */
export type StatementProblem = { line: number | null; message: string };

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Line 14: the amount …" — or the message alone, capitalised, when no line is concerned. */
export function formatStatementProblem(problem: StatementProblem): string {
  return problem.line === null ? capitalize(problem.message) : `Line ${problem.line}: ${problem.message}`;
}

export class StatementError extends Error {
  readonly problems: readonly StatementProblem[];
  /** True when reading stopped at MAX_STATEMENT_PROBLEMS: the file may hold more. */
  readonly truncated: boolean;

  constructor(problems: readonly StatementProblem[], options: { truncated?: boolean } = {}) {
    const lines = problems.map(formatStatementProblem);
    if (options.truncated) {
      lines.push(`Stopped after ${problems.length} problems; the rest of the file was not checked.`);
    }
    super(lines.join("\n"));
    this.name = "StatementError";
    this.problems = problems;
    this.truncated = options.truncated ?? false;
  }
}

/** A single problem as an error, for faults that stop reading at once (a broken quote, bad bytes). */
export function statementError(line: number | null, message: string): StatementError {
  return new StatementError([{ line, message }]);
}

/** Gathers row problems while a file is read; `full` tells the reader to stop looking. */
export class StatementProblems {
  private readonly list: StatementProblem[] = [];

  add(line: number | null, message: string): void {
    if (this.list.length < MAX_STATEMENT_PROBLEMS) this.list.push({ line, message });
  }

  get count(): number {
    return this.list.length;
  }

  get full(): boolean {
    return this.list.length >= MAX_STATEMENT_PROBLEMS;
  }

  /** Throws the collected problems, together with `fatal` (the fault that stopped reading) if any. */
  throwIfAny(fatal?: StatementError): void {
    const problems = fatal ? [...this.list, ...fatal.problems] : this.list;
    if (problems.length === 0) return;
    throw new StatementError(problems.slice(0, MAX_STATEMENT_PROBLEMS), { truncated: this.full });
  }
}
