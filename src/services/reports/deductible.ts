import { SCHEDULE_C_LINES, type ScheduleCLineCode } from "../../domain/ledger/schedule-c.js";
import { percentOfCents } from "../../domain/money.js";

/** The deductible part of what was spent on a line (50% on 24b), rounded once, half away from zero. */
export function deductibleOf(line: ScheduleCLineCode, spentCents: number): number {
  const found = SCHEDULE_C_LINES.find((l) => l.line === line);
  return percentOfCents(spentCents, found?.deductibleBasisPoints ?? 10_000);
}
