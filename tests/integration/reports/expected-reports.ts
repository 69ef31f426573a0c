/**
 * The reports worked out again in plain JavaScript from the generated rows (not from the
 * database, and without the services' code), straight from the rules of issue 5 and decision
 * 0011: income = sum(amount) + fees, expenses = −sum(amount), split parts replace their parent's
 * payer or category, meals (24b) 50% deductible, fees on line 10, the mileage log on line 9 at
 * 70¢ (2025), 72.5¢ (2026 before July 1) and 76¢ (2026 from July 1), none for other years, and
 * only in years whose vehicle method is the standard rate.
 */
import type { GenLedger, GenTransaction, Targets } from "./ledger-generator.js";

export type Range = { from: string; to: string };

/** a × b / c, rounded half away from zero, exactly. */
export function roundedRatio(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const magnitude = ((n < 0n ? -n : n) * 2n + d) / (2n * d);
  const value = Number(n < 0n ? -magnitude : magnitude);
  return value === 0 ? 0 : value;
}

const deductible = (line: string, spent: number) => (line === "24b" ? roundedRatio(spent, 1, 2) : spent);

/** Mills per mile on a date; null where the planner has no rate. */
function millsOn(date: string): number | null {
  if (date.startsWith("2025-")) return 700;
  if (date.startsWith("2026-")) return date < "2026-07-01" ? 725 : 760;
  return null;
}

type Piece = { amountCents: number; target: number | null; first: boolean };
function pieces(t: GenTransaction): Piece[] {
  if (t.parts.length === 0) return [{ amountCents: t.amountCents, target: t.target, first: true }];
  return t.parts.map((p, i) => ({ amountCents: p.amountCents, target: p.target, first: i === 0 }));
}

const within = (date: string, r: Range) => date >= r.from && date <= r.to;
const add = <K>(map: Map<K, number>, key: K, value: number) => map.set(key, (map.get(key) ?? 0) + value);

function methodOf(ledger: GenLedger, year: number): string {
  return ledger.methods.find((m) => m.year === year)?.method ?? "standard_mileage";
}

/** The trips' value for one group of dates (a range's year, or a month), rounded once per rate. */
function mileageValue(ledger: GenLedger, keep: (date: string) => boolean): { cents: number; trips: number } {
  const byRate = new Map<number, number>();
  let trips = 0;
  for (const trip of ledger.trips) {
    if (!keep(trip.date)) continue;
    const mills = millsOn(trip.date);
    if (mills === null || methodOf(ledger, Number(trip.date.slice(0, 4))) !== "standard_mileage") continue;
    add(byRate, mills, trip.hundredths);
    trips += 1;
  }
  let cents = 0;
  for (const [mills, hundredths] of byRate) cents += roundedRatio(hundredths, mills, 1000);
  return { cents, trips };
}

/** Mileage of a range: each calendar year rounded on its own. */
function rangeMileage(ledger: GenLedger, r: Range) {
  let cents = 0;
  let trips = 0;
  for (let year = Number(r.from.slice(0, 4)); year <= Number(r.to.slice(0, 4)); year++) {
    const v = mileageValue(ledger, (d) => within(d, r) && d.startsWith(`${year}-`));
    cents += v.cents;
    trips += v.trips;
  }
  return { cents, trips };
}

export function expectedProfitAndLoss(ledger: GenLedger, targets: Targets, r: Range) {
  const rows = ledger.transactions.filter((t) => within(t.date, r));
  const income = rows.filter((t) => t.classification === "income");
  const expenses = rows.filter((t) => t.classification === "expense");
  const fees = income.reduce((sum, t) => sum + (t.feeCents ?? 0), 0);
  const gross = income.reduce((sum, t) => sum + t.amountCents + (t.feeCents ?? 0), 0);
  const returns = income.flatMap(pieces).reduce((sum, p) => sum + Math.max(0, -p.amountCents), 0);
  const spent = new Map<string, number>();
  for (const p of expenses.flatMap(pieces)) {
    add(spent, targets.categories[p.target ?? -1]?.line ?? "none", -p.amountCents);
  }
  add(spent, "10", fees);
  add(spent, "9", rangeMileage(ledger, r).cents);
  const lines = new Map<string, { spentCents: number; deductibleCents: number }>();
  for (const [line, cents] of spent)
    lines.set(line, { spentCents: cents, deductibleCents: deductible(line, cents) });
  // Expenses with no category are on no line, so not in the total either.
  const total = [...lines].reduce((sum, [line, l]) => (line === "none" ? sum : sum + l.deductibleCents), 0);
  const excluded = new Map<string, { count: number; inflowCents: number; outflowCents: number }>();
  for (const t of rows) {
    if (t.classification === "income" || t.classification === "expense") continue;
    const e = excluded.get(t.classification) ?? { count: 0, inflowCents: 0, outflowCents: 0 };
    e.count += 1;
    if (t.amountCents > 0) e.inflowCents += t.amountCents;
    else e.outflowCents -= t.amountCents;
    excluded.set(t.classification, e);
  }
  const uncategorized = expenses.filter((t) => t.parts.length === 0 && t.target === null);
  return {
    uncategorizedExpenses: {
      count: uncategorized.length,
      spentCents: uncategorized.reduce((sum, t) => sum - t.amountCents, 0),
    },
    grossReceiptsCents: gross,
    returnsCents: returns,
    processorFeesCents: fees,
    incomeCount: income.length,
    expenseCount: expenses.length,
    lines,
    totalExpensesCents: total,
    tentativeProfitCents: gross - total,
    excluded,
  };
}

export function expectedIncomeByPayer(ledger: GenLedger, targets: Targets, r: Range) {
  const byPayer = new Map<string, { amountCents: number; feesCents: number; ids: Set<number> }>();
  ledger.transactions.forEach((t, index) => {
    if (t.classification !== "income" || !within(t.date, r)) return;
    for (const p of pieces(t)) {
      const id = targets.payers[p.target ?? -1]?.id ?? "none";
      const row = byPayer.get(id) ?? { amountCents: 0, feesCents: 0, ids: new Set<number>() };
      const fee = p.first ? (t.feeCents ?? 0) : 0;
      row.amountCents += p.amountCents + fee;
      row.feesCents += fee;
      row.ids.add(index);
      byPayer.set(id, row);
    }
  });
  const total = [...byPayer.values()].reduce((sum, p) => sum + p.amountCents, 0);
  return {
    totalCents: total,
    payers: new Map(
      [...byPayer].map(([id, p]) => [
        id,
        {
          amountCents: p.amountCents,
          feesCents: p.feesCents,
          count: p.ids.size,
          shareBasisPoints: total > 0 ? roundedRatio(p.amountCents, 10_000, total) : 0,
        },
      ]),
    ),
  };
}

export function expectedExpensesByCategory(ledger: GenLedger, targets: Targets, r: Range) {
  const byCategory = new Map<string, { spentCents: number; ids: Set<number> }>();
  let feeCents = 0;
  let feeCount = 0;
  ledger.transactions.forEach((t, index) => {
    if (!within(t.date, r)) return;
    if (t.classification === "income" && (t.feeCents ?? 0) > 0) {
      feeCents += t.feeCents ?? 0;
      feeCount += 1;
    }
    if (t.classification !== "expense") return;
    for (const p of pieces(t)) {
      const id = targets.categories[p.target ?? -1]?.id ?? "none";
      const row = byCategory.get(id) ?? { spentCents: 0, ids: new Set<number>() };
      row.spentCents -= p.amountCents;
      row.ids.add(index);
      byCategory.set(id, row);
    }
  });
  const rows = new Map<string, { spentCents: number; deductibleCents: number; count: number }>();
  for (const [id, c] of byCategory) {
    if (id === "none") continue;
    const line = targets.categories.find((x) => x.id === id)?.line ?? "none";
    rows.set(id, {
      spentCents: c.spentCents,
      deductibleCents: deductible(line, c.spentCents),
      count: c.ids.size,
    });
  }
  if (feeCount > 0)
    rows.set("processor_fees", { spentCents: feeCents, deductibleCents: feeCents, count: feeCount });
  const mileage = rangeMileage(ledger, r);
  if (mileage.cents !== 0) {
    rows.set("mileage", { spentCents: mileage.cents, deductibleCents: mileage.cents, count: mileage.trips });
  }
  return rows;
}

export function monthsBetween(r: Range): string[] {
  const out: string[] = [];
  const d = new Date(`${r.from.slice(0, 7)}-01T00:00:00Z`);
  while (d.toISOString().slice(0, 7) <= r.to.slice(0, 7)) {
    out.push(d.toISOString().slice(0, 7));
    d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

export function expectedMonthly(ledger: GenLedger, targets: Targets, r: Range) {
  return monthsBetween(r).map((month) => {
    const inMonth = ledger.transactions.filter((t) => t.date.startsWith(`${month}-`) && within(t.date, r));
    let incomeCents = 0;
    let expenseCents = 0;
    const spent = new Map<string, number>();
    for (const t of inMonth) {
      if (t.classification === "income") {
        incomeCents += t.amountCents + (t.feeCents ?? 0);
        expenseCents += t.feeCents ?? 0;
      }
      if (t.classification === "expense") {
        for (const p of pieces(t))
          add(spent, targets.categories[p.target ?? -1]?.line ?? "none", -p.amountCents);
      }
    }
    for (const [line, cents] of spent) if (line !== "none") expenseCents += deductible(line, cents);
    expenseCents += mileageValue(ledger, (d) => d.startsWith(`${month}-`) && within(d, r)).cents;
    return { month, incomeCents, expenseCents, netCents: incomeCents - expenseCents };
  });
}

/** The same day a year earlier; the last day of February stays the last day of February. */
export function yearEarlier(date: string): string {
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lastOfFeb = (y: number) => (leap(y) ? "02-29" : "02-28");
  const md = monthDay === lastOfFeb(year) || monthDay === "02-29" ? lastOfFeb(year - 1) : monthDay;
  return `${year - 1}-${md}`;
}
