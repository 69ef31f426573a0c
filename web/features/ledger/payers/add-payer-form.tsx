import { type FormEvent, useRef, useState } from "react";
import { SubmitButton } from "../../../ui/form-field";
import { ErrorNotice } from "../../practice/feedback";
import { formLevelError } from "../accounts/field-problems";
import type { Payer } from "../ledger-queries";
import { type PayerDetails, PayerFields, payerNameProblem } from "./payer-fields";
import { type PayerWarning, useCreatePayer } from "./payer-mutations";
import { type RateProblems, type RateRow, readRates } from "./rates";
import { RatesEditor } from "./rates-editor";

type AddPayerProps = {
  practiceId: string;
  onAdded: (payer: Payer, warning: PayerWarning) => void;
};

function AddPayerFields({ practiceId, onAdded, onReset }: AddPayerProps & { onReset: () => void }) {
  const create = useCreatePayer(practiceId);
  const [details, setDetails] = useState<PayerDetails>({ name: "", kind: "insurance" });
  const [rows, setRows] = useState<RateRow[]>([]);
  const [nameProblem, setNameProblem] = useState<string | undefined>(undefined);
  const [rateProblems, setRateProblems] = useState<RateProblems>({});
  const [sentKeys, setSentKeys] = useState<number[]>([]);
  const nameRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const problem = payerNameProblem(details.name);
    const rates = readRates(rows);
    setNameProblem(problem);
    setRateProblems(rates.ok ? {} : rates.problems);
    if (problem) {
      nameRef.current?.focus();
      return;
    }
    if (!rates.ok) {
      event.currentTarget.querySelector<HTMLInputElement>("[aria-invalid=true]")?.focus();
      return;
    }
    setSentKeys(rates.keys);
    create.mutate(
      { name: details.name.trim(), kind: details.kind, rates: rates.rates },
      {
        onSuccess: ({ payer, warning }) => {
          onAdded(payer, warning);
          onReset();
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Add a payer" className="flex flex-col gap-6">
      <PayerFields
        values={details}
        onChange={setDetails}
        nameProblem={nameProblem}
        error={create.error}
        nameRef={nameRef}
      />
      <RatesEditor
        rows={rows}
        onChange={setRows}
        problems={rateProblems}
        error={create.error}
        sentKeys={sentKeys}
      />
      <ErrorNotice
        error={formLevelError(create.error, [
          "name",
          "kind",
          ...sentKeys.flatMap((_, i) => [`rates.${i}.serviceCode`, `rates.${i}.rateCents`]),
        ])}
      />
      <div className="flex justify-end">
        <SubmitButton pending={create.isPending} pendingLabel="Adding…">
          Add payer
        </SubmitButton>
      </div>
    </form>
  );
}

/** A new payer with its type and, if it has them, its contracted rates. */
export function AddPayerForm(props: AddPayerProps) {
  // A new key gives a fresh, empty form after each payer added; a refusal keeps what was typed.
  const [formKey, setFormKey] = useState(0);
  return <AddPayerFields key={formKey} {...props} onReset={() => setFormKey((k) => k + 1)} />;
}
