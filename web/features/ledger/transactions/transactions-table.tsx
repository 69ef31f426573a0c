import { useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { TextLink } from "../../../ui/link";
import { ConfirmDialog } from "../../practice/confirm-dialog";
import { EmptyState, ErrorNotice, LoadingState } from "../../practice/feedback";
import type { Practice } from "../../practice/practice-queries";
import { type Transaction, type TransactionFilters, useTransactions } from "../ledger-queries";
import { formatSignedMoney } from "../money";
import { AuditDialog } from "./audit-dialog";
import { EditDialog } from "./edit-dialog";
import type { Lookups } from "./ledger-lookups";
import { SplitDialog } from "./split-dialog";
import { hasFilters } from "./transaction-filters";
import { useDeleteTransaction } from "./transaction-mutations";
import { type RowAction, TransactionRow, titleOf } from "./transaction-row";

type Open = { action: RowAction; transaction: Transaction };

type Props = {
  practice: Practice;
  lookups: Lookups;
  filters: TransactionFilters;
  canWrite: boolean;
  canAudit: boolean;
  onChanged: (message: string) => void;
  onClearFilters: () => void;
};

const COLUMNS = ["Date", "Description", "Account", "Classification", "Payer or category", "Amount"];

/**
 * The transactions matching the filters, newest first, 50 at a time ("Load more" follows the
 * API's cursor), with each row's actions: edit or classify, split, history, delete.
 */
export function TransactionsTable(props: Props) {
  const { practice, lookups, filters, canWrite, canAudit, onChanged, onClearFilters } = props;
  const list = useTransactions(practice.id, filters);
  const remove = useDeleteTransaction(practice.id);
  const [open, setOpen] = useState<Open | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);

  const opener = useRef<HTMLElement | null>(null);

  // The dialogs unmount when they close, so the browser does not hand the focus back: return
  // it to the button that opened the dialog, or to the table when that row is gone (deleted,
  // or filtered out by the change).
  const close = () => {
    setOpen(undefined);
    requestAnimationFrame(() => {
      if (opener.current?.isConnected) opener.current.focus();
      else container.current?.focus();
    });
  };
  const done = (message: string) => {
    onChanged(message);
    close();
  };

  // A failed "Load more" keeps the pages already shown; only a failed first page replaces them.
  if (!list.data) {
    return list.isError ? <ErrorNotice error={list.error} /> : <LoadingState label="Loading transactions…" />;
  }

  const rows = list.data.pages.flatMap((page) => page.transactions);
  const summary = `${rows.length} transaction${rows.length === 1 ? "" : "s"} shown${list.hasNextPage ? "; more are available" : ""}.`;
  if (rows.length === 0) {
    return hasFilters(filters) ? (
      <EmptyState title="No transactions match these filters.">
        <Button variant="secondary" size="sm" className="mt-3" onClick={onClearFilters}>
          Clear filters
        </Button>
      </EmptyState>
    ) : (
      <EmptyState title="No transactions yet.">
        <p>
          Record your first income or expense with the form above, or{" "}
          <TextLink to={`/practices/${practice.id}/import`}>import a bank statement</TextLink> to bring in
          months at once.
        </p>
      </EmptyState>
    );
  }

  return (
    <div ref={container} tabIndex={-1} className="flex flex-col gap-4 focus:outline-none">
      <p role="status" className="text-sm text-slate-600">
        {list.isFetching && !list.isFetchingNextPage ? "Updating… " : ""}
        {summary}
      </p>
      <div className="relative -mx-6 overflow-x-auto px-6">
        <table className="w-full min-w-[56rem] text-sm">
          <caption className="sr-only">Transactions of {practice.name}, newest first</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {COLUMNS.map((c) => (
                <th key={c} scope="col" className={c === "Amount" ? "pr-4 pb-3 text-right" : "pr-4 pb-3"}>
                  {c}
                </th>
              ))}
              <th scope="col" className="pb-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((t) => (
              <TransactionRow
                key={t.id}
                t={t}
                lookups={lookups}
                canWrite={canWrite}
                canAudit={canAudit}
                onAction={(action, transaction) => {
                  opener.current =
                    document.activeElement instanceof HTMLElement ? document.activeElement : null;
                  remove.reset();
                  setOpen({ action, transaction });
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {list.hasNextPage ? (
        <div>
          <Button
            variant="secondary"
            aria-disabled={list.isFetchingNextPage || undefined}
            onClick={() => {
              if (!list.isFetchingNextPage) void list.fetchNextPage();
            }}
          >
            {list.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
      <ErrorNotice error={list.isFetchNextPageError || list.isRefetchError ? list.error : undefined} />
      {open?.action === "edit" ? (
        <EditDialog
          practice={practice}
          transaction={open.transaction}
          lookups={lookups}
          onClose={close}
          onSaved={done}
        />
      ) : null}
      {open?.action === "split" ? (
        <SplitDialog
          practiceId={practice.id}
          transaction={open.transaction}
          lookups={lookups}
          onClose={close}
          onSaved={done}
        />
      ) : null}
      {open?.action === "audit" ? (
        <AuditDialog practice={practice} transaction={open.transaction} lookups={lookups} onClose={close} />
      ) : null}
      <ConfirmDialog
        open={open?.action === "delete"}
        title="Delete this transaction?"
        confirmLabel="Delete transaction"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onCancel={close}
        onConfirm={() => {
          const t = open?.transaction;
          if (!t) return;
          remove.mutate(t.id, {
            onSuccess: () =>
              done(`Deleted ${titleOf(t, lookups)} (${formatSignedMoney(t.amountCents)}, ${t.date}).`),
          });
        }}
      >
        {open?.transaction ? (
          <p>
            {titleOf(open.transaction, lookups)}, {formatSignedMoney(open.transaction.amountCents)} on{" "}
            {open.transaction.date}. It leaves the ledger and its totals; the audit trail keeps a record of
            it.
          </p>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}
