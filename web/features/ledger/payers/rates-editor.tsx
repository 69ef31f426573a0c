import { useEffect, useId, useState } from "react";
import { Button } from "../../../ui/button";
import { cx } from "../../../ui/cx";
import { problemAt } from "../accounts/field-problems";
import { newRateRow, type RateProblems, type RateRow } from "./rates";

type RatesEditorProps = {
  rows: RateRow[];
  onChange: (rows: RateRow[]) => void;
  /** Problems found before sending, by row key. */
  problems: RateProblems;
  /** The API's last refusal, and the row keys in the order the rates were sent. */
  error?: unknown;
  sentKeys?: number[];
};

const INPUT =
  "h-10 w-full rounded-lg border bg-white px-3 text-base text-slate-900 shadow-sm focus-visible:border-teal-600";

function RateField(props: {
  id: string;
  label: string;
  srSuffix: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  inputMode: "text" | "decimal";
  prefix?: string;
}) {
  const errorId = `${props.id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium text-slate-800">
        {props.label}
        <span className="sr-only">{props.srSuffix}</span>
      </label>
      <div className="relative">
        {props.prefix ? (
          <span
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-slate-500"
          >
            {props.prefix}
          </span>
        ) : null}
        <input
          id={props.id}
          value={props.value}
          onChange={(event) => props.onChange(event.target.value)}
          inputMode={props.inputMode}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          className={cx(INPUT, props.prefix && "pl-7", props.error ? "border-red-600" : "border-slate-300")}
        />
      </div>
      {props.error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      ) : null}
    </div>
  );
}

/** Contracted rates per service code: add, change and remove rows; money typed as dollars. */
export function RatesEditor({ rows, onChange, problems, error, sentKeys = [] }: RatesEditorProps) {
  const baseId = useId();
  const [focusKey, setFocusKey] = useState<number | "add" | undefined>(undefined);

  useEffect(() => {
    if (focusKey === undefined) return;
    if (focusKey === "add") document.getElementById(`${baseId}-add`)?.focus();
    else document.getElementById(`${baseId}-code-${focusKey}`)?.focus();
    setFocusKey(undefined);
  }, [focusKey, baseId]);

  const serverProblem = (key: number, field: "serviceCode" | "rateCents") => {
    const index = sentKeys.indexOf(key);
    return index === -1 ? undefined : problemAt(error, `rates.${index}.${field}`);
  };
  const update = (key: number, field: "serviceCode" | "rate", value: string) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));

  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-sm font-semibold text-slate-900">Contracted rates (optional)</legend>
      <p className="-mt-1 text-sm text-slate-600">
        What this payer agreed to pay per session, by service code: for example 90837 for a 60-minute
        psychotherapy session. Reports compare them with what arrived.
      </p>
      {rows.length === 0 ? <p className="text-sm text-slate-600">No rates recorded.</p> : null}
      <ul className="flex flex-col gap-3">
        {rows.map((row, index) => {
          const label = row.serviceCode.trim() ? row.serviceCode.trim().toUpperCase() : `row ${index + 1}`;
          return (
            <li
              key={row.key}
              className="grid grid-cols-[minmax(0,9rem)_minmax(0,10rem)_auto] items-start gap-3"
            >
              <RateField
                id={`${baseId}-code-${row.key}`}
                label="Service code"
                srSuffix={`, rate ${index + 1}`}
                value={row.serviceCode}
                inputMode="text"
                error={problems[row.key]?.serviceCode ?? serverProblem(row.key, "serviceCode")}
                onChange={(value) => update(row.key, "serviceCode", value)}
              />
              <RateField
                id={`${baseId}-rate-${row.key}`}
                label="Rate"
                srSuffix={` in dollars, rate ${index + 1}`}
                prefix="$"
                value={row.rate}
                inputMode="decimal"
                error={problems[row.key]?.rate ?? serverProblem(row.key, "rateCents")}
                onChange={(value) => update(row.key, "rate", value)}
              />
              <Button
                variant="ghost"
                size="sm"
                className="mt-6"
                onClick={() => {
                  onChange(rows.filter((r) => r.key !== row.key));
                  setFocusKey("add");
                }}
              >
                Remove<span className="sr-only"> the rate for {label}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      <div>
        <Button
          id={`${baseId}-add`}
          variant="secondary"
          size="sm"
          onClick={() => {
            const row = newRateRow();
            onChange([...rows, row]);
            setFocusKey(row.key);
          }}
        >
          Add a rate
        </Button>
      </div>
    </fieldset>
  );
}
