import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody } from "../practice/api-result";
import type { DateRange } from "./report-range";

export type ProfitAndLoss = components["schemas"]["ProfitAndLoss"];
export type IncomeByPayer = components["schemas"]["IncomeByPayer"];
export type ExpensesByCategory = components["schemas"]["ExpensesByCategory"];
export type MonthlyTrend = components["schemas"]["MonthlyTrend"];
export type YearOverYear = components["schemas"]["YearOverYear"];

/** The five reports, by the last part of their API path. */
export const REPORT_IDS = [
  "profit-and-loss",
  "income-by-payer",
  "expenses-by-category",
  "monthly",
  "year-over-year",
] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const REPORT_LABELS: Record<ReportId, string> = {
  "profit-and-loss": "Profit and loss",
  "income-by-payer": "Income by payer",
  "expenses-by-category": "Expenses by category",
  monthly: "Month by month",
  "year-over-year": "Year over year",
};

/**
 * Reports are figures of the ledger, so their keys sit under the ledger's prefix: recording or
 * changing a transaction invalidates that prefix, and every report on screen is asked again.
 */
export const reportKeys = {
  report: (practiceId: string, id: ReportId, range: DateRange) =>
    [...ledgerKeys.all(practiceId), "reports", id, range.from, range.to] as const,
};

/** The CSV or PDF download of a report: a plain GET, which needs no CSRF token. */
export function reportDownloadUrl(
  practiceId: string,
  id: ReportId,
  range: DateRange,
  format: "csv" | "pdf",
): string {
  const query = new URLSearchParams({ from: range.from, to: range.to, format });
  return `/api/practices/${encodeURIComponent(practiceId)}/reports/${id}?${query}`;
}

/** A report route answers JSON, CSV or PDF; the JSON is asked for, so a string is a fault. */
function jsonOf<T>(result: { data?: T | string; error?: unknown; response: Response }): T {
  const body = requireBody(result);
  if (typeof body === "string") throw new Error("The report came back as a file instead of figures.");
  return body;
}

const options = (practiceId: string, range: DateRange) => ({
  params: { path: { practiceId }, query: { from: range.from, to: range.to, format: "json" as const } },
});

function useReport<T>(practiceId: string, id: ReportId, range: DateRange, fetch: () => Promise<T>) {
  return useQuery({
    queryKey: reportKeys.report(practiceId, id, range),
    queryFn: fetch,
    // A new range keeps the previous figures on screen until its own arrive.
    placeholderData: keepPreviousData,
  });
}

export function useProfitAndLoss(practiceId: string, range: DateRange) {
  return useReport(
    practiceId,
    "profit-and-loss",
    range,
    async () =>
      jsonOf(await api.GET("/practices/{practiceId}/reports/profit-and-loss", options(practiceId, range)))
        .profitAndLoss,
  );
}

export function useIncomeByPayer(practiceId: string, range: DateRange) {
  return useReport(
    practiceId,
    "income-by-payer",
    range,
    async () =>
      jsonOf(await api.GET("/practices/{practiceId}/reports/income-by-payer", options(practiceId, range)))
        .incomeByPayer,
  );
}

export function useExpensesByCategory(practiceId: string, range: DateRange) {
  return useReport(
    practiceId,
    "expenses-by-category",
    range,
    async () =>
      jsonOf(
        await api.GET("/practices/{practiceId}/reports/expenses-by-category", options(practiceId, range)),
      ).expensesByCategory,
  );
}

export function useMonthlyTrend(practiceId: string, range: DateRange) {
  return useReport(
    practiceId,
    "monthly",
    range,
    async () =>
      jsonOf(await api.GET("/practices/{practiceId}/reports/monthly", options(practiceId, range))).monthly,
  );
}

export function useYearOverYear(practiceId: string, range: DateRange) {
  return useReport(
    practiceId,
    "year-over-year",
    range,
    async () =>
      jsonOf(await api.GET("/practices/{practiceId}/reports/year-over-year", options(practiceId, range)))
        .yearOverYear,
  );
}
