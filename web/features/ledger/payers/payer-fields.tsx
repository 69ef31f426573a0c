import type { Ref } from "react";
import { Input } from "../../../ui/input";
import { SelectField } from "../../practice/fields";
import { problemAt } from "../accounts/field-problems";
import { PAYER_KIND_LABELS, PAYER_KINDS, type PayerKind } from "./payer-kinds";

export type PayerDetails = { name: string; kind: PayerKind };

/** The name rule of the API, checked before sending. */
export function payerNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === "") return "Give the payer a name.";
  if (trimmed.length > 120) return "Keep the name to 120 characters.";
  return undefined;
}

type PayerFieldsProps = {
  values: PayerDetails;
  onChange: (values: PayerDetails) => void;
  nameProblem: string | undefined;
  error: unknown;
  nameRef?: Ref<HTMLInputElement>;
};

/** Name and type, the part of a payer both the add form and the edit dialog change. */
export function PayerFields({ values, onChange, nameProblem, error, nameRef }: PayerFieldsProps) {
  return (
    <div className="grid gap-5 sm:grid-cols-[minmax(0,1fr)_12rem]">
      <Input
        ref={nameRef}
        label="Payer name"
        hint="An insurer, an EAP, or “Private pay” for clients paying themselves. Never a client’s name."
        autoComplete="off"
        maxLength={120}
        value={values.name}
        onChange={(event) => onChange({ ...values, name: event.target.value })}
        error={nameProblem ?? problemAt(error, "name")}
      />
      <SelectField
        label="Type"
        value={values.kind}
        onChange={(event) => onChange({ ...values, kind: event.target.value as PayerKind })}
        error={problemAt(error, "kind")}
      >
        {PAYER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {PAYER_KIND_LABELS[kind]}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
