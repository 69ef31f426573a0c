import { SpinnerIcon } from "../../ui/app-icons";
import { Button } from "../../ui/button";
import { dangerButtonClasses } from "../../ui/danger-button";
import { Dialog, DialogActions } from "../../ui/dialog";
import { formatSignedMoney } from "../ledger/money";
import { ErrorNotice } from "../practice/feedback";
import { editedRowsOf, useUndoImport } from "./import-queries";
import type { ImportBatch, UndoAnswer } from "./import-types";

type Props = {
  practiceId: string;
  batch: ImportBatch | null;
  onClose: () => void;
  onUndone: (message: string) => void;
};

function undoneMessage(batch: ImportBatch, answer: UndoAnswer): string {
  const { removedCount, keptCount } = answer.undo;
  const removed = `${removedCount} transaction${removedCount === 1 ? "" : "s"}`;
  const kept = keptCount > 0 ? ` ${keptCount} changed by hand since were kept.` : "";
  return `Undid the import of ${batch.fileName}: removed ${removed}.${kept}`;
}

/**
 * "Undo this import?" — it removes exactly the transactions the import added. When a person has
 * changed some of them since, the server refuses and lists them; the dialog then shows that list
 * and offers to remove only the others.
 */
export function UndoDialog({ practiceId, batch, onClose, onUndone }: Props) {
  const undo = useUndoImport(practiceId);
  const edited = editedRowsOf(undo.error);
  const run = (keepEdited: boolean) => {
    if (!batch || undo.isPending) return;
    undo.mutate(
      { accountId: batch.accountId, batchId: batch.id, keepEdited },
      {
        onSuccess: (answer) => {
          undo.reset();
          onUndone(undoneMessage(batch, answer));
        },
      },
    );
  };
  const close = () => {
    if (undo.isPending) return;
    undo.reset();
    onClose();
  };
  const title = edited.length > 0 ? "Some of these transactions were changed by hand" : "Undo this import?";
  return (
    <Dialog open={batch !== null} onClose={close} title={title} className="sm:max-w-2xl">
      {batch ? (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            run(edited.length > 0);
          }}
        >
          {edited.length > 0 ? (
            <>
              <p className="text-sm text-slate-700">
                Nothing was undone. {edited.length === 1 ? "This transaction" : "These transactions"} from{" "}
                {batch.fileName} {edited.length === 1 ? "has" : "have"} been edited, classified or split since
                the import. You can remove only the others and keep {edited.length === 1 ? "it" : "them"}.
              </p>
              <ul
                aria-label="Transactions changed since the import"
                className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 text-sm"
              >
                {edited.map((row) => (
                  <li key={row.id} className="flex justify-between gap-4 px-3 py-2">
                    <span>
                      <span className="tabular-nums text-slate-600">{row.date}</span> {row.description}
                    </span>
                    <span className="tabular-nums">{formatSignedMoney(row.amountCents)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>
              <p className="text-sm text-slate-700">
                This removes the {batch.importedCount} transaction{batch.importedCount === 1 ? "" : "s"} that{" "}
                {batch.fileName} added to {batch.accountName}, and only those. Each removal is kept in the
                audit trail.
              </p>
              <ErrorNotice error={undo.error} />
            </>
          )}
          <DialogActions>
            <Button variant="secondary" onClick={close} disabled={undo.isPending} autoFocus>
              {edited.length > 0 ? "Keep everything" : "Cancel"}
            </Button>
            <button
              type="submit"
              aria-disabled={undo.isPending || undefined}
              className={dangerButtonClasses()}
            >
              {undo.isPending ? <SpinnerIcon /> : null}
              {undo.isPending
                ? "Undoing…"
                : edited.length > 0
                  ? `Remove the others, keep ${edited.length === 1 ? "this one" : `these ${edited.length}`}`
                  : "Undo import"}
            </button>
          </DialogActions>
        </form>
      ) : null}
    </Dialog>
  );
}
