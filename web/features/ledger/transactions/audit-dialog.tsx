import { Button } from "../../../ui/button";
import { Dialog, DialogActions } from "../../../ui/dialog";
import { EmptyState, ErrorNotice, LoadingState } from "../../practice/feedback";
import { formatDayAndTime } from "../../practice/format-time";
import type { Practice } from "../../practice/practice-queries";
import { type Transaction, type TransactionAuditEntry, useTransactionAudit } from "../ledger-queries";
import { ACTION_LABELS, changesOf, whoChanged } from "./audit-changes";
import type { Lookups } from "./ledger-lookups";
import { titleOf } from "./transaction-row";

function Entry({
  entry,
  practice,
  lookups,
}: {
  entry: TransactionAuditEntry;
  practice: Practice;
  lookups: Lookups;
}) {
  const changes = changesOf(entry, lookups);
  return (
    <li className="flex flex-col gap-2 rounded-xl border border-slate-200 p-4">
      <p className="text-sm">
        <span className="font-semibold text-slate-900">{ACTION_LABELS[entry.action]}</span>{" "}
        <span className="text-slate-700">by {whoChanged(entry)}</span>
        <span className="block text-xs text-slate-600">
          <time dateTime={entry.createdAt}>{formatDayAndTime(entry.createdAt, practice.timeZone)}</time>
        </span>
      </p>
      {changes.length > 0 ? (
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-sm">
          {changes.map((c) => (
            <div key={c.field} className="contents">
              <dt className="text-slate-600">{c.field}</dt>
              <dd className="break-words text-slate-900">
                {c.before !== undefined && c.after !== undefined ? (
                  <>
                    <span className="sr-only">from </span>
                    <span className="text-slate-600 line-through">{c.before}</span>
                    <span aria-hidden="true"> → </span>
                    <span className="sr-only"> to </span>
                    <span>{c.after}</span>
                  </>
                ) : (
                  (c.after ?? c.before)
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-slate-600">Only the locks changed.</p>
      )}
    </li>
  );
}

type Props = { practice: Practice; transaction: Transaction; lookups: Lookups; onClose: () => void };

/** Who changed this transaction, when, and from what to what; Owners and Admins only (`audit.read`). */
export function AuditDialog({ practice, transaction: t, lookups, onClose }: Props) {
  const audit = useTransactionAudit(practice.id, t.id);
  return (
    <Dialog
      open
      onClose={onClose}
      title="History of this transaction"
      description={<p>{titleOf(t, lookups)}. Newest change first; times are in the practice’s time zone.</p>}
      className="sm:max-w-2xl"
    >
      {audit.isPending ? <LoadingState label="Loading the history…" /> : null}
      <ErrorNotice error={audit.error} />
      {audit.data ? (
        audit.data.entries.length > 0 ? (
          <ol aria-label="Changes" className="flex flex-col gap-3">
            {audit.data.entries.map((entry) => (
              <Entry key={entry.id} entry={entry} practice={practice} lookups={lookups} />
            ))}
          </ol>
        ) : (
          <EmptyState title="No changes recorded." />
        )
      ) : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </DialogActions>
    </Dialog>
  );
}
