import { type FormEvent, useId, useState } from "react";
import { cx } from "../../ui/cx";
import { SubmitButton } from "../../ui/form-field";
import { ErrorNotice, StatusMessage } from "../practice/feedback";
import { useChooseVehicleMethod, type VehicleMethod } from "./mileage-queries";

const METHODS: { value: VehicleMethod; label: string; text: string }[] = [
  {
    value: "standard_mileage",
    label: "Standard mileage rate",
    text: "The logged miles times the IRS rate go on Schedule C line 9. Parking and tolls are still expenses of their own.",
  },
  {
    value: "actual_expenses",
    label: "Actual car expenses",
    text: "Record gas, repairs, insurance and depreciation as expenses instead; the log is kept as your record of business use but adds nothing to line 9.",
  },
];

type Props = {
  practiceId: string;
  year: number;
  method: VehicleMethod;
  isDefault: boolean;
  canChoose: boolean;
};

/** The year's choice between the standard mileage rate and actual car expenses. */
export function VehicleMethodChoice({ practiceId, year, method, isDefault, canChoose }: Props) {
  const choose = useChooseVehicleMethod(practiceId, year);
  const [value, setValue] = useState(method);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const name = useId();
  const current = METHODS.find((m) => m.value === method);
  if (!canChoose) {
    return (
      <p className="text-sm text-slate-700">
        {year}: <strong className="font-semibold">{current?.label}</strong>
        {isDefault ? " (nobody has chosen, so the standard rate applies)" : ""}. {current?.text} The Owner or
        an Admin can change it.
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choose.isPending) return;
    setSaved(undefined);
    choose.mutate(value, {
      onSuccess: (saved) =>
        setSaved(
          `${year} now uses the ${METHODS.find((m) => m.value === saved.method)?.label.toLowerCase()}.`,
        ),
    });
  };
  return (
    <form onSubmit={submit} aria-label={`Car expenses for ${year}`} className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-800">
          How {year}’s car costs are deducted
        </legend>
        {METHODS.map((m) => (
          <label
            key={m.value}
            className={cx(
              "flex cursor-pointer gap-3 rounded-xl border px-4 py-3",
              value === m.value ? "border-teal-600 bg-teal-50/60" : "border-slate-200 hover:bg-slate-50",
            )}
          >
            <input
              type="radio"
              name={name}
              value={m.value}
              checked={value === m.value}
              onChange={() => setValue(m.value)}
              className="mt-1 size-4 shrink-0 accent-teal-700"
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-semibold text-slate-900">{m.label}</span>
              <span className="text-sm text-slate-600">{m.text}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={choose.error} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton variant="secondary" pending={choose.isPending} pendingLabel="Saving…">
          Save the choice for {year}
        </SubmitButton>
        {isDefault && value === method ? (
          <span className="text-sm text-slate-600">Nobody has chosen yet: the standard rate applies.</span>
        ) : null}
        <StatusMessage message={saved} />
      </div>
    </form>
  );
}
