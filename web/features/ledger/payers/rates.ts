import { centsToInput, parseAmount } from "../money";
import type { PayerRate } from "./payer-mutations";

/** One line of the rates editor, as typed. `key` keeps React's rows (and focus) stable. */
export type RateRow = { key: number; serviceCode: string; rate: string };

export type RateProblems = Record<number, { serviceCode?: string; rate?: string }>;

export type ReadRates =
  | { ok: true; rates: PayerRate[]; keys: number[] }
  | { ok: false; problems: RateProblems; firstKey: number };

// The API's rule (src/http/routes/ledger-payers.ts): a CPT/HCPCS code, optionally a modifier.
const SERVICE_CODE = /^[0-9A-Z]{5}(-[0-9A-Z]{2})?$/;

let nextKey = 1;

export function newRateRow(rate?: PayerRate): RateRow {
  nextKey += 1;
  return rate
    ? { key: nextKey, serviceCode: rate.serviceCode, rate: centsToInput(rate.rateCents) }
    : { key: nextKey, serviceCode: "", rate: "" };
}

export function rateRowsOf(rates: readonly PayerRate[]): RateRow[] {
  return rates.map((r) => newRateRow(r));
}

/**
 * Turns the typed rows into the rates the API takes, with the API's rules checked first so each
 * mistake shows beside its row. A row left entirely blank is skipped. `keys` says which row each
 * rate came from, so a problem the server names by position ("rates.2.rateCents") finds its row.
 */
export function readRates(rows: readonly RateRow[]): ReadRates {
  const problems: RateProblems = {};
  const rates: PayerRate[] = [];
  const keys: number[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const code = row.serviceCode.trim().toUpperCase();
    if (code === "" && row.rate.trim() === "") continue;
    const problem: { serviceCode?: string; rate?: string } = {};
    if (code === "") problem.serviceCode = "Enter the service code, e.g. 90837.";
    else if (!SERVICE_CODE.test(code)) {
      problem.serviceCode = "Use a 5-character code such as 90837, with an optional modifier (90837-95).";
    } else if (seen.has(code)) problem.serviceCode = `${code} is listed twice.`;
    seen.add(code);
    const parsed = parseAmount(row.rate, { label: "The rate", allowNegative: true, allowZero: true });
    if (!parsed.ok)
      problem.rate = row.rate.trim() === "" ? "Enter the contracted rate, e.g. 150.00." : parsed.message;
    else if (parsed.cents < 0) problem.rate = "A rate cannot be negative.";
    if (problem.serviceCode || problem.rate) problems[row.key] = problem;
    else if (parsed.ok) {
      rates.push({ serviceCode: code, rateCents: parsed.cents });
      keys.push(row.key);
    }
  }
  const firstKey = rows.find((r) => problems[r.key])?.key;
  if (firstKey !== undefined) return { ok: false, problems, firstKey };
  return { ok: true, rates, keys };
}
