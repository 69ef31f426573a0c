import { useRef, useState } from "react";
import { Badge } from "../../../ui/badge";
import { Button } from "../../../ui/button";
import { cx } from "../../../ui/cx";
import { ErrorNotice } from "../../practice/feedback";
import type { LedgerAccount } from "../ledger-queries";
import { formatMoney } from "../money";
import { DeleteAccountDialog, EditAccountDialog } from "./account-dialogs";
import { ACCOUNT_KIND_LABELS } from "./account-kinds";
import { useUpdateAccount } from "./account-mutations";
import { ReconcileAction } from "./reconcile-action";

type TableProps = {
  practiceId: string;
  accounts: LedgerAccount[];
  manages: boolean;
  onChanged: (message: string) => void;
};

/** Balances read with a true minus sign, which screen readers say as "minus". */
function formatBalance(cents: number): string {
  return formatMoney(cents).replace(/^-/, "−");
}

function RowActions({
  account,
  practiceId,
  onEdit,
  onDelete,
  onChanged,
}: {
  account: LedgerAccount;
  practiceId: string;
  onEdit: () => void;
  onDelete: () => void;
  onChanged: (message: string) => void;
}) {
  const update = useUpdateAccount(practiceId);
  const archived = account.archivedAt !== null;
  const toggleArchive = () => {
    if (update.isPending) return;
    update.mutate(
      { accountId: account.id, changes: { archived: !archived } },
      {
        onSuccess: () =>
          onChanged(
            archived
              ? `${account.name} restored. It is offered for new transactions again.`
              : `${account.name} archived. Its transactions stay in the ledger.`,
          ),
      },
    );
  };
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={onEdit}>
          Edit<span className="sr-only"> {account.name}</span>
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={toggleArchive}
          aria-disabled={update.isPending || undefined}
        >
          {archived ? "Restore" : "Archive"}
          <span className="sr-only"> {account.name}</span>
        </Button>
        {/* An archived account that holds transactions is already where it should stay. */}
        {archived && account.transactionCount > 0 ? null : (
          <Button variant="ghost" size="sm" onClick={onDelete}>
            Delete<span className="sr-only"> {account.name}</span>
          </Button>
        )}
      </div>
      <ErrorNotice error={update.error} className="text-left" />
    </div>
  );
}

/** The practice's accounts, archived ones last, with what each holds now. */
export function AccountsTable({ practiceId, accounts, manages, onChanged }: TableProps) {
  const [editing, setEditing] = useState<LedgerAccount | undefined>(undefined);
  const [deleting, setDeleting] = useState<LedgerAccount | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const sorted = [...accounts].sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));

  return (
    // Focus lands here when a deleted account's row disappears, instead of falling back to the page.
    <div ref={container} tabIndex={-1} className="focus:outline-none">
      <div className="relative -mx-6 overflow-x-auto px-6">
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">Accounts and their balances</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <th scope="col" className="pr-4 pb-3">
                Account
              </th>
              <th scope="col" className="pr-4 pb-3">
                Type
              </th>
              <th scope="col" className="pr-4 pb-3">
                Number
              </th>
              <th scope="col" className="pr-4 pb-3 text-right">
                Transactions
              </th>
              <th scope="col" className="pr-4 pb-3 text-right">
                Balance
              </th>
              <th scope="col" className="pb-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.map((account) => {
              const archived = account.archivedAt !== null;
              return (
                <tr key={account.id} className={cx("align-top", archived && "text-slate-600")}>
                  <th scope="row" className="py-4 pr-4 text-left font-normal">
                    <span className="flex flex-wrap items-center gap-2">
                      <span
                        className={cx(
                          "font-medium break-words",
                          archived ? "text-slate-700" : "text-slate-900",
                        )}
                      >
                        {account.name}
                      </span>
                      {archived ? <Badge>Archived</Badge> : null}
                    </span>
                  </th>
                  <td className="py-4 pr-4 whitespace-nowrap">{ACCOUNT_KIND_LABELS[account.kind]}</td>
                  <td className="py-4 pr-4 whitespace-nowrap">
                    {account.last4 ? (
                      <span>
                        <span aria-hidden="true">•••• </span>
                        <span className="sr-only">ending in </span>
                        {account.last4}
                      </span>
                    ) : (
                      <span className="text-slate-500">Not given</span>
                    )}
                  </td>
                  <td className="py-4 pr-4 text-right tabular-nums">{account.transactionCount}</td>
                  <td className="py-4 pr-4 text-right font-medium whitespace-nowrap text-slate-900 tabular-nums">
                    {formatBalance(account.balanceCents)}
                  </td>
                  <td className="py-3">
                    <div className="flex items-start justify-end gap-2">
                      <ReconcileAction account={account} />
                      {manages ? (
                        <RowActions
                          account={account}
                          practiceId={practiceId}
                          onEdit={() => setEditing(account)}
                          onDelete={() => setDeleting(account)}
                          onChanged={onChanged}
                        />
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {manages ? (
        <>
          <EditAccountDialog
            practiceId={practiceId}
            account={editing}
            onClose={() => setEditing(undefined)}
            onSaved={onChanged}
          />
          <DeleteAccountDialog
            practiceId={practiceId}
            account={deleting}
            onClose={() => setDeleting(undefined)}
            onDone={(message) => {
              onChanged(message);
              refocus.current = true;
              setDeleting(undefined);
            }}
            onClosed={() => {
              if (refocus.current) container.current?.focus();
              refocus.current = false;
            }}
          />
        </>
      ) : null}
    </div>
  );
}
