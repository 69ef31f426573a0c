import {
  formatStatementProblem,
  type StatementError,
  type StatementProblem,
} from "../../domain/import/statement-error.js";
import { ApiError } from "../../http/errors.js";
import { guardText } from "../ledger/privacy-guard.js";

/**
 * A problem message may quote a cell of the file ('the amount "Zelle from …" is not a number'
 * when a column is mapped wrongly), so each quoted part goes through the privacy guard before
 * the message is shown, returned or logged.
 */
export function guardMessage(message: string): string {
  return message.replace(/"([^"]*)"/g, (_, quoted: string) => `"${guardText(quoted)}"`);
}

export function guardedProblems(error: StatementError): StatementProblem[] {
  return error.problems.map((p) => ({ line: p.line, message: guardMessage(p.message) }));
}

/** 422 statement_invalid: every problem with its line; the import added nothing. */
export function statementInvalid(error: StatementError): ApiError {
  const problems = guardedProblems(error);
  const lines = problems.map(formatStatementProblem);
  if (error.truncated)
    lines.push(`Stopped after ${problems.length} problems; the rest of the file was not checked.`);
  return new ApiError(
    422,
    "statement_invalid",
    `The file cannot be imported, so nothing was added.\n${lines.join("\n")}`,
    { problems, truncated: error.truncated },
  );
}

/** 422 for a CSV whose columns could not be recognised and were not given. */
export function mappingNeeded(notes: readonly string[]): ApiError {
  return new ApiError(
    422,
    "statement_invalid",
    `The file's columns could not be recognised, so nothing was added. ${notes.join(" ")} Preview the file and choose them.`,
    { problems: [], truncated: false },
  );
}
