import { type FormEvent, useRef, useState } from "react";
import { Alert } from "../../../ui/alert";
import { Button } from "../../../ui/button";
import { Dialog } from "../../../ui/dialog";
import { SubmitButton } from "../../../ui/form-field";
import { formatCalendarDate } from "../../../ui/format-date";
import { Input } from "../../../ui/input";
import { ErrorNotice } from "../../practice/feedback";
import type { LedgerAccount } from "../ledger-queries";
import { formatMoney, parseAmount } from "../money";
import { formLevelError, problemAt } from "./field-problems";
import { ReconcileHistory } from "./reconcile-history";
import { type ReconcileResult, useReconcile } from "./reconcile-queries";

const amount = (cents: number) => formatMoney(cents).replace(/^-/, "−");
const plural = (n: number) => `${n} transaction${n === 1 ? "" : "s"}`;

/** The comparison just made: the two balances, the difference, and where a gap may come from. */
function Outcome({ result }: { result: ReconcileResult }) {
  const r = result.reconciliation;
  const diff = r.differenceCents;
  return (
    <div className="flex flex-col gap-3">
      <dl className="grid gap-3 sm:grid-cols-3">
        {[
          ["Statement balance", r.statementBalanceCents],
          [`Ledger on ${formatCalendarDate(r.statementDate)}`, r.ledgerBalanceCents],
          ["Difference", diff],
        ].map(([term, cents]) => (
          <div key={term} className="rounded-lg border border-slate-200 px-4 py-3">
            <dt className="text-xs text-slate-600">{term}</dt>
            <dd className="text-lg font-semibold text-slate-900 tabular-nums">{amount(Number(cents))}</dd>
          </div>
        ))}
      </dl>
      {diff === 0 ? (
        <Alert tone="success" live="none" title="Balanced">
          The ledger matches the statement on {formatCalendarDate(r.statementDate)}.
        </Alert>
      ) : (
        <Alert
          tone="warning"
          live="none"
          title={`The bank shows ${amount(Math.abs(diff))} ${diff > 0 ? "more" : "less"} than the ledger`}
        >
          Look for {diff > 0 ? "money in" : "money out"} the ledger is missing, or an entry recorded twice or
          with the wrong date or amount.
          {result.sincePrevious
            ? ` Since the last statement (${formatCalendarDate(result.sincePrevious.previousStatementDate)}) the ledger has ${plural(result.sincePrevious.transactionCount)} on this account, net ${amount(result.sincePrevious.netCents)}.`
            : ""}
        </Alert>
      )}
      {result.afterStatementDate.transactionCount > 0 ? (
        <p className="text-sm text-slate-600">
          {plural(result.afterStatementDate.transactionCount)} dated after the statement (net{" "}
          {amount(result.afterStatementDate.netCents)}) are not counted.
        </p>
      ) : null}
    </div>
  );
}

type Props = {
  practiceId: string;
  account: LedgerAccount;
  open: boolean;
  onClose: () => void;
  today: string;
};

/** Compares a statement's ending balance with the ledger's balance on its date, and keeps the result. */
export function ReconcileDialog({ practiceId, account, open, onClose, today }: Props) {
  const reconcile = useReconcile(practiceId, account.id);
  const [date, setDate] = useState(today);
  const [balance, setBalance] = useState("");
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const balanceRef = useRef<HTMLInputElement>(null);
  const close = () => {
    if (reconcile.isPending) return;
    reconcile.reset();
    setBalance("");
    setProblem(undefined);
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reconcile.isPending) return;
    const parsed = parseAmount(balance, {
      label: "The ending balance",
      allowNegative: true,
      allowZero: true,
    });
    setProblem(parsed.ok ? undefined : parsed.message);
    if (!parsed.ok) return balanceRef.current?.focus();
    reconcile.mutate({ statementDate: date, statementBalanceCents: parsed.cents });
  };
  return (
    <Dialog
      open={open}
      onClose={close}
      title={`Reconcile ${account.name}`}
      description="Enter the ending balance of a bank or card statement: the ledger’s balance on the same date should match it."
      className="sm:max-w-2xl"
    >
      <form
        noValidate
        onSubmit={submit}
        aria-label={`Reconcile ${account.name}`}
        className="flex flex-col gap-4"
      >
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="Statement date"
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            error={problemAt(reconcile.error, "statementDate")}
          />
          <Input
            ref={balanceRef}
            label="Ending balance"
            hint={
              account.kind === "credit_card"
                ? "What you owed is negative, e.g. -1,250.00."
                : "As printed on the statement."
            }
            inputMode="decimal"
            autoComplete="off"
            value={balance}
            onChange={(event) => setBalance(event.target.value)}
            error={problem ?? problemAt(reconcile.error, "statementBalanceCents")}
          />
        </div>
        <ErrorNotice error={formLevelError(reconcile.error, ["statementDate", "statementBalanceCents"])} />
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={close}>
            Close
          </Button>
          <SubmitButton pending={reconcile.isPending} pendingLabel="Comparing…">
            Compare with the ledger
          </SubmitButton>
        </div>
      </form>
      <div role="status">{reconcile.data ? <Outcome result={reconcile.data} /> : null}</div>
      <section
        aria-label="Past reconciliations"
        className="flex flex-col gap-3 border-t border-slate-200 pt-4"
      >
        <h3 className="font-semibold text-slate-900">Past reconciliations</h3>
        <ReconcileHistory practiceId={practiceId} accountId={account.id} />
      </section>
    </Dialog>
  );
}
