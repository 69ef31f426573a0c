import { type KeyboardEvent, useEffect, useRef, useState } from "react";
import { SubmitButton } from "../../../ui/form-field";
import { Input } from "../../../ui/input";
import { ErrorNotice, StatusMessage } from "../../practice/feedback";
import { SelectField } from "../../practice/fields";
import type { Practice } from "../../practice/practice-queries";
import type { Classification } from "../ledger-queries";
import { formatMoney } from "../money";
import { findLastAccountId, rememberLastAccount, todayIn } from "./entry-defaults";
import { KindToggle } from "./kind-toggle";
import { CLASSIFICATION_LABELS, OTHER_CLASSIFICATIONS, USUAL_DIRECTION } from "./labels";
import type { Lookups } from "./ledger-lookups";
import {
  createBodyOf,
  type Draft,
  type DraftErrors,
  emptyDraft,
  errorsFromServer,
} from "./transaction-draft";
import { AccountField, AmountField, ClassFields, DirectionField, type SetDraft } from "./transaction-fields";
import { useCreateTransaction } from "./transaction-mutations";

function defaultAccount(practiceId: string, lookups: Lookups): string {
  const active = lookups.accounts.filter((a) => a.archivedAt === null);
  const last = findLastAccountId(practiceId);
  return active.find((a) => a.id === last)?.id ?? active[0]?.id ?? "";
}

/** The fields that stay for the next entry: a run of entries often shares them. */
function nextDraft(previous: Draft): Draft {
  return {
    ...emptyDraft({
      date: previous.date,
      accountId: previous.accountId,
      classification: previous.classification,
    }),
    direction: previous.direction,
    method: previous.method,
  };
}

function recordedMessage(draft: Draft, amountCents: number, lookups: Lookups): string {
  const what = CLASSIFICATION_LABELS[draft.classification].toLowerCase();
  const party =
    draft.classification === "income"
      ? ` from ${lookups.payerName(draft.payerId)}`
      : draft.classification === "expense"
        ? ` in ${lookups.categoryName(draft.categoryId)}`
        : "";
  return `Recorded ${what} of ${formatMoney(amountCents)}${party} on ${draft.date}.`;
}

/**
 * The quick entry form: choose Income, Expense or another classification, type a positive
 * amount, press Enter. The sign follows the direction (money in or out), shown before saving.
 * After a save the date, account and kind stay, the rest clears, and the amount has the focus.
 */
export function EntryForm({ practice, lookups }: { practice: Practice; lookups: Lookups }) {
  const create = useCreateTransaction(practice.id);
  const [draft, setDraft] = useState<Draft>(() =>
    emptyDraft({
      date: todayIn(practice.timeZone),
      accountId: defaultAccount(practice.id, lookups),
      classification: "income",
    }),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [serverError, setServerError] = useState<unknown>(undefined);
  const [recorded, setRecorded] = useState<string | undefined>(undefined);
  const [focusTick, setFocusTick] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const amount = useRef<HTMLInputElement>(null);

  // After a refused save, the first field in error takes the focus, so its message is read.
  useEffect(() => {
    if (focusTick === 0) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const set: SetDraft = (field, value) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined }));
  };
  const classify = (classification: Classification) => {
    setDraft((d) => ({ ...d, classification, direction: USUAL_DIRECTION[classification] }));
    setErrors({});
  };

  const submit = async () => {
    if (create.isPending) return;
    setRecorded(undefined);
    setServerError(undefined);
    const read = createBodyOf(draft);
    if (!read.ok) {
      setErrors(read.errors);
      setFocusTick((t) => t + 1);
      return;
    }
    try {
      await create.mutateAsync(read.body);
      rememberLastAccount(practice.id, draft.accountId);
      setRecorded(recordedMessage(draft, read.body.amountCents, lookups));
      setDraft(nextDraft(draft));
      setErrors({});
      amount.current?.focus();
    } catch (error) {
      const placed = errorsFromServer(error);
      setErrors(placed.fields);
      if (placed.rest) setServerError(error);
      setFocusTick((t) => t + 1);
    }
  };

  // Enter submits from every control: a select or a radio button does not do it natively.
  const submitOnEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement;
    const choice =
      target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === "radio");
    if (event.key === "Enter" && choice) {
      event.preventDefault();
      void submit();
    }
  };

  const kind =
    draft.classification === "income" || draft.classification === "expense" ? draft.classification : "other";
  return (
    <form
      ref={form}
      noValidate
      aria-label="Record a transaction"
      onKeyDown={submitOnEnter}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      className="flex flex-col gap-5"
    >
      <div className="flex flex-wrap items-end gap-4">
        <KindToggle value={kind} onChange={(k) => classify(k === "other" ? "transfer" : k)} />
        {kind === "other" ? (
          <SelectField
            label="Classification"
            value={draft.classification}
            onChange={(event) => classify(event.target.value as Classification)}
          >
            {OTHER_CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {CLASSIFICATION_LABELS[c]}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Input
          label="Date"
          type="date"
          value={draft.date}
          onChange={(event) => set("date", event.target.value)}
          error={errors.date}
          required
        />
        <AmountField
          ref={amount}
          practice={practice}
          draft={draft}
          errors={errors}
          set={set}
          lookups={lookups}
        />
        <DirectionField draft={draft} set={set} />
        <AccountField practice={practice} draft={draft} errors={errors} set={set} lookups={lookups} />
        <ClassFields
          practice={practice}
          draft={draft}
          errors={errors}
          set={set}
          lookups={lookups}
          withDescription={kind === "other"}
        />
      </div>
      <ErrorNotice error={serverError} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={create.isPending} pendingLabel="Recording…">
          Record {kind === "other" ? "transaction" : kind}
        </SubmitButton>
        <p className="text-sm text-slate-600">Enter records it from any field.</p>
        <StatusMessage message={recorded} />
      </div>
    </form>
  );
}
