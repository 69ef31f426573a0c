import { useEffect, useId, useState } from "react";
import { cx } from "../../ui/cx";
import { formatCalendarDate } from "../../ui/format-date";
import { Input } from "../../ui/input";
import { type DateRange, PRESET_LABELS, RANGE_PRESETS, type RangePreset, rangeProblem } from "./report-range";

type Props = {
  preset: RangePreset;
  range: DateRange;
  onChange: (preset: RangePreset, range?: DateRange) => void;
};

/** The period as a sentence: "January 1, 2026 to December 31, 2026". */
export function describeRange(range: DateRange): string {
  return `${formatCalendarDate(range.from)} to ${formatCalendarDate(range.to)}`;
}

/**
 * The period of the reports: a preset (one radio group; the arrow keys move between them) or any
 * two dates. Typing a date switches to custom dates; a range is applied once both days are valid.
 */
export function RangePicker({ preset, range, onChange }: Props) {
  const name = useId();
  const [typed, setTyped] = useState(range);
  // A preset chosen, or the address changed: the fields show the range now applied.
  const { from, to } = range;
  useEffect(() => setTyped({ from, to }), [from, to]);
  const problem = rangeProblem(typed);

  const type = (field: keyof DateRange, value: string) => {
    const next = { ...typed, [field]: value };
    setTyped(next);
    if (!rangeProblem(next)) onChange("custom", next);
  };

  return (
    <div className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-sm font-medium text-slate-800">Period</legend>
        <div className="flex flex-wrap gap-2">
          {RANGE_PRESETS.map((value) => (
            <label
              key={value}
              className={cx(
                "cursor-pointer rounded-lg border px-3 py-2 text-sm font-semibold",
                "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-600",
                preset === value
                  ? "border-teal-700 bg-teal-700 text-white"
                  : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50",
              )}
            >
              <input
                type="radio"
                name={name}
                value={value}
                checked={preset === value}
                onChange={() => onChange(value, value === "custom" ? range : undefined)}
                className="sr-only"
              />
              {PRESET_LABELS[value]}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2 lg:max-w-xl">
        <Input
          label="First day"
          type="date"
          value={typed.from}
          onChange={(event) => type("from", event.target.value)}
          error={problem?.field === "from" ? problem.message : undefined}
        />
        <Input
          label="Last day"
          type="date"
          value={typed.to}
          onChange={(event) => type("to", event.target.value)}
          error={problem?.field === "to" ? problem.message : undefined}
        />
      </div>
    </div>
  );
}
