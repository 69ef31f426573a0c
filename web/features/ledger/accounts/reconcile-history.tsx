import { formatCalendarDate } from "../../../ui/format-date";
import { EmptyState, ErrorNotice, LoadingState } from "../../practice/feedback";
import { formatMoney } from "../money";
import { useReconciliations } from "./reconcile-queries";

const amount = (cents: number) => formatMoney(cents).replace(/^-/, "−");

/** The account's past reconciliations, latest statement first, and whether the ledger moved since. */
export function ReconcileHistory({ practiceId, accountId }: { practiceId: string; accountId: string }) {
  const history = useReconciliations(practiceId, accountId, true);
  if (history.isPending) return <LoadingState label="Loading past reconciliations…" />;
  if (history.isError) return <ErrorNotice error={history.error} />;
  if (history.data.length === 0) {
    return (
      <EmptyState title="Not reconciled yet">
        Each statement you compare is kept here, so you can see when the ledger last matched the bank.
      </EmptyState>
    );
  }
  return (
    <div className="-mx-6 overflow-x-auto px-6">
      <table className="w-full min-w-[34rem] text-sm">
        <caption className="sr-only">Past reconciliations</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <th scope="col" className="pr-3 pb-2">
              Statement date
            </th>
            <th scope="col" className="pr-3 pb-2 text-right">
              Statement
            </th>
            <th scope="col" className="pr-3 pb-2 text-right">
              Ledger
            </th>
            <th scope="col" className="pb-2 text-right">
              Difference
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {history.data.map((r) => {
            const moved = r.currentLedgerBalanceCents !== r.ledgerBalanceCents;
            return (
              <tr key={r.id} className="align-top">
                <th scope="row" className="py-2 pr-3 text-left font-normal whitespace-nowrap text-slate-900">
                  {formatCalendarDate(r.statementDate)}
                </th>
                <td className="py-2 pr-3 text-right tabular-nums">{amount(r.statementBalanceCents)}</td>
                <td className="py-2 pr-3 text-right tabular-nums">
                  {amount(r.ledgerBalanceCents)}
                  {moved ? (
                    <span className="block text-xs text-amber-800">
                      now {amount(r.currentLedgerBalanceCents)}: entries changed since
                    </span>
                  ) : null}
                </td>
                <td
                  className={
                    r.differenceCents === 0
                      ? "py-2 text-right font-medium text-teal-800 tabular-nums"
                      : "py-2 text-right font-medium text-red-700 tabular-nums"
                  }
                >
                  {r.differenceCents === 0 ? "Balanced" : amount(r.differenceCents)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
