/**
 * The date ranges a report can cover. Presets are computed from the practice's today (its time
 * zone, not the browser's), as plain YYYY-MM-DD strings, so no time zone can shift a boundary.
 */

export const RANGE_PRESETS = ["this_year", "last_year", "this_quarter", "last_quarter", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const PRESET_LABELS: Record<RangePreset, string> = {
  this_year: "This year",
  last_year: "Last year",
  this_quarter: "This quarter",
  last_quarter: "Last quarter",
  custom: "Custom dates",
};

export type DateRange = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, "0");

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function quarterRange(year: number, quarter: number): DateRange {
  const first = (quarter - 1) * 3 + 1;
  const last = quarter * 3;
  return { from: `${year}-${pad(first)}-01`, to: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}` };
}

export function yearRange(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The range of a preset on `today` ("2026-11-26"); `custom` has none of its own. */
export function presetRange(preset: Exclude<RangePreset, "custom">, today: string): DateRange {
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  switch (preset) {
    case "this_year":
      return yearRange(year);
    case "last_year":
      return yearRange(year - 1);
    case "this_quarter":
      return quarterRange(year, quarter);
    case "last_quarter":
      return quarter === 1 ? quarterRange(year - 1, 4) : quarterRange(year, quarter - 1);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The API's own limit: a report covers at most 20 years. */
const MAX_YEARS = 20;

/** Why a typed range cannot be asked for, or nothing when it can. */
export function rangeProblem(range: DateRange): { field: "from" | "to"; message: string } | undefined {
  if (!isIsoDate(range.from)) return { field: "from", message: "Enter the first day, like 2026-01-01." };
  if (!isIsoDate(range.to)) return { field: "to", message: "Enter the last day, like 2026-12-31." };
  if (range.to < range.from) return { field: "to", message: "The last day is before the first." };
  const latest = `${Number(range.from.slice(0, 4)) + MAX_YEARS}${range.from.slice(4)}`;
  if (range.to >= latest) return { field: "to", message: `A report covers at most ${MAX_YEARS} years.` };
  return undefined;
}
