import { type FormEvent, useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { Dialog, DialogActions } from "../../../ui/dialog";
import { SubmitButton } from "../../../ui/form-field";
import { ErrorNotice } from "../../practice/feedback";
import { formLevelError } from "../accounts/field-problems";
import type { Payer } from "../ledger-queries";
import { type PayerDetails, PayerFields, payerNameProblem } from "./payer-fields";
import { type PayerPatch, type PayerWarning, useSetPayerRates, useUpdatePayer } from "./payer-mutations";
import { type RateProblems, type RateRow, rateRowsOf, readRates } from "./rates";
import { RatesEditor } from "./rates-editor";

type EditFormProps = {
  practiceId: string;
  payer: Payer;
  onClose: () => void;
  onSaved: (payer: Payer, warning: PayerWarning) => void;
};

function EditPayerForm({ practiceId, payer, onClose, onSaved }: EditFormProps) {
  const update = useUpdatePayer(practiceId);
  const [details, setDetails] = useState<PayerDetails>({ name: payer.name, kind: payer.kind });
  const [nameProblem, setNameProblem] = useState<string | undefined>(undefined);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const problem = payerNameProblem(details.name);
    setNameProblem(problem);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    const name = details.name.trim();
    const changes: PayerPatch = {
      ...(name !== payer.name ? { name } : {}),
      ...(details.kind !== payer.kind ? { kind: details.kind } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onClose();
      return;
    }
    update.mutate(
      { payerId: payer.id, changes },
      { onSuccess: (answer) => onSaved(answer.payer, answer.warning) },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={`Edit ${payer.name}`} className="flex flex-col gap-5">
      <PayerFields
        values={details}
        onChange={setDetails}
        nameProblem={nameProblem}
        error={update.error}
        nameRef={nameRef}
      />
      <ErrorNotice error={formLevelError(update.error, ["name", "kind"])} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
          Cancel
        </Button>
        <SubmitButton pending={update.isPending} pendingLabel="Saving…">
          Save changes
        </SubmitButton>
      </DialogActions>
    </form>
  );
}

/** Rename or re-type a payer. A name that looks like a person's comes back with a warning. */
export function EditPayerDialog(props: Omit<EditFormProps, "payer"> & { payer: Payer | undefined }) {
  const { payer, onClose } = props;
  return (
    <Dialog
      open={payer !== undefined}
      onClose={onClose}
      title={`Edit ${payer?.name ?? "payer"}`}
      className="sm:max-w-xl"
    >
      {payer ? <EditPayerForm {...props} payer={payer} /> : null}
    </Dialog>
  );
}

type RatesFormProps = {
  practiceId: string;
  payer: Payer;
  onClose: () => void;
  onSaved: (message: string) => void;
};

function RatesForm({ practiceId, payer, onClose, onSaved }: RatesFormProps) {
  const save = useSetPayerRates(practiceId);
  const [rows, setRows] = useState<RateRow[]>(() => rateRowsOf(payer.rates));
  const [problems, setProblems] = useState<RateProblems>({});
  const [sentKeys, setSentKeys] = useState<number[]>([]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const rates = readRates(rows);
    if (!rates.ok) {
      setProblems(rates.problems);
      event.currentTarget.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
      return;
    }
    setProblems({});
    setSentKeys(rates.keys);
    save.mutate(
      { payerId: payer.id, rates: rates.rates },
      {
        onSuccess: (saved) =>
          onSaved(
            saved.rates.length === 0
              ? `${saved.name} has no contracted rates now.`
              : `${saved.name}: ${saved.rates.length} contracted rate${saved.rates.length === 1 ? "" : "s"} saved.`,
          ),
      },
    );
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      aria-label={`Contracted rates of ${payer.name}`}
      className="flex flex-col gap-5"
    >
      <RatesEditor
        rows={rows}
        onChange={setRows}
        problems={problems}
        error={save.error}
        sentKeys={sentKeys}
      />
      <ErrorNotice
        error={formLevelError(
          save.error,
          sentKeys.flatMap((_, i) => [`rates.${i}.serviceCode`, `rates.${i}.rateCents`]),
        )}
      />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={save.isPending}>
          Cancel
        </Button>
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save rates
        </SubmitButton>
      </DialogActions>
    </form>
  );
}

/** The payer's contracted rates, replaced as a whole when saved. */
export function PayerRatesDialog(props: Omit<RatesFormProps, "payer"> & { payer: Payer | undefined }) {
  const { payer, onClose } = props;
  return (
    <Dialog
      open={payer !== undefined}
      onClose={onClose}
      title={`Contracted rates: ${payer?.name ?? "payer"}`}
      className="sm:max-w-xl"
    >
      {payer ? <RatesForm {...props} payer={payer} /> : null}
    </Dialog>
  );
}
