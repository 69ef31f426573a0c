import { useState } from "react";
import { Button } from "../../../ui/button";
import { Dialog, DialogActions } from "../../../ui/dialog";
import { SubmitButton } from "../../../ui/form-field";
import { Input } from "../../../ui/input";
import { ErrorNotice } from "../../practice/feedback";
import { CheckboxField, SelectField } from "../../practice/fields";
import type { Practice } from "../../practice/practice-queries";
import type { Classification, LockableField, Transaction } from "../ledger-queries";
import { CLASSIFICATION_LABELS, CLASSIFICATIONS, LOCK_LABELS } from "./labels";
import type { Lookups } from "./ledger-lookups";
import { type Draft, type DraftErrors, draftOf, errorsFromServer, updateBodyOf } from "./transaction-draft";
import { AccountField, AmountField, ClassFields, DirectionField, type SetDraft } from "./transaction-fields";
import { useUpdateTransaction } from "./transaction-mutations";
import { titleOf } from "./transaction-row";

/** Hand fields back to rules and bank sync: a lock is what a person's edit left behind. */
function UnlockFields(props: {
  locked: LockableField[];
  chosen: LockableField[];
  onChange: (f: LockableField[]) => void;
}) {
  const { locked, chosen, onChange } = props;
  if (locked.length === 0) return null;
  return (
    <fieldset className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4">
      <legend className="px-1 text-sm font-medium text-slate-800">Locked against rules and bank sync</legend>
      <p className="text-sm text-slate-600">
        These were set by hand, so automation leaves them alone. Tick one to let rules change it again.
      </p>
      {locked.map((field) => (
        <CheckboxField
          key={field}
          label={`${LOCK_LABELS[field]}: let rules change this again`}
          checked={chosen.includes(field)}
          onChange={(event) =>
            onChange(event.target.checked ? [...chosen, field] : chosen.filter((f) => f !== field))
          }
        />
      ))}
    </fieldset>
  );
}

type Props = {
  practice: Practice;
  transaction: Transaction;
  lookups: Lookups;
  onClose: () => void;
  onSaved: (message: string) => void;
};

/**
 * Edit or classify one transaction. Every field a person changes is locked against automation
 * (the server decides); a split transaction's amount changes in the split editor, and giving it
 * one payer or category, or another classification, replaces its split.
 */
export function EditDialog({ practice, transaction: t, lookups, onClose, onSaved }: Props) {
  const update = useUpdateTransaction(practice.id);
  const split = t.splits.length > 0;
  const [draft, setDraft] = useState<Draft>(() => draftOf(t));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [unlock, setUnlock] = useState<LockableField[]>([]);
  const [serverError, setServerError] = useState<unknown>(undefined);
  const set: SetDraft = (field, value) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  // Reclassifying never flips the sign: which way the money went is a fact of the account.
  const classify = (classification: Classification) => set("classification", classification);

  const save = async () => {
    setServerError(undefined);
    const read = updateBodyOf(draft, split && draft.classification === t.classification);
    if (!read.ok) return setErrors(read.errors);
    try {
      await update.mutateAsync({
        transactionId: t.id,
        body: unlock.length > 0 ? { ...read.body, unlockFields: unlock } : read.body,
      });
      onSaved(`Saved ${titleOf(t, lookups)} (${draft.date}).`);
    } catch (error) {
      const placed = errorsFromServer(error);
      setErrors(placed.fields);
      if (placed.rest) setServerError(error);
    }
  };

  const unreviewed = t.classification === "unreviewed";
  return (
    <Dialog
      open
      onClose={() => (update.isPending ? undefined : onClose())}
      title={unreviewed ? "Classify transaction" : "Edit transaction"}
      description={<p>{titleOf(t, lookups)}</p>}
      className="sm:max-w-2xl"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!update.isPending) void save();
        }}
        className="flex flex-col gap-4"
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Classification"
            value={draft.classification}
            onChange={(event) => classify(event.target.value as Classification)}
            error={errors.classification}
            hint={
              split && draft.classification !== t.classification
                ? "Reclassifying removes the split."
                : undefined
            }
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {CLASSIFICATION_LABELS[c]}
              </option>
            ))}
          </SelectField>
          <Input
            label="Date"
            type="date"
            value={draft.date}
            onChange={(event) => set("date", event.target.value)}
            error={errors.date}
          />
          {split ? (
            <Input
              label="Amount"
              value={draft.amount}
              readOnly
              hint="This transaction is split: change its amount in the split editor."
            />
          ) : (
            <AmountField practice={practice} draft={draft} errors={errors} set={set} lookups={lookups} />
          )}
          {split ? null : <DirectionField draft={draft} set={set} />}
          <AccountField practice={practice} draft={draft} errors={errors} set={set} lookups={lookups} />
          <ClassFields
            practice={practice}
            draft={draft}
            errors={errors}
            set={set}
            lookups={lookups}
            split={split && draft.classification === t.classification}
            withDescription
          />
        </div>
        <UnlockFields locked={t.lockedFields} chosen={unlock} onChange={setUnlock} />
        <ErrorNotice error={serverError} />
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
            Cancel
          </Button>
          <SubmitButton pending={update.isPending} pendingLabel="Saving…">
            {unreviewed ? "Save classification" : "Save changes"}
          </SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
