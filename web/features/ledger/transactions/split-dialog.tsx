import { useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { cx } from "../../../ui/cx";
import { Dialog, DialogActions } from "../../../ui/dialog";
import { SubmitButton } from "../../../ui/form-field";
import { Input } from "../../../ui/input";
import { ErrorNotice } from "../../practice/feedback";
import { SelectField } from "../../practice/fields";
import type { Transaction } from "../ledger-queries";
import { centsToInput, formatSignedMoney } from "../money";
import { type Lookups, pickable } from "./ledger-lookups";
import {
  describeRemainder,
  MAX_SPLITS,
  newPart,
  type PartDraft,
  type PartErrors,
  partErrorsFromServer,
  partsOf,
  readSplits,
  remainderOf,
} from "./split-model";
import { useReplaceSplits } from "./transaction-mutations";
import { titleOf } from "./transaction-row";

type PartRowProps = {
  part: PartDraft;
  index: number;
  income: boolean;
  lookups: Lookups;
  errors: PartErrors | undefined;
  removable: boolean;
  onChange: (part: PartDraft) => void;
  onRemove: () => void;
};

function PartRow({ part, index, income, lookups, errors, removable, onChange, onRemove }: PartRowProps) {
  const n = index + 1;
  const options: { id: string }[] = income
    ? pickable(lookups.payers, part.target)
    : pickable(lookups.categories, part.target);
  const name = income ? lookups.payerName : lookups.categoryName;
  return (
    <li className="grid items-start gap-3 rounded-xl border border-slate-200 p-3 sm:grid-cols-[8rem_1fr_1fr_auto]">
      <Input
        label={`Part ${n} amount`}
        inputMode="decimal"
        autoComplete="off"
        value={part.amount}
        onChange={(event) => onChange({ ...part, amount: event.target.value })}
        error={errors?.amount}
      />
      <SelectField
        label={`Part ${n} ${income ? "payer" : "category"}`}
        value={part.target}
        onChange={(event) => onChange({ ...part, target: event.target.value })}
        error={errors?.target}
      >
        <option value="">{income ? "Choose a payer" : "Choose a category"}</option>
        {options.map((row) => (
          <option key={row.id} value={row.id}>
            {name(row.id)}
          </option>
        ))}
      </SelectField>
      <Input
        label={`Part ${n} memo`}
        autoComplete="off"
        maxLength={500}
        value={part.memo}
        onChange={(event) => onChange({ ...part, memo: event.target.value })}
      />
      <Button variant="ghost" size="sm" className="sm:mt-7" onClick={onRemove} disabled={!removable}>
        Remove<span className="sr-only"> part {n}</span>
      </Button>
    </li>
  );
}

type Props = {
  practiceId: string;
  transaction: Transaction;
  lookups: Lookups;
  onClose: () => void;
  onSaved: (message: string) => void;
};

/**
 * The split editor: a deposit across payers, or a charge across categories. The remainder is
 * shown as the parts are typed; the split saves only when the parts add up to the total to the
 * cent (PUT …/splits replaces the whole set, with a new total if it changed).
 */
export function SplitDialog({ practiceId, transaction: t, lookups, onClose, onSaved }: Props) {
  const replace = useReplaceSplits(practiceId);
  const income = t.classification === "income";
  const [total, setTotal] = useState(() => centsToInput(t.amountCents));
  const [parts, setParts] = useState<PartDraft[]>(() => partsOf(t));
  const [totalError, setTotalError] = useState<string | undefined>(undefined);
  const [partErrors, setPartErrors] = useState<Record<number, PartErrors>>({});
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const list = useRef<HTMLUListElement>(null);
  const left = remainderOf(total, parts);

  const change = (next: PartDraft) => {
    setParts((ps) => ps.map((p) => (p.key === next.key ? next : p)));
    setPartErrors((e) => ({ ...e, [next.key]: {} }));
  };
  const add = () => {
    setParts((ps) => [...ps, newPart(left && left > 0 ? centsToInput(left) : "")]);
    // The new part's amount takes the focus once it is drawn.
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLInputElement>("li:last-child input")?.focus(),
    );
  };

  const save = async () => {
    setProblem(undefined);
    replace.reset();
    const read = readSplits(t, total, parts);
    if (!read.ok) {
      setTotalError(read.totalError);
      setPartErrors(read.parts);
      setProblem(read.message);
      return;
    }
    try {
      const saved = await replace.mutateAsync({ transactionId: t.id, body: read.body });
      onSaved(`Split ${titleOf(t, lookups)} into ${saved.splits.length} parts.`);
    } catch (error) {
      setPartErrors(partErrorsFromServer(error, parts));
    }
  };

  const direction = t.amountCents < 0 ? "money out" : "money in";
  return (
    <Dialog
      open
      onClose={() => (replace.isPending ? undefined : onClose())}
      title={income ? "Split across payers" : "Split across categories"}
      description={
        <p>
          {titleOf(t, lookups)}, {formatSignedMoney(t.amountCents)} ({direction}). Type each part as{" "}
          {direction}; put a minus sign before a part that went the other way.
        </p>
      }
      className="sm:max-w-3xl"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!replace.isPending) void save();
        }}
        className="flex flex-col gap-4"
      >
        <Input
          label="Total"
          inputMode="decimal"
          autoComplete="off"
          value={total}
          onChange={(event) => setTotal(event.target.value)}
          hint={`The whole transaction, ${direction}. Change it only if the bank amount was wrong.`}
          error={totalError}
          className="max-w-xs"
        />
        <ul ref={list} aria-label="Parts" className="flex flex-col gap-3">
          {parts.map((part, index) => (
            <PartRow
              key={part.key}
              part={part}
              index={index}
              income={income}
              lookups={lookups}
              errors={partErrors[part.key]}
              removable={parts.length > 2}
              onChange={change}
              onRemove={() => {
                setParts((ps) => ps.filter((p) => p.key !== part.key));
                // The removed row took the focused button with it: land on the first part instead.
                requestAnimationFrame(() => list.current?.querySelector<HTMLInputElement>("input")?.focus());
              }}
            />
          ))}
        </ul>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button variant="secondary" size="sm" onClick={add} disabled={parts.length >= MAX_SPLITS}>
            Add a part
          </Button>
          <output
            aria-live="polite"
            className={cx("text-sm font-semibold", left === 0 ? "text-teal-800" : "text-amber-900")}
          >
            {describeRemainder(left)}
          </output>
        </div>
        {problem ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {problem}
          </p>
        ) : null}
        <ErrorNotice error={replace.error} />
        <p className="text-sm text-slate-600">
          To go back to a single {income ? "payer" : "category"}, choose it with Edit: that replaces the
          split.
        </p>
        <DialogActions>
          <Button variant="secondary" onClick={onClose} disabled={replace.isPending}>
            Cancel
          </Button>
          <SubmitButton pending={replace.isPending} pendingLabel="Saving…">
            Save split
          </SubmitButton>
        </DialogActions>
      </form>
    </Dialog>
  );
}
