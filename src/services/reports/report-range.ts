import type { Db } from "../../db/client.js";

/** A report's dates, both inclusive, as YYYY-MM-DD. */
export type ReportRange = { from: string; to: string };

/** What the report queries run on: the snapshot transaction (see snapshot.ts). */
export type ReportExecutor = Pick<Db, "execute" | "select">;

/** What a report needs of the database: it opens its own read-only snapshot. */
export type ReportDb = Pick<Db, "transaction">;

/** A sum or count that SQL hands back as text (bigint and numeric), as an exact number of cents. */
export function centsOf(text: string | number | null | undefined): number {
  if (text === null || text === undefined) return 0;
  const value = typeof text === "number" ? text : Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a whole number of cents: ${text}`);
  return value === 0 ? 0 : value;
}

/** The calendar years a range touches, first to last. */
export function yearsOf(range: ReportRange): number[] {
  const first = Number(range.from.slice(0, 4));
  const last = Number(range.to.slice(0, 4));
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
