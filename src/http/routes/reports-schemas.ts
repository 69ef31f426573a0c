import { z } from "@hono/zod-openapi";
import { CLASSIFICATIONS, PAYER_KINDS } from "../../domain/ledger/vocabulary.js";
import { IsoDateSchema, ScheduleCLineSchema } from "./ledger-schemas.js";

/** The longest range a report covers: enough for a decade compared with the one before it. */
export const MAX_REPORT_YEARS = 20;

export const REPORT_FORMATS = ["json", "csv", "pdf"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Range checks run only on two well-formed dates; a malformed one has its own error already. */
function bothDates(q: { from: string; to: string }): boolean {
  return DATE.test(q.from) && DATE.test(q.to);
}

/** The last day a range starting on `from` may reach: 20 years less a day. */
function latestEnd(from: string): string {
  const year = Number(from.slice(0, 4)) + MAX_REPORT_YEARS;
  const end = new Date(Date.UTC(year, Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)) - 1));
  return end.toISOString().slice(0, 10);
}

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&format=json|csv|pdf`: both dates inclusive, unknown keys refused. */
export const ReportQuery = z
  .strictObject({
    from: IsoDateSchema.openapi({ description: "First day, inclusive", example: "2025-01-01" }),
    to: IsoDateSchema.openapi({ description: "Last day, inclusive", example: "2025-12-31" }),
    format: z
      .enum(REPORT_FORMATS)
      .default("json")
      .openapi({ description: "json (default), csv (a download) or pdf (a download)" }),
  })
  .refine((q) => !bothDates(q) || q.from <= q.to, {
    path: ["to"],
    message: "The last day must not be before the first.",
  })
  .refine((q) => !bothDates(q) || q.to <= latestEnd(q.from), {
    path: ["to"],
    message: `A report covers at most ${MAX_REPORT_YEARS} years.`,
  });

const Cents = z.number().int();
const Range = z.object({ from: z.string(), to: z.string() });

const MileageYearSchema = z.object({
  year: z.number().int(),
  method: z.enum(["standard_mileage", "actual_expenses"]),
  hundredthsOfMiles: z.number().int(),
  trips: z.number().int(),
  valueCents: Cents,
  valued: z.boolean(),
});

const ClassSumSchema = z.object({
  classification: z.enum(CLASSIFICATIONS),
  count: z.number().int(),
  inflowCents: Cents,
  outflowCents: Cents,
});

export const ProfitAndLossSchema = z
  .object({
    range: Range,
    grossReceiptsCents: Cents,
    returnsCents: Cents,
    incomeCount: z.number().int(),
    lines: z.array(
      z.object({ line: ScheduleCLineSchema, label: z.string(), spentCents: Cents, deductibleCents: Cents }),
    ),
    processorFeesCents: Cents,
    mileage: z.array(MileageYearSchema),
    totalSpentCents: Cents,
    totalExpensesCents: Cents,
    tentativeProfitCents: Cents,
    expenseCount: z.number().int(),
    uncategorizedExpenses: z.object({ count: z.number().int(), spentCents: Cents }),
    unreviewed: z.object({ count: z.number().int(), inflowCents: Cents, outflowCents: Cents }),
    excluded: z.array(ClassSumSchema),
  })
  .openapi("ProfitAndLoss");

export const IncomeByPayerSchema = z
  .object({
    range: Range,
    payers: z.array(
      z.object({
        payerId: z.uuid().nullable(),
        name: z.string(),
        kind: z.enum(PAYER_KINDS).nullable(),
        amountCents: Cents,
        feesCents: Cents,
        count: z.number().int(),
        shareBasisPoints: z.number().int(),
      }),
    ),
    totalCents: Cents,
    feesCents: Cents,
    count: z.number().int(),
  })
  .openapi("IncomeByPayer");

export const ExpensesByCategorySchema = z
  .object({
    range: Range,
    categories: z.array(
      z.object({
        categoryId: z.uuid().nullable(),
        name: z.string(),
        line: ScheduleCLineSchema,
        source: z.enum(["category", "processor_fees", "mileage"]),
        spentCents: Cents,
        deductibleCents: Cents,
        count: z.number().int(),
      }),
    ),
    totalSpentCents: Cents,
    totalDeductibleCents: Cents,
    expenseCount: z.number().int(),
  })
  .openapi("ExpensesByCategory");

const MonthTotals = z.object({ incomeCents: Cents, expenseCents: Cents, netCents: Cents });

export const MonthlySchema = z
  .object({
    range: Range,
    months: z.array(MonthTotals.extend({ month: z.string() })),
    totals: MonthTotals,
  })
  .openapi("MonthlyTrend");

const ComparisonSchema = z.object({
  currentCents: Cents,
  previousCents: Cents,
  changeCents: Cents,
  changeBasisPoints: z.number().int().nullable(),
});

export const YearOverYearSchema = z
  .object({
    range: Range,
    previousRange: Range,
    grossReceipts: ComparisonSchema,
    lines: z.array(ComparisonSchema.extend({ line: ScheduleCLineSchema, label: z.string() })),
    totalExpenses: ComparisonSchema,
    tentativeProfit: ComparisonSchema,
  })
  .openapi("YearOverYear");
