import { TextLink } from "../../ui/link";
import { EmptyState } from "../practice/feedback";
import { formatAmount } from "./report-format";
import { type ExpensesByCategory, useExpensesByCategory } from "./report-queries";
import type { DateRange } from "./report-range";
import { ReportState } from "./report-state";
import { NumberCell, ReportTable, RowHeader } from "./report-table";

const SOURCE_NOTES: Record<ExpensesByCategory["categories"][number]["source"], string | undefined> = {
  category: undefined,
  processor_fees: "Kept by the card processor from payments",
  mileage: "The mileage log at the IRS standard rate",
};

/** Expenses by category with each category's Schedule C line, spent and deductible amounts. */
export function ExpensesByCategoryReport({ practiceId, range }: { practiceId: string; range: DateRange }) {
  const query = useExpensesByCategory(practiceId, range);
  return (
    <ReportState query={query} what="expenses by category">
      {(report) =>
        report.categories.length === 0 ? (
          <EmptyState title="No expenses in this period">
            Record what the practice paid for on the{" "}
            <TextLink to={`/practices/${practiceId}/transactions`}>Transactions page</TextLink>, choosing a
            category for each, or choose another period above.
          </EmptyState>
        ) : (
          <>
            <ReportTable
              caption="Expenses by category"
              columns={[
                { label: "Category" },
                { label: "Line" },
                { label: "Spent", numeric: true },
                { label: "Deductible", numeric: true },
                { label: "Transactions", numeric: true },
              ]}
              totals={
                <tr>
                  <th scope="row" className="py-3 pr-4 text-left">
                    Total
                  </th>
                  <td className="py-3 pr-4" />
                  <NumberCell>{formatAmount(report.totalSpentCents)}</NumberCell>
                  <NumberCell>{formatAmount(report.totalDeductibleCents)}</NumberCell>
                  <NumberCell>{report.expenseCount}</NumberCell>
                </tr>
              }
            >
              {report.categories.map((category) => {
                const note = SOURCE_NOTES[category.source];
                return (
                  <tr key={`${category.source}-${category.categoryId ?? category.name}`}>
                    <RowHeader>
                      <span className="font-medium">{category.name}</span>
                      {note ? <span className="block text-xs text-slate-600">{note}</span> : null}
                    </RowHeader>
                    <td className="py-3 pr-4 align-top whitespace-nowrap">{category.line}</td>
                    <NumberCell>{formatAmount(category.spentCents)}</NumberCell>
                    <NumberCell>{formatAmount(category.deductibleCents)}</NumberCell>
                    <NumberCell>{category.source === "category" ? category.count : "—"}</NumberCell>
                  </tr>
                );
              })}
            </ReportTable>
            <p className="text-sm text-slate-600">
              Refunds reduce their category. Meals (line 24b) are 50% deductible. The transaction count is of
              expenses only; a split expense counts once.
            </p>
          </>
        )
      }
    </ReportState>
  );
}
