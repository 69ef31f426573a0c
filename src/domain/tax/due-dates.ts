/**
 * Estimated-tax due dates: the statutory month-days of IRC §6654(c)(2), each moved to the next
 * business day when it falls on a Saturday, Sunday or legal holiday (IRC §7503). Computed from
 * the data file rather than typed in, so the rule is tested once and every year follows it.
 */
import { requireTaxYear } from "./tax-years.js";
import { requireIsoDate } from "./validate.js";

const MS_PER_DAY = 86_400_000;

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The date itself if it is a business day, otherwise the next one. */
export function nextBusinessDay(isoDate: string, holidays: readonly string[]): string {
  const holidaySet = new Set(holidays);
  let date = new Date(`${requireIsoDate(isoDate, "date")}T00:00:00Z`);
  for (;;) {
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !holidaySet.has(toIso(date))) return toIso(date);
    date = new Date(date.getTime() + MS_PER_DAY);
  }
}

/** The four due dates for a tax year, Q4 falling in January of the next year. */
export function estimatedTaxDueDates(year: number): [string, string, string, string] {
  const figures = requireTaxYear(year);
  const holidays = figures.dueMonthHolidays.value;
  const [q1, q2, q3, q4] = figures.statutory.estimatedTax.dueMonthDays.value.map(
    ({ month, day, nextYear }) => {
      const statutory = `${year + (nextYear ? 1 : 0)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      return nextBusinessDay(statutory, holidays);
    },
  );
  if (!q1 || !q2 || !q3 || !q4) throw new Error(`The data file must list four due dates for ${year}`);
  return [q1, q2, q3, q4];
}
