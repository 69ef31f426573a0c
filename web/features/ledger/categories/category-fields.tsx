import type { Ref } from "react";
import { Input } from "../../../ui/input";
import { SelectField } from "../../practice/fields";
import { problemAt } from "../accounts/field-problems";
import type { ScheduleCLineCode } from "./category-mutations";
import { deductibleNote, lineTitle, SCHEDULE_C_LINES } from "./schedule-c";

export type CategoryDetails = { name: string; scheduleCLine: ScheduleCLineCode | "" };

/** The API's rules for a category, checked before sending. */
export function categoryProblems(values: CategoryDetails): { name?: string; scheduleCLine?: string } {
  const name = values.name.trim();
  return {
    ...(name === "" ? { name: "Give the category a name." } : {}),
    ...(name.length > 120 ? { name: "Keep the name to 120 characters." } : {}),
    ...(values.scheduleCLine === "" ? { scheduleCLine: "Choose the Schedule C line it belongs on." } : {}),
  };
}

type CategoryFieldsProps = {
  values: CategoryDetails;
  onChange: (values: CategoryDetails) => void;
  problems: { name?: string; scheduleCLine?: string };
  error: unknown;
  nameRef?: Ref<HTMLInputElement>;
  lineRef?: Ref<HTMLSelectElement>;
};

/** A category's name and the Schedule C line its amounts are reported on. */
export function CategoryFields({ values, onChange, problems, error, nameRef, lineRef }: CategoryFieldsProps) {
  return (
    <div className="grid gap-5 md:grid-cols-2">
      <Input
        ref={nameRef}
        label="Category name"
        hint="What you call it, e.g. “Clinical supervision” or “Office snacks for clients”."
        autoComplete="off"
        maxLength={120}
        value={values.name}
        onChange={(event) => onChange({ ...values, name: event.target.value })}
        error={problems.name ?? problemAt(error, "name")}
      />
      <SelectField
        ref={lineRef}
        label="Schedule C line"
        hint="Where its total goes on your tax return. Not sure? Line 27a, Other expenses."
        value={values.scheduleCLine}
        onChange={(event) => onChange({ ...values, scheduleCLine: event.target.value as ScheduleCLineCode })}
        error={problems.scheduleCLine ?? problemAt(error, "scheduleCLine")}
      >
        <option value="" disabled>
          Choose a line…
        </option>
        {SCHEDULE_C_LINES.map((line) => {
          const note = deductibleNote(line);
          return (
            <option key={line.line} value={line.line}>
              {note ? `${lineTitle(line)} (${note})` : lineTitle(line)}
            </option>
          );
        })}
      </SelectField>
    </div>
  );
}
