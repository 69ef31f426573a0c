import { useId, useState } from "react";
import { Alert } from "../../ui/alert";
import { TextLink } from "../../ui/link";
import { formatMoney } from "../ledger/money";
import { CLASSIFICATION_LABELS } from "../ledger/transactions/labels";
import { EmptyState } from "../practice/feedback";
import { formatAmount, plural } from "./report-format";
import { type ProfitAndLoss, useProfitAndLoss } from "./report-queries";
import type { DateRange } from "./report-range";
import { ReportState } from "./report-state";
import { NumberCell, ReportTable, RowHeader } from "./report-table";
import { SummaryFigures } from "./summary-figures";

type Props = { practiceId: string; range: DateRange };

function isEmpty(r: ProfitAndLoss): boolean {
  return r.incomeCount === 0 && r.expenseCount === 0 && r.totalSpentCents === 0 && r.excluded.length === 0;
}

/** What the figures include and leave out, in sentences. */
function notesOf(r: ProfitAndLoss): string[] {
  const notes: string[] = [];
  if (r.processorFeesCents !== 0) {
    notes.push(
      `Line 1 includes ${formatMoney(r.processorFeesCents)} of processor fees kept from payments; they are also an expense on line 10.`,
    );
  }
  if (r.returnsCents !== 0) {
    notes.push(`Line 1 is already reduced by ${formatMoney(r.returnsCents)} of recoupments and refunds.`);
  }
  for (const m of r.mileage) {
    if (m.hundredthsOfMiles === 0) continue;
    const miles = (m.hundredthsOfMiles / 100).toFixed(2);
    if (m.method === "actual_expenses") {
      notes.push(
        `${m.year}: actual car expenses are deducted, so the ${miles} logged miles add nothing to line 9.`,
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
  if (r.lines.some((l) => l.line === "24b" && l.spentCents !== 0)) {
    notes.push("Line 24b: business meals are 50% deductible; Amount shows what was spent.");
  }
  if (r.uncategorizedExpenses.count > 0) {
    notes.push(
      `${plural(r.uncategorizedExpenses.count, "expense")} without a category (${formatMoney(r.uncategorizedExpenses.spentCents)}) are on no line.`,
    );
  }
  for (const e of r.excluded) {
    if (e.classification === "unreviewed") continue;
    notes.push(
      `Not included: ${plural(e.count, "transaction")} classified ${CLASSIFICATION_LABELS[e.classification].toLowerCase()} (${formatMoney(e.inflowCents)} in, ${formatMoney(e.outflowCents)} out).`,
    );
  }
  return notes;
}

function Report({ practiceId, report }: { practiceId: string; report: ProfitAndLoss }) {
  const [everyLine, setEveryLine] = useState(false);
  const toggleId = useId();
  const transactions = `/practices/${practiceId}/transactions`;
  const inbox = `/practices/${practiceId}/inbox`;
  if (isEmpty(report)) {
    return (
      <EmptyState title="Nothing recorded in this period">
        Record income and expenses on the <TextLink to={transactions}>Transactions page</TextLink>, or choose
        another period above.
      </EmptyState>
    );
  }
  const lines = everyLine ? report.lines : report.lines.filter((l) => l.spentCents !== 0);
  const notes = notesOf(report);
  return (
    <>
      <SummaryFigures
        figures={[
          { term: "Gross receipts (line 1)", cents: report.grossReceiptsCents },
          { term: "Total expenses (line 28)", cents: report.totalExpensesCents },
          { term: "Tentative profit (line 29)", cents: report.tentativeProfitCents, emphasis: true },
        ]}
      />
      {report.unreviewed.count > 0 ? (
        <Alert
          tone="warning"
          live="none"
          title={`${plural(report.unreviewed.count, "transaction")} still to review`}
        >
          They are not in these figures ({formatMoney(report.unreviewed.inflowCents)} in,{" "}
          {formatMoney(report.unreviewed.outflowCents)} out).{" "}
          <TextLink to={inbox}>Review them in the inbox</TextLink>.
        </Alert>
      ) : null}
      <div className="flex items-center gap-3">
        <input
          id={toggleId}
          type="checkbox"
          checked={everyLine}
          onChange={(event) => setEveryLine(event.target.checked)}
          className="size-5 accent-teal-700"
        />
        <label htmlFor={toggleId} className="text-sm text-slate-800">
          Show every Schedule C line, including those with nothing on them
        </label>
      </div>
      <ReportTable
        caption="Profit and loss by Schedule C line"
        columns={[
          { label: "Line" },
          { label: "Description" },
          { label: "Amount", numeric: true },
          { label: "Deductible", numeric: true },
        ]}
        totals={
          <>
            <tr>
              <td className="py-3 pr-4">28</td>
              <th scope="row" className="py-3 pr-4 text-left">
                Total expenses
              </th>
              <NumberCell>{formatAmount(report.totalSpentCents)}</NumberCell>
              <NumberCell>{formatAmount(report.totalExpensesCents)}</NumberCell>
            </tr>
            <tr>
              <td className="py-3 pr-4">29</td>
              <th scope="row" className="py-3 pr-4 text-left">
                Tentative profit
              </th>
              <NumberCell />
              <NumberCell>{formatAmount(report.tentativeProfitCents)}</NumberCell>
            </tr>
          </>
        }
      >
        <tr>
          <td className="py-3 pr-4 align-top">1</td>
          <RowHeader>Gross receipts</RowHeader>
          <NumberCell>{formatAmount(report.grossReceiptsCents)}</NumberCell>
          <NumberCell>{formatAmount(report.grossReceiptsCents)}</NumberCell>
        </tr>
        {lines.map((line) => (
          <tr key={line.line}>
            <td className="py-3 pr-4 align-top">{line.line}</td>
            <RowHeader>{line.label}</RowHeader>
            <NumberCell>{formatAmount(line.spentCents)}</NumberCell>
            <NumberCell>{formatAmount(line.deductibleCents)}</NumberCell>
          </tr>
        ))}
      </ReportTable>
      {notes.length > 0 ? (
        <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-slate-600">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Profit and loss by Schedule C line: line 1, the Part II lines, line 28 and line 29. */
export function ProfitAndLossReport({ practiceId, range }: Props) {
  const query = useProfitAndLoss(practiceId, range);
  return (
    <ReportState query={query} what="profit and loss">
      {(report) => <Report practiceId={practiceId} report={report} />}
    </ReportState>
  );
}
