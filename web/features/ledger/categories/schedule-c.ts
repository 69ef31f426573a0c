import { SCHEDULE_C_LINES } from "@domain/ledger/schedule-c";

/**
 * The Schedule C lines a category may map to, from the server's own table (pure domain code
 * shared through the @domain alias), so the labels here are the labels of the API and reports.
 */
export { SCHEDULE_C_LINES };

export type ScheduleCLineInfo = (typeof SCHEDULE_C_LINES)[number];

const FULL_BASIS_POINTS = 10_000;

/** "Line 10 — Commissions and fees" */
export function lineTitle(line: ScheduleCLineInfo): string {
  return `Line ${line.line} — ${line.label}`;
}

/** "50% deductible" for a line whose amounts only partly count (24b, meals); otherwise nothing. */
export function deductibleNote(line: ScheduleCLineInfo): string | undefined {
  if (line.deductibleBasisPoints === FULL_BASIS_POINTS) return undefined;
  return `${line.deductibleBasisPoints / 100}% deductible`;
}
