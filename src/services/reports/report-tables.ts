/** Each report as a ReportTable, for the CSV and PDF renderers. */
import { formatMoney } from "../../domain/money.js";
import type { ExpensesByCategoryReport, IncomeByPayerReport } from "./breakdowns.js";
import type { MonthlyReport } from "./monthly.js";
import type { Column, ReportTable } from "./report-table.js";
import type { ScheduleCSummary } from "./schedule-c.js";
import type { Comparison, YearOverYear } from "./year-over-year.js";

const text = (header: string): Column => ({ header, kind: "text" });
const cents = (header: string): Column => ({ header, kind: "cents" });
const count = (header: string): Column => ({ header, kind: "count" });
const share = (header: string): Column => ({ header, kind: "basisPoints" });

const PAYER_KINDS: Record<string, string> = {
  insurance: "Insurance",
  private_pay: "Private pay",
  eap: "EAP",
  other: "Other",
};

const CLASS_NAMES: Record<string, string> = {
  transfer: "transfers",
  owner_draw: "owner draws",
  owner_contribution: "owner contributions",
  estimated_tax: "estimated tax payments",
  personal: "personal transactions",
  unreviewed: "unreviewed transactions",
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function profitAndLossTable(s: ScheduleCSummary): ReportTable {
  const notes: string[] = [
    `Line 1 is the income that reached the accounts plus ${formatMoney(s.processorFeesCents)} of processor fees, ` +
      "which are also an expense on line 10.",
  ];
  if (s.returnsCents !== 0) {
    notes.push(
      `Line 1 is already reduced by ${formatMoney(s.returnsCents)} of recoupments and other negative income.`,
    );
  }
  for (const m of s.mileage) {
    if (m.hundredthsOfMiles === 0) continue;
    const miles = (m.hundredthsOfMiles / 100).toFixed(2);
    if (m.method === "actual_expenses") {
      notes.push(
        `${m.year}: actual car expenses are deducted; the ${miles} logged miles are not added to line 9.`,
      );
    } else if (!m.valued) {
      notes.push(
        `${m.year}: ${miles} logged miles are not valued: there is no standard mileage rate for ${m.year}.`,
      );
    } else {
      notes.push(
        `${m.year}: ${miles} logged miles at the standard rate add ${formatMoney(m.valueCents)} to line 9.`,
      );
    }
  }
  if (s.lines.some((l) => l.line === "24b" && l.spentCents !== 0)) {
    notes.push("Line 24b: business meals are 50% deductible; the Amount column shows what was spent.");
  }
  if (s.uncategorizedExpenses.count > 0) {
    notes.push(
      `${plural(s.uncategorizedExpenses.count, "expense")} without a category ` +
        `(${formatMoney(s.uncategorizedExpenses.spentCents)}) are on no line.`,
    );
  }
  for (const e of s.excluded) {
    notes.push(
      `Not included: ${e.count} ${CLASS_NAMES[e.classification] ?? e.classification} ` +
        `(${formatMoney(e.inflowCents)} in, ${formatMoney(e.outflowCents)} out).`,
    );
  }
  return {
    title: "Profit and loss (Schedule C)",
    slug: "profit-and-loss",
    columns: [text("Line"), text("Description"), cents("Amount"), cents("Deductible")],
    rows: [
      ["1", "Gross receipts", s.grossReceiptsCents, s.grossReceiptsCents],
      ...s.lines.map((l) => [l.line, l.label, l.spentCents, l.deductibleCents]),
    ],
    totals: [
      ["28", "Total expenses", s.totalSpentCents, s.totalExpensesCents],
      ["29", "Tentative profit", null, s.tentativeProfitCents],
    ],
    notes,
  };
}

export function incomeByPayerTable(r: IncomeByPayerReport): ReportTable {
  return {
    title: "Income by payer",
    slug: "income-by-payer",
    columns: [
      text("Payer"),
      text("Kind"),
      cents("Gross receipts"),
      cents("Processor fees"),
      count("Transactions"),
      share("Share (%)"),
    ],
    rows: r.payers.map((p) => [
      p.name,
      p.kind ? (PAYER_KINDS[p.kind] ?? p.kind) : "",
      p.amountCents,
      p.feesCents,
      p.count,
      p.shareBasisPoints,
    ]),
    totals: [["Total", "", r.totalCents, r.feesCents, r.count, r.totalCents > 0 ? 10_000 : 0]],
    notes: [
      "A split deposit counts once for each payer named in its parts; the total counts it once.",
      "Shares are rounded to a hundredth of a percent, so they may not add up to exactly 100%.",
    ],
  };
}

export function expensesByCategoryTable(r: ExpensesByCategoryReport): ReportTable {
  return {
    title: "Expenses by category",
    slug: "expenses-by-category",
    columns: [text("Category"), text("Line"), cents("Spent"), cents("Deductible"), count("Transactions")],
    rows: r.categories.map((c) => [c.name, c.line, c.spentCents, c.deductibleCents, c.count]),
    totals: [["Total", "", r.totalSpentCents, r.totalDeductibleCents, r.expenseCount]],
    notes: [
      "Refunds reduce their category. Meals (line 24b) are 50% deductible, rounded per category.",
      "Processor fees kept from income and the mileage log are rows of their own; " +
        "the total counts expense transactions only, a split one once.",
    ],
  };
}

export function monthlyTable(r: MonthlyReport): ReportTable {
  return {
    title: "Month by month",
    slug: "monthly",
    columns: [text("Month"), cents("Income"), cents("Expenses"), cents("Net")],
    rows: r.months.map((m) => [m.month, m.incomeCents, m.expenseCents, m.netCents]),
    totals: [["Total", r.totals.incomeCents, r.totals.expenseCents, r.totals.netCents]],
    notes: [
      "Income is gross receipts; expenses are deductible expenses (meals at 50%, processor fees, " +
        "the mileage log at the standard rate), rounded per month.",
    ],
  };
}

export function yearOverYearTable(r: YearOverYear): ReportTable {
  const row = (line: string, label: string, c: Comparison) => [
    line,
    label,
    c.currentCents,
    c.previousCents,
    c.changeCents,
    c.changeBasisPoints,
  ];
  return {
    title: "Year over year",
    slug: "year-over-year",
    columns: [
      text("Line"),
      text("Description"),
      cents(`${r.range.from} to ${r.range.to}`),
      cents(`${r.previousRange.from} to ${r.previousRange.to}`),
      cents("Change"),
      share("Change (%)"),
    ],
    rows: [row("1", "Gross receipts", r.grossReceipts), ...r.lines.map((l) => row(l.line, l.label, l))],
    totals: [row("28", "Total expenses", r.totalExpenses), row("29", "Tentative profit", r.tentativeProfit)],
    notes: ["Expense lines show deductible amounts. A change from zero has no percentage."],
  };
}
