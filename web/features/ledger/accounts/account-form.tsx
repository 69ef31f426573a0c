import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { SubmitButton } from "../../../ui/form-field";
import { Input } from "../../../ui/input";
import { ErrorNotice } from "../../practice/feedback";
import { SelectField } from "../../practice/fields";
import type { LedgerAccount } from "../ledger-queries";
import { centsToInput, parseAmount } from "../money";
import { ACCOUNT_KIND_LABELS, ACCOUNT_KINDS, type AccountKind } from "./account-kinds";
import { formLevelError, problemAt } from "./field-problems";

/** What the person typed, kept as typed until it is valid. */
export type AccountFormValues = { name: string; kind: AccountKind; last4: string; openingBalance: string };

/** What the form hands over once every field is valid. */
export type AccountFields = {
  name: string;
  kind: AccountKind;
  last4: string | null;
  openingBalanceCents: number;
};

const FIELD_PATHS = ["name", "kind", "last4", "openingBalanceCents"] as const;

function balanceText(cents: number): string {
  return cents < 0 ? `-${centsToInput(cents)}` : centsToInput(cents);
}

export function accountFormValues(account?: LedgerAccount): AccountFormValues {
  if (!account) return { name: "", kind: "checking", last4: "", openingBalance: "" };
  return {
    name: account.name,
    kind: account.kind,
    last4: account.last4 ?? "",
    openingBalance: balanceText(account.openingBalanceCents),
  };
}

type Problems = Partial<Record<"name" | "last4" | "openingBalance", string>>;

function validate(values: AccountFormValues): { fields?: AccountFields; problems: Problems } {
  const problems: Problems = {};
  const name = values.name.trim();
  if (name === "") problems.name = "Give the account a name.";
  else if (name.length > 80) problems.name = "Keep the name to 80 characters.";
  const last4 = values.last4.trim();
  if (last4 !== "" && !/^\d{4}$/.test(last4)) {
    problems.last4 = "Enter the last four digits of the account number, nothing more.";
  }
  let openingBalanceCents = 0;
  if (values.openingBalance.trim() !== "") {
    const parsed = parseAmount(values.openingBalance, {
      label: "The opening balance",
      allowNegative: true,
      allowZero: true,
    });
    if (parsed.ok) openingBalanceCents = parsed.cents;
    else problems.openingBalance = parsed.message;
  }
  if (Object.keys(problems).length > 0) return { problems };
  return {
    fields: { name, kind: values.kind, last4: last4 === "" ? null : last4, openingBalanceCents },
    problems,
  };
}

type AccountFormProps = {
  initial: AccountFormValues;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The last refusal of the API; its field problems show under their fields. */
  error: unknown;
  onSubmit: (fields: AccountFields) => void;
  /** More buttons beside the submit button (Cancel, in a dialog). */
  actions?: ReactNode;
};

/** Name, type, last four digits and opening balance of an account, to add one or change it. */
export function AccountForm(props: AccountFormProps) {
  const { initial, label, submitLabel, pendingLabel, pending, error, onSubmit, actions } = props;
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<Problems>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const last4Ref = useRef<HTMLInputElement>(null);
  const balanceRef = useRef<HTMLInputElement>(null);
  const set = (field: keyof AccountFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const result = validate(values);
    setProblems(result.problems);
    if (result.fields) {
      onSubmit(result.fields);
      return;
    }
    const first = result.problems.name ? nameRef : result.problems.last4 ? last4Ref : balanceRef;
    first.current?.focus();
  };

  return (
    <form noValidate onSubmit={submit} aria-label={label} className="flex flex-col gap-5">
      <div className="grid gap-5 sm:grid-cols-2">
        <Input
          ref={nameRef}
          label="Account name"
          hint="For example “Business checking” or “Practice Visa”."
          autoComplete="off"
          maxLength={80}
          value={values.name}
          onChange={set("name")}
          error={problems.name ?? problemAt(error, "name")}
        />
        <SelectField label="Type" value={values.kind} onChange={set("kind")} error={problemAt(error, "kind")}>
          {ACCOUNT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {ACCOUNT_KIND_LABELS[kind]}
            </option>
          ))}
        </SelectField>
        <Input
          ref={last4Ref}
          label="Last four digits (optional)"
          hint="Only the last four, to tell accounts apart. Never the full number."
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          value={values.last4}
          onChange={set("last4")}
          error={problems.last4 ?? problemAt(error, "last4")}
        />
        <Input
          ref={balanceRef}
          label="Opening balance (optional)"
          hint={
            values.kind === "credit_card"
              ? "What the card showed when you started, as a negative amount if you owed it, e.g. -1,250.00."
              : "What the account held when you started recording it here, e.g. 2,500.00."
          }
          inputMode="decimal"
          autoComplete="off"
          value={values.openingBalance}
          onChange={set("openingBalance")}
          error={problems.openingBalance ?? problemAt(error, "openingBalanceCents")}
        />
      </div>
      <ErrorNotice error={formLevelError(error, FIELD_PATHS)} />
      <div className="flex flex-wrap items-center justify-end gap-3">
        {actions}
        <SubmitButton pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </form>
  );
}
