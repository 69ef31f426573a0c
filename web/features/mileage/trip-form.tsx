import { type FormEvent, useRef, useState } from "react";
import { SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { formLevelError, problemAt } from "../ledger/accounts/field-problems";
import { ErrorNotice, StatusMessage } from "../practice/feedback";
import { isIsoDate } from "../reports/report-range";
import { useLogTrip } from "./mileage-queries";

type Values = { date: string; miles: string; purpose: string; fromPlace: string; toPlace: string };
type Problems = Partial<Record<"date" | "miles" | "purpose", string>>;
const FIELDS = ["date", "miles", "purpose", "fromPlace", "toPlace"];

/** "12.5" → 12.5; a positive distance with at most two decimals, as the API takes it. */
export function readMiles(text: string): number | string {
  const trimmed = text.trim().replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(trimmed)) return "Enter the miles as a number, like 12.5.";
  const miles = Number(trimmed);
  if (miles <= 0) return "Enter a distance above 0 miles.";
  if (miles > 1_000_000) return "Enter at most 1,000,000 miles.";
  return miles;
}

function check(values: Values): { problems: Problems; miles?: number } {
  const problems: Problems = {};
  if (!isIsoDate(values.date)) problems.date = "Enter the day of the trip.";
  const miles = readMiles(values.miles);
  if (typeof miles === "string") problems.miles = miles;
  if (values.purpose.trim() === "")
    problems.purpose = "Say what the trip was for, e.g. a home visit or a training.";
  return typeof miles === "number" ? { problems, miles } : { problems };
}

/**
 * Logs a trip from the keyboard: type, Tab, Enter. After a save the date stays (a day often has
 * several trips), the rest clears, and the miles field has the focus for the next trip.
 */
export function TripForm({ practiceId, defaultDate }: { practiceId: string; defaultDate: string }) {
  const log = useLogTrip(practiceId);
  const empty = { miles: "", purpose: "", fromPlace: "", toPlace: "" };
  const [values, setValues] = useState<Values>({ date: defaultDate, ...empty });
  const [problems, setProblems] = useState<Problems>({});
  const [logged, setLogged] = useState<string | undefined>(undefined);
  const milesRef = useRef<HTMLInputElement>(null);
  const set = (field: keyof Values) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setProblems((p) => ({ ...p, [field]: undefined }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (log.isPending) return;
    setLogged(undefined);
    const form = event.currentTarget;
    const checked = check(values);
    setProblems(checked.problems);
    if (checked.miles === undefined || Object.keys(checked.problems).length > 0) {
      window.setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    const place = (text: string) => (text.trim() === "" ? null : text.trim());
    log.mutate(
      {
        date: values.date,
        miles: checked.miles,
        purpose: values.purpose.trim(),
        fromPlace: place(values.fromPlace),
        toPlace: place(values.toPlace),
      },
      {
        onSuccess: (entry) => {
          setLogged(`Logged ${entry.miles} miles on ${entry.date}: ${entry.purpose}.`);
          setValues((v) => ({ ...v, ...empty }));
          milesRef.current?.focus();
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Log a trip" className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Input
          label="Date"
          type="date"
          value={values.date}
          onChange={set("date")}
          error={problems.date ?? problemAt(log.error, "date")}
        />
        <Input
          ref={milesRef}
          label="Miles"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.0"
          value={values.miles}
          onChange={set("miles")}
          error={problems.miles ?? problemAt(log.error, "miles")}
        />
        <Input
          label="Purpose"
          className="lg:col-span-2"
          autoComplete="off"
          maxLength={500}
          hint="Why the trip was for the practice. No client names."
          value={values.purpose}
          onChange={set("purpose")}
          error={problems.purpose ?? problemAt(log.error, "purpose")}
        />
        <Input
          label="From (optional)"
          className="lg:col-span-2"
          autoComplete="off"
          maxLength={200}
          value={values.fromPlace}
          onChange={set("fromPlace")}
          error={problemAt(log.error, "fromPlace")}
        />
        <Input
          label="To (optional)"
          className="lg:col-span-2"
          autoComplete="off"
          maxLength={200}
          value={values.toPlace}
          onChange={set("toPlace")}
          error={problemAt(log.error, "toPlace")}
        />
      </div>
      <ErrorNotice error={formLevelError(log.error, FIELDS)} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={log.isPending} pendingLabel="Logging…">
          Log trip
        </SubmitButton>
        <p className="text-sm text-slate-600">Enter logs it from any field.</p>
        <StatusMessage message={logged} />
      </div>
    </form>
  );
}
