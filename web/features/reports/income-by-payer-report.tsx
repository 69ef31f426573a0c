import { TextLink } from "../../ui/link";
import { PAYER_KIND_LABELS } from "../ledger/payers/payer-kinds";
import { EmptyState } from "../practice/feedback";
import { formatAmount, formatBasisPoints } from "./report-format";
import { useIncomeByPayer } from "./report-queries";
import type { DateRange } from "./report-range";
import { ReportState } from "./report-state";
import { NumberCell, ReportTable, RowHeader } from "./report-table";
import { ShareBar } from "./share-bar";

/** Income by payer: what each paid, what the processor kept, how many deposits, and the share. */
export function IncomeByPayerReport({ practiceId, range }: { practiceId: string; range: DateRange }) {
  const query = useIncomeByPayer(practiceId, range);
  return (
    <ReportState query={query} what="income by payer">
      {(report) =>
        report.payers.length === 0 ? (
          <EmptyState title="No income in this period">
            Record a payment on the{" "}
            <TextLink to={`/practices/${practiceId}/transactions`}>Transactions page</TextLink>, choosing who
            paid (an insurer, an EAP, or Private pay), or choose another period above.
          </EmptyState>
        ) : (
          <>
            <ReportTable
              caption="Income by payer"
              columns={[
                { label: "Payer" },
                { label: "Type" },
                { label: "Gross receipts", numeric: true },
                { label: "Processor fees", numeric: true },
                { label: "Transactions", numeric: true },
                { label: "Share", numeric: true },
              ]}
              minWidth="min-w-[44rem]"
              totals={
                <tr>
                  <th scope="row" className="py-3 pr-4 text-left">
                    Total
                  </th>
                  <td className="py-3 pr-4" />
                  <NumberCell>{formatAmount(report.totalCents)}</NumberCell>
                  <NumberCell>{formatAmount(report.feesCents)}</NumberCell>
                  <NumberCell>{report.count}</NumberCell>
                  <NumberCell>{report.totalCents > 0 ? "100.00%" : "—"}</NumberCell>
                </tr>
              }
            >
              {report.payers.map((payer) => (
                <tr key={payer.payerId ?? payer.name}>
                  <RowHeader className="font-medium">{payer.name}</RowHeader>
                  <td className="py-3 pr-4 align-top whitespace-nowrap text-slate-700">
                    {payer.kind ? PAYER_KIND_LABELS[payer.kind] : "—"}
                  </td>
                  <NumberCell>{formatAmount(payer.amountCents)}</NumberCell>
                  <NumberCell>{formatAmount(payer.feesCents)}</NumberCell>
                  <NumberCell>{payer.count}</NumberCell>
                  <NumberCell className="w-32">
                    {formatBasisPoints(payer.shareBasisPoints)}
                    <ShareBar basisPoints={payer.shareBasisPoints} className="mt-1.5" />
                  </NumberCell>
                </tr>
              ))}
            </ReportTable>
            <p className="text-sm text-slate-600">
              A deposit split across payers counts once for each payer in its parts, and once in the total.
              Shares are rounded to a hundredth of a percent.
            </p>
          </>
        )
      }
    </ReportState>
  );
}
