import type { Ref } from "react";
import { Input } from "../../../ui/input";
import { SelectField } from "../../practice/fields";
import type { Practice } from "../../practice/practice-queries";
import { formatMoney, parseAmount } from "../money";
import { type Direction, directionLabel, METHOD_LABELS, METHODS, signedCents } from "./labels";
import { type Lookups, pickable } from "./ledger-lookups";
import { NoneYetHint } from "./none-yet-hint";
import type { Draft, DraftErrors, DraftField } from "./transaction-draft";

export type SetDraft = <K extends DraftField>(field: K, value: Draft[K]) => void;

type FieldsProps = {
  practice: Practice;
  draft: Draft;
  errors: DraftErrors;
  set: SetDraft;
  lookups: Lookups;
};

/** "Recorded as −$12.00: money out of the account." — the sign said in words before saving. */
function amountHint(draft: Draft): string {
  const amount = parseAmount(draft.amount);
  const inOut = draft.direction === "in" ? "money into the account" : "money out of the account";
  if (!amount.ok) return `Type it without a sign: ${inOut}.`;
  return `Recorded as ${formatMoney(signedCents(amount.cents, draft.direction))}: ${inOut}.`;
}

export function AmountField(props: FieldsProps & { ref?: Ref<HTMLInputElement>; label?: string }) {
  const { draft, errors, set, ref, label = "Amount" } = props;
  return (
    <Input
      ref={ref}
      label={label}
      inputMode="decimal"
      autoComplete="off"
      spellCheck={false}
      placeholder="0.00"
      value={draft.amount}
      onChange={(event) => set("amount", event.target.value)}
      hint={amountHint(draft)}
      error={errors.amount}
    />
  );
}

export function DirectionField({ draft, set }: Pick<FieldsProps, "draft" | "set">) {
  return (
    <SelectField
      label="Money in or out"
      value={draft.direction}
      onChange={(event) => set("direction", event.target.value as Direction)}
    >
      {(["in", "out"] as const).map((d) => (
        <option key={d} value={d}>
          {directionLabel(draft.classification, d)}
        </option>
      ))}
    </SelectField>
  );
}

export function AccountField({ draft, errors, set, lookups }: FieldsProps) {
  return (
    <SelectField
      label="Account"
      value={draft.accountId}
      onChange={(event) => set("accountId", event.target.value)}
      error={errors.accountId}
    >
      {draft.accountId === "" ? <option value="">Choose an account</option> : null}
      {pickable(lookups.accounts, draft.accountId).map((a) => (
        <option key={a.id} value={a.id}>
          {lookups.accountName(a.id)}
          {a.last4 ? ` ··${a.last4}` : ""}
        </option>
      ))}
    </SelectField>
  );
}

/** Who paid, how, for how many sessions, and what the processor kept. */
function IncomeFields({ practice, draft, errors, set, lookups, split }: FieldsProps & { split: boolean }) {
  const payers = pickable(lookups.payers, draft.payerId);
  const hint =
    payers.length === 0 ? (
      <NoneYetHint practice={practice} what="payers" />
    ) : split ? (
      "Choosing one payer replaces the split."
    ) : undefined;
  return (
    <>
      <SelectField
        label="Payer"
        value={draft.payerId}
        onChange={(event) => set("payerId", event.target.value)}
        error={errors.payerId}
        hint={hint}
      >
        <option value="">{split ? "Split across payers" : "Choose a payer"}</option>
        {payers.map((p) => (
          <option key={p.id} value={p.id}>
            {lookups.payerName(p.id)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Method"
        value={draft.method}
        onChange={(event) => set("method", event.target.value as Draft["method"])}
        error={errors.method}
      >
        <option value="">Not recorded</option>
        {METHODS.map((m) => (
          <option key={m} value={m}>
            {METHOD_LABELS[m]}
          </option>
        ))}
      </SelectField>
      <Input
        label="Sessions covered"
        inputMode="numeric"
        autoComplete="off"
        value={draft.sessions}
        onChange={(event) => set("sessions", event.target.value)}
        error={errors.sessions}
      />
      <Input
        label="Processor fee"
        inputMode="decimal"
        autoComplete="off"
        placeholder="0.00"
        hint="What the card processor kept; the amount is what arrived."
        value={draft.fee}
        onChange={(event) => set("fee", event.target.value)}
        error={errors.fee}
      />
    </>
  );
}

/** Who was paid and which Schedule C category it counts under. */
function ExpenseFields({ practice, draft, errors, set, lookups, split }: FieldsProps & { split: boolean }) {
  const categories = pickable(lookups.categories, draft.categoryId);
  const hint =
    categories.length === 0 ? (
      <NoneYetHint practice={practice} what="categories" />
    ) : split ? (
      "Choosing one category replaces the split."
    ) : undefined;
  return (
    <>
      <Input
        label="Vendor"
        autoComplete="off"
        value={draft.vendor}
        onChange={(event) => set("vendor", event.target.value)}
        error={errors.vendor}
        maxLength={200}
      />
      <SelectField
        label="Category"
        value={draft.categoryId}
        onChange={(event) => set("categoryId", event.target.value)}
        error={errors.categoryId}
        hint={hint}
      >
        <option value="">{split ? "Split across categories" : "Choose a category"}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {lookups.categoryName(c.id)}
          </option>
        ))}
      </SelectField>
    </>
  );
}

/**
 * The fields the classification carries (decision 0011: payer, method, sessions and fee for
 * income; vendor and category for an expense), then the description when asked for and the memo.
 */
export function ClassFields(props: FieldsProps & { split?: boolean; withDescription: boolean }) {
  const { draft, errors, set, withDescription, split = false } = props;
  return (
    <>
      {draft.classification === "income" ? <IncomeFields {...props} split={split} /> : null}
      {draft.classification === "expense" ? <ExpenseFields {...props} split={split} /> : null}
      {withDescription ? (
        <Input
          label="Description"
          autoComplete="off"
          value={draft.description}
          onChange={(event) => set("description", event.target.value)}
          error={errors.description}
          maxLength={500}
        />
      ) : null}
      <Input
        label="Memo"
        autoComplete="off"
        value={draft.memo}
        onChange={(event) => set("memo", event.target.value)}
        error={errors.memo}
        maxLength={2000}
      />
    </>
  );
}
