import { useState } from "react";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { formatCalendarDate } from "../../ui/format-date";
import { formatMoney } from "../ledger/money";
import { ConfirmDialog } from "../practice/confirm-dialog";
import { EmptyState } from "../practice/feedback";
import { formatAmount } from "../reports/report-format";
import { Cell, NumberCell, ReportTable, RowHeader } from "../reports/report-table";
import { type TaxPayment, useDeleteTaxPayment } from "./tax-queries";

/**
 * Every estimated payment toward the year: those recorded here, and the ledger's transactions
 * classified "Estimated tax" (changed on the Transactions page, so they cannot be deleted here).
 */
export function TaxPaymentsTable({ practiceId, payments }: { practiceId: string; payments: TaxPayment[] }) {
  const remove = useDeleteTaxPayment(practiceId);
  const [deleting, setDeleting] = useState<TaxPayment | undefined>(undefined);
  if (payments.length === 0) {
    return (
      <EmptyState title="No payments yet">
        Record each estimated payment below, or classify the bank transaction as “Estimated tax” on the
        Transactions page: it then counts here by itself.
      </EmptyState>
    );
  }
  return (
    <>
      <ReportTable
        caption="Estimated tax payments"
        columns={[
          { label: "Date" },
          { label: "Paid to" },
          { label: "From" },
          { label: "Amount", numeric: true },
          { label: "Actions" },
        ]}
        minWidth="min-w-[40rem]"
      >
        {payments.map((p) => (
          <tr key={`${p.source}-${p.id}`}>
            <RowHeader className="whitespace-nowrap">{formatCalendarDate(p.date)}</RowHeader>
            <Cell>
              {p.jurisdiction === "federal" ? "IRS" : "State"}
              {p.note ? <span className="block text-xs text-slate-600">{p.note}</span> : null}
            </Cell>
            <Cell>
              <Badge tone={p.source === "ledger" ? "positive" : "neutral"}>
                {p.source === "ledger" ? "The ledger" : "Recorded here"}
              </Badge>
            </Cell>
            <NumberCell>{formatAmount(p.amountCents)}</NumberCell>
            <Cell>
              {p.source === "recorded" ? (
                <Button variant="ghost" size="sm" onClick={() => setDeleting(p)}>
                  Delete
                  <span className="sr-only">
                    {" "}
                    the payment of {formatMoney(p.amountCents)} on {p.date}
                  </span>
                </Button>
              ) : (
                <span className="text-xs text-slate-600">Change it in Transactions</span>
              )}
            </Cell>
          </tr>
        ))}
      </ReportTable>
      <ConfirmDialog
        open={deleting !== undefined}
        title="Delete this payment?"
        confirmLabel="Delete payment"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting.id, { onSuccess: () => setDeleting(undefined) });
        }}
        onCancel={() => {
          remove.reset();
          setDeleting(undefined);
        }}
      >
        <p>
          The payment of {deleting ? formatMoney(deleting.amountCents) : ""} on{" "}
          {deleting ? formatCalendarDate(deleting.date) : ""} will no longer count toward the year.
        </p>
      </ConfirmDialog>
    </>
  );
}
