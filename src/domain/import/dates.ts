/**
 * Statement dates → "YYYY-MM-DD". US banks write month first (01/05/2026, 1/5/26), a few export
 * ISO dates, and a file made abroad may put the day first. The format is part of the mapping, so
 * "03/04/2026" is read one way for the whole file, never guessed row by row; a date that cannot
 * exist in that format (month 13, February 30) is refused with the reason.
 */

export const DATE_FORMATS = ["MM/DD/YYYY", "MM/DD/YY", "DD/MM/YYYY", "YYYY-MM-DD"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export type DateResult = { ok: true; date: string } | { ok: false; message: string };

// Separators "/", "-" or "."; one- or two-digit day and month; an optional time after a space or
// "T" ("01/05/2026 00:00:00", "2026-01-05T08:30:00Z") is ignored.
const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:[ T].*)?$/;
const YEAR_MONTH_DAY = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[ T].*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2199;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/** Checks that year-month-day exists and writes it as ISO; `format` only words the refusal. */
export function toIsoDate(raw: string, year: number, month: number, day: number, format: string): DateResult {
  if (month < 1 || month > 12) {
    const hint =
      format === "MM/DD/YYYY" || format === "MM/DD/YY"
        ? " If the file puts the day first, choose DD/MM/YYYY."
        : format === "DD/MM/YYYY"
          ? " If the file puts the month first, choose MM/DD/YYYY."
          : "";
    return {
      ok: false,
      message: `the date "${raw}" has month ${month}, which cannot be in ${format}.${hint}`,
    };
  }
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
    return { ok: false, message: `the date "${raw}" has the year ${year}, which is out of range.` };
  }
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) {
    return {
      ok: false,
      message: `the date "${raw}" does not exist (${MONTH_NAMES[month - 1]} ${year} has ${last} days).`,
    };
  }
  return { ok: true, date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` };
}

/** Reads one date cell in the given format. */
export function parseStatementDate(input: string, format: DateFormat): DateResult {
  const raw = input.trim();
  if (raw === "") return { ok: false, message: "the date is empty." };
  const notInFormat: DateResult = {
    ok: false,
    message: `the date "${raw}" is not written as ${format}.`,
  };
  if (format === "YYYY-MM-DD") {
    const match = YEAR_MONTH_DAY.exec(raw) ?? COMPACT.exec(raw);
    if (!match) return notInFormat;
    return toIsoDate(raw, Number(match[1]), Number(match[2]), Number(match[3]), format);
  }
  const match = DAY_MONTH_YEAR.exec(raw);
  const yearText = match?.[3];
  if (!match || yearText === undefined) return notInFormat;
  const wantsShortYear = format === "MM/DD/YY";
  if (wantsShortYear !== (yearText.length === 2)) return notInFormat;
  // Two-digit years are this century: bank statements are recent.
  const year = wantsShortYear ? 2000 + Number(yearText) : Number(yearText);
  const first = Number(match[1]);
  const second = Number(match[2]);
  return format === "DD/MM/YYYY"
    ? toIsoDate(raw, year, second, first, format)
    : toIsoDate(raw, year, first, second, format);
}

/**
 * The format that reads every sample date, preferring month first when both orders fit (the
 * files are from US banks). `ambiguous` says day-first would have fitted too; null when no single
 * format reads them all.
 */
export function guessDateFormat(
  samples: readonly string[],
): { format: DateFormat; ambiguous: boolean } | null {
  const values = samples.map((value) => value.trim()).filter((value) => value !== "");
  if (values.length === 0) return null;
  const fitting = DATE_FORMATS.filter((format) =>
    values.every((value) => parseStatementDate(value, format).ok),
  );
  const format = fitting[0];
  if (format === undefined) return null;
  return { format, ambiguous: format === "MM/DD/YYYY" && fitting.includes("DD/MM/YYYY") };
}

/** Whether a cell looks like a date in any supported format (for header and column detection). */
export function looksLikeDate(value: string): boolean {
  return DATE_FORMATS.some((format) => parseStatementDate(value, format).ok);
}
