import type { Ref } from "react";
import { SpinnerIcon } from "../../ui/app-icons";
import { buttonClasses } from "../../ui/button";
import { Input } from "../../ui/input";
import type { Transaction } from "../ledger/ledger-queries";
import { CLASSIFICATION_LABELS } from "../ledger/transactions/labels";
import { type Lookups, pickable } from "../ledger/transactions/ledger-lookups";
import { NoneYetHint } from "../ledger/transactions/none-yet-hint";
import { CheckboxField, SelectField } from "../practice/fields";
import type { Practice } from "../practice/practice-queries";
import { type Choice, type ChoiceErrors, shownRuleText } from "./classify-choice";
import { CLASSIFY_KEYS } from "./inbox-keys";
import type { InboxClassification } from "./inbox-queries";

type Props = {
  practice: Practice;
  lookups: Lookups;
  choice: Choice;
  errors: ChoiceErrors;
  selected: readonly Transaction[];
  canWriteRules: boolean;
  pending: boolean;
  onChange: (change: Partial<Choice>) => void;
  onSubmit: () => void;
  classificationRef: Ref<HTMLSelectElement>;
  payerRef: Ref<HTMLSelectElement>;
  categoryRef: Ref<HTMLSelectElement>;
  submitRef: Ref<HTMLButtonElement>;
};

const keyOf = (c: InboxClassification) => CLASSIFY_KEYS.find((k) => k.classification === c)?.key ?? "";

/**
 * The choice applied to the selected rows: a classification with its payer or category, and,
 * in the same click, a rule for the descriptions that contain the merchant's words.
 */
export function ClassifyBar(props: Props) {
  const { practice, lookups, choice, errors, selected, canWriteRules, pending, onChange, onSubmit } = props;
  const payers = pickable(lookups.payers, choice.payerId);
  const categories = pickable(lookups.categories, choice.categoryId);
  const n = selected.length;
  return (
    <form
      aria-label="Classify the selected transactions"
      noValidate
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-slate-50/60 p-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!pending) onSubmit();
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          ref={props.classificationRef}
          label="Classify as"
          value={choice.classification}
          onChange={(e) => onChange({ classification: e.target.value as InboxClassification | "" })}
          error={errors.classification}
        >
          <option value="">Choose…</option>
          {CLASSIFY_KEYS.map(({ classification }) => (
            <option key={classification} value={classification}>
              {CLASSIFICATION_LABELS[classification]} ({keyOf(classification)})
            </option>
          ))}
        </SelectField>
        {choice.classification === "income" ? (
          <SelectField
            ref={props.payerRef}
            label="Payer"
            value={choice.payerId}
            onChange={(e) => onChange({ payerId: e.target.value })}
            error={errors.payerId}
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
        {choice.classification === "expense" ? (
          <SelectField
            ref={props.categoryRef}
            label="Category"
            value={choice.categoryId}
            onChange={(e) => onChange({ categoryId: e.target.value })}
            error={errors.categoryId}
            hint={categories.length === 0 ? <NoneYetHint practice={practice} what="categories" /> : undefined}
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
      {canWriteRules ? (
        <div className="flex flex-col gap-3">
          <CheckboxField
            label="Also create a rule for descriptions containing these words"
            checked={choice.withRule}
            onChange={(e) => onChange({ withRule: e.target.checked })}
          />
          {choice.withRule ? (
            <div className="grid gap-4 pl-8 sm:grid-cols-2">
              <Input
                label="Descriptions containing"
                hint="Any case. The rule classifies future imports the same way."
                maxLength={200}
                value={shownRuleText(choice, selected)}
                onChange={(e) => onChange({ ruleText: e.target.value })}
                error={errors.ruleText}
              />
              <CheckboxField
                className="sm:pt-7"
                label="And classify the other matching transactions in the inbox now"
                checked={choice.applyToInbox}
                onChange={(e) => onChange({ applyToInbox: e.target.checked })}
              />
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {/* A native button: the shortcuts move the focus here, which the Button primitive has no ref for. */}
        <button
          ref={props.submitRef}
          type="submit"
          aria-disabled={pending || undefined}
          className={buttonClasses()}
        >
          {pending ? <SpinnerIcon /> : null}
          {pending ? "Classifying…" : n === 0 ? "Classify the selected" : `Classify ${n} selected`}
        </button>
        {errors.rows ? <p className="text-sm font-medium text-red-700">{errors.rows}</p> : null}
      </div>
    </form>
  );
}
