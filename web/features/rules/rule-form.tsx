import { useState } from "react";
import { Button } from "../../ui/button";
import { DialogActions } from "../../ui/dialog";
import { SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { CLASSIFICATION_LABELS } from "../ledger/transactions/labels";
import { type Lookups, pickable } from "../ledger/transactions/ledger-lookups";
import { NoneYetHint } from "../ledger/transactions/none-yet-hint";
import { PracticeApiError } from "../practice/api-result";
import { ErrorNotice } from "../practice/feedback";
import { SelectField } from "../practice/fields";
import type { Practice } from "../practice/practice-queries";
import { bodyOf, type DraftErrors, type RuleDraft, SERVER_PATHS } from "./rule-draft";
import type { RuleBody, RuleClassification } from "./rule-queries";
import { RULE_CLASSES } from "./rule-text";

type Props = {
  practice: Practice;
  lookups: Lookups;
  initial: RuleDraft;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: RuleBody) => void;
  onCancel: () => void;
};

/** The server's refusals, under the fields they name; the rest above the buttons. */
function serverErrors(error: unknown): { fields: DraftErrors; rest: unknown } {
  if (!(error instanceof PracticeApiError) || error.fieldProblems.length === 0)
    return { fields: {}, rest: error };
  const fields: DraftErrors = {};
  let unplaced = false;
  for (const p of error.fieldProblems) {
    const field = SERVER_PATHS[p.path];
    if (field) fields[field] ??= p.message;
    else unplaced = true;
  }
  return { fields, rest: unplaced ? error : undefined };
}

/**
 * A rule's conditions (all that are set must hold) and its action. Amounts bound the size of
 * the amount whatever its sign; the direction says in or out.
 */
export function RuleForm({
  practice,
  lookups,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
}: Props) {
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const server = serverErrors(error);
  const shown = { ...server.fields, ...errors };
  const set = <K extends keyof RuleDraft>(field: K, value: RuleDraft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setErrors((e) => ({ ...e, [field]: undefined, conditions: undefined }));
  };
  const payers = pickable(lookups.payers, draft.payerId);
  const categories = pickable(lookups.categories, draft.categoryId);

  return (
    <form
      aria-label="Rule"
      noValidate
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (pending) return;
        const { body, errors: found } = bodyOf(draft);
        setErrors(found);
        if (body) onSubmit(body);
      }}
    >
      <Input
        label="Name (optional)"
        hint="Made from the conditions when left empty."
        maxLength={100}
        value={draft.name}
        onChange={(e) => set("name", e.target.value)}
        error={shown.name}
      />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 font-semibold text-slate-900">When a transaction matches all of these</legend>
        {shown.conditions ? <p className="text-sm font-medium text-red-700">{shown.conditions}</p> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Input
            label="Description contains"
            hint="Any case; e.g. SIMPLEPRACTICE"
            maxLength={200}
            value={draft.contains}
            onChange={(e) => set("contains", e.target.value)}
            error={shown.contains}
          />
          <Input
            label="Description starts with"
            maxLength={200}
            value={draft.startsWith}
            onChange={(e) => set("startsWith", e.target.value)}
            error={shown.startsWith}
          />
          <Input
            label="Description matches the pattern"
            hint="For experts: a regular expression, any case, e.g. ZOOM|WEBEX"
            maxLength={500}
            spellCheck={false}
            value={draft.pattern}
            onChange={(e) => set("pattern", e.target.value)}
            error={shown.pattern}
          />
          <SelectField
            label="Money in or out"
            value={draft.direction}
            onChange={(e) => set("direction", e.target.value as RuleDraft["direction"])}
            error={shown.direction}
          >
            <option value="">Either</option>
            <option value="in">Money in</option>
            <option value="out">Money out</option>
          </SelectField>
          <Input
            label="Smallest amount"
            hint="The amount’s size, whatever its sign"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={draft.min}
            onChange={(e) => set("min", e.target.value)}
            error={shown.min}
          />
          <Input
            label="Largest amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
            value={draft.max}
            onChange={(e) => set("max", e.target.value)}
            error={shown.max}
          />
          <SelectField
            label="Account"
            value={draft.accountId}
            onChange={(e) => set("accountId", e.target.value)}
            error={shown.accountId}
          >
            <option value="">Any account</option>
            {pickable(lookups.accounts, draft.accountId).map((a) => (
              <option key={a.id} value={a.id}>
                {lookups.accountName(a.id)}
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 font-semibold text-slate-900">Classify it as</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            label="Classification"
            value={draft.classification}
            onChange={(e) => set("classification", e.target.value as RuleClassification | "")}
            error={shown.classification}
          >
            <option value="">Choose…</option>
            {RULE_CLASSES.map((c) => (
              <option key={c} value={c}>
                {CLASSIFICATION_LABELS[c]}
              </option>
            ))}
          </SelectField>
          {draft.classification === "income" ? (
            <SelectField
              label="Payer"
              value={draft.payerId}
              onChange={(e) => set("payerId", e.target.value)}
              error={shown.payerId}
              hint={payers.length === 0 ? <NoneYetHint practice={practice} what="payers" /> : undefined}
            >
              <option value="">Choose a payer</option>
              {payers.map((p) => (
                <option key={p.id} value={p.id}>
                  {lookups.payerName(p.id)}
                </option>
              ))}
            </SelectField>
          ) : null}
          {draft.classification === "expense" ? (
            <SelectField
              label="Category"
              value={draft.categoryId}
              onChange={(e) => set("categoryId", e.target.value)}
              error={shown.categoryId}
              hint={
                categories.length === 0 ? <NoneYetHint practice={practice} what="categories" /> : undefined
              }
            >
              <option value="">Choose a category</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {lookups.categoryName(c.id)}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
      </fieldset>
      <ErrorNotice error={server.rest} />
      <DialogActions>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton pending={pending} pendingLabel="Saving…">
          {submitLabel}
        </SubmitButton>
      </DialogActions>
    </form>
  );
}
