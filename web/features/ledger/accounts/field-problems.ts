import { PracticeApiError } from "../../practice/api-result";

/**
 * The message the API gave for one field of a refused form ("name", "rates.2.serviceCode"), so
 * it shows under that field. Shared by the account, payer and category forms.
 */
export function problemAt(error: unknown, path: string): string | undefined {
  if (!(error instanceof PracticeApiError)) return undefined;
  return error.fieldProblems.find((p) => p.path === path)?.message;
}

/** The error to show above a form: none when every problem it names sits under a field. */
export function formLevelError(error: unknown, paths: readonly string[]): unknown {
  if (!(error instanceof PracticeApiError) || error.fieldProblems.length === 0) return error;
  return error.fieldProblems.every((p) => paths.includes(p.path)) ? undefined : error;
}
