import { formatMoney } from "../ledger/money";

/** Money for reading: a true minus sign, which screen readers say as "minus". */
export function formatAmount(cents: number): string {
  return formatMoney(cents).replace(/^-/, "−");
}

/** 1234 basis points → "12.34%", exactly (integer arithmetic, no float rounding). */
export function formatBasisPoints(basisPoints: number): string {
  const sign = basisPoints < 0 ? "−" : "";
  const magnitude = Math.abs(basisPoints);
  const whole = Math.trunc(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, "0");
  return `${sign}${whole}.${rest}%`;
}

const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const SHORT_MONTH = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

/** "2026-03" → "March 2026". */
export function formatMonth(month: string): string {
  const date = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : MONTH.format(date);
}

/** "2026-03" → "Mar", for the axis of a chart. */
export function formatShortMonth(month: string): string {
  const date = new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? month : SHORT_MONTH.format(date);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
