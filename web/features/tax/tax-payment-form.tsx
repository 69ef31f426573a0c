import { type FormEvent, useRef, useState } from "react";
import { SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { formLevelError, problemAt } from "../ledger/accounts/field-problems";
import { formatMoney, parseAmount } from "../ledger/money";
import { ErrorNotice, StatusMessage } from "../practice/feedback";
import { SelectField } from "../practice/fields";
import { isIsoDate } from "../reports/report-range";
import { useRecordTaxPayment } from "./tax-queries";

type Jurisdiction = "federal" | "state";
const FIELDS = ["date", "amountCents", "jurisdiction", "taxYear", "note"];

/** Records an estimated payment made outside the ledger (e.g. from a personal account). */
export function TaxPaymentForm({
  practiceId,
  year,
  today,
}: {
  practiceId: string;
  year: number;
  today: string;
}) {
  const record = useRecordTaxPayment(practiceId);
  const [date, setDate] = useState(today.startsWith(String(year)) ? today : `${year}-04-15`);
  const [amount, setAmount] = useState("");
  const [jurisdiction, setJurisdiction] = useState<Jurisdiction>("federal");
  const [note, setNote] = useState("");
  const [problems, setProblems] = useState<{ date?: string; amount?: string }>({});
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const amountRef = useRef<HTMLInputElement>(null);
  const dateRef = useRef<HTMLInputElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (record.isPending) return;
    setSaved(undefined);
    const parsed = parseAmount(amount, { label: "The amount" });
    const next = {
      date: isIsoDate(date) ? undefined : "Enter the date it was paid.",
      amount: parsed.ok ? undefined : parsed.message,
    };
    setProblems(next);
    if (next.date) return dateRef.current?.focus();
    if (!parsed.ok) return amountRef.current?.focus();
    record.mutate(
      {
        date,
        amountCents: parsed.cents,
        jurisdiction,
        taxYear: year,
        note: note.trim() === "" ? null : note.trim(),
      },
      {
        onSuccess: (payment) => {
          setSaved(`Recorded a ${payment.jurisdiction} payment of ${formatMoney(payment.amountCents)}.`);
          setAmount("");
          setNote("");
          amountRef.current?.focus();
        },
      },
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label="Record a payment" className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Input
          ref={dateRef}
          label="Date paid"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          error={problems.date ?? problemAt(record.error, "date") ?? problemAt(record.error, "taxYear")}
        />
        <Input
          ref={amountRef}
          label="Amount"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          error={problems.amount ?? problemAt(record.error, "amountCents")}
        />
        <SelectField
          label="Paid to"
          value={jurisdiction}
          onChange={(event) => setJurisdiction(event.target.value as Jurisdiction)}
        >
          <option value="federal">IRS (federal)</option>
          <option value="state">State</option>
        </SelectField>
        <Input
          label="Note (optional)"
          autoComplete="off"
          maxLength={200}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          error={problemAt(record.error, "note")}
        />
      </div>
      <ErrorNotice error={formLevelError(record.error, FIELDS)} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={record.isPending} pendingLabel="Recording…">
          Record payment
        </SubmitButton>
        <StatusMessage message={saved} />
      </div>
    </form>
  );
}
