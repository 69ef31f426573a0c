import { useId } from "react";
import { cx } from "../../../ui/cx";

export type EntryKind = "income" | "expense" | "other";

const KINDS: { value: EntryKind; label: string; hint: string }[] = [
  { value: "income", label: "Income", hint: "money in" },
  { value: "expense", label: "Expense", hint: "money out" },
  { value: "other", label: "Other", hint: "transfer, draw, tax…" },
];

/**
 * Income, Expense or Other as one radio group drawn as a segmented control: Tab reaches it
 * once, the arrow keys move between the three, as for any radio group.
 */
export function KindToggle({ value, onChange }: { value: EntryKind; onChange: (kind: EntryKind) => void }) {
  const name = useId();
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium text-slate-800">Kind</legend>
      <div className="inline-flex rounded-lg border border-slate-300 bg-slate-50 p-1 shadow-sm">
        {KINDS.map((kind) => (
          <label
            key={kind.value}
            className={cx(
              "flex cursor-pointer flex-col items-center rounded-md px-4 py-1.5 text-sm font-semibold",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-600",
              value === kind.value ? "bg-teal-700 text-white shadow-sm" : "text-slate-700 hover:bg-white",
            )}
          >
            <input
              type="radio"
              name={name}
              value={kind.value}
              checked={value === kind.value}
              onChange={() => onChange(kind.value)}
              className="sr-only"
            />
            {kind.label}
            <span
              className={cx("text-xs font-normal", value === kind.value ? "text-teal-50" : "text-slate-600")}
            >
              {kind.hint}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
