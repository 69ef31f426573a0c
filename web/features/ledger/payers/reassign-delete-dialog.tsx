import { type FormEvent, useEffect, useRef, useState } from "react";
import { ApiRequestError } from "../../../api/client";
import { Alert } from "../../../ui/alert";
import { SpinnerIcon } from "../../../ui/app-icons";
import { Button } from "../../../ui/button";
import { dangerButtonClasses } from "../../../ui/danger-button";
import { Dialog, DialogActions } from "../../../ui/dialog";
import { ErrorNotice } from "../../practice/feedback";
import { SelectField } from "../../practice/fields";

/** What to announce once an item is deleted, with where its transactions went. */
export function deletedNotice(name: string, reassigned: number, targetName: string | undefined): string {
  return reassigned > 0 && targetName
    ? `${name} deleted; ${reassigned} transaction${reassigned === 1 ? "" : "s"} moved to ${targetName}.`
    : `${name} deleted.`;
}

export type DeletableItem = { id: string; name: string; transactionCount: number; archived: boolean };
export type ReassignTarget = { id: string; label: string };

type ReassignDeleteProps = {
  /** "payer" or "category", as the sentences say it. */
  noun: string;
  /** The item, read from the live list so its count is current; undefined closes the dialog. */
  item: DeletableItem | undefined;
  /** Where its transactions may go: the other active items. */
  targets: ReassignTarget[];
  pending: boolean;
  error: unknown;
  onDelete: (reassignTo: string | undefined) => void;
  onArchive: () => void;
  onCancel: () => void;
  onClosed: () => void;
};

const plural = (n: number) => `${n} transaction${n === 1 ? "" : "s"}`;

function isInUse(error: unknown): boolean {
  return error instanceof ApiRequestError && error.code === "in_use";
}

function ReassignDeleteForm(props: ReassignDeleteProps & { item: DeletableItem }) {
  const { noun, item, targets, pending, error, onDelete, onArchive, onCancel } = props;
  const [target, setTarget] = useState("");
  const [targetProblem, setTargetProblem] = useState<string | undefined>(undefined);
  const select = useRef<HTMLSelectElement>(null);
  // The API's 409 `in_use` means transactions arrived after the list was read: ask where they go.
  const needsTarget = item.transactionCount > 0 || isInUse(error);
  const count = item.transactionCount;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (needsTarget && target === "") {
      setTargetProblem(`Choose the ${noun} its transactions move to.`);
      select.current?.focus();
      return;
    }
    setTargetProblem(undefined);
    onDelete(needsTarget ? target : undefined);
  };

  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4">
      {needsTarget ? (
        targets.length > 0 ? (
          <SelectField
            ref={select}
            label="Move its transactions to"
            value={target}
            onChange={(event) => setTarget(event.target.value)}
            error={targetProblem}
          >
            <option value="">Choose a {noun}…</option>
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </SelectField>
        ) : (
          <Alert tone="warning" live="none">
            There is no other {noun} to move them to. Add one first, or archive {item.name} instead.
          </Alert>
        )
      ) : null}
      <ErrorNotice error={isInUse(error) ? undefined : error} />
      <DialogActions>
        <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
          Cancel
        </Button>
        {item.archived ? null : (
          <Button variant="secondary" onClick={() => (pending ? undefined : onArchive())} disabled={pending}>
            Archive instead
          </Button>
        )}
        {needsTarget && targets.length === 0 ? null : (
          <button type="submit" aria-disabled={pending || undefined} className={dangerButtonClasses()}>
            {pending ? <SpinnerIcon /> : null}
            {pending
              ? "Working…"
              : needsTarget
                ? `Delete and move ${count > 0 ? plural(count) : "its transactions"}`
                : `Delete ${noun}`}
          </button>
        )}
      </DialogActions>
    </form>
  );
}

/**
 * Deleting a payer or category. One that transactions name is deleted only together with a
 * choice of where they go (`?reassignTo=`), each move recorded in the transaction's history;
 * archiving is offered as the way to keep it on past transactions. Nothing is lost silently.
 */
export function ReassignDeleteDialog(props: ReassignDeleteProps) {
  const { noun, item, error, pending, onCancel, onClosed } = props;
  const wasOpen = useRef(item !== undefined);
  useEffect(() => {
    const open = item !== undefined;
    if (wasOpen.current && !open) onClosed();
    wasOpen.current = open;
  }, [item, onClosed]);
  const count = item?.transactionCount ?? 0;
  const description = !item ? null : count > 0 || isInUse(error) ? (
    <p>
      {count > 0
        ? `${plural(count)} ${count === 1 ? "uses" : "use"} ${item.name}.`
        : `Transactions now use ${item.name}.`}{" "}
      Choose the {noun} they move to; each move is recorded in the transaction’s history. Transactions in a
      closed year cannot move: archive the {noun} instead to keep it on them but out of the pickers.
    </p>
  ) : (
    <p>
      No transaction uses {item.name}. Deleting removes it for good; archiving hides it from the pickers and
      can be undone.
    </p>
  );
  return (
    <Dialog
      open={item !== undefined}
      onClose={() => (pending ? undefined : onCancel())}
      title={`Delete ${item?.name ?? `this ${noun}`}?`}
      description={description}
    >
      {item ? <ReassignDeleteForm {...props} item={item} /> : null}
    </Dialog>
  );
}
