import { type KeyboardEvent, useId, useRef, useState } from "react";
import { Button } from "../../ui/button";
import type { Transaction } from "../ledger/ledger-queries";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import { ErrorNotice } from "../practice/feedback";
import type { Practice } from "../practice/practice-queries";
import { describeAction, plural } from "../rules/rule-text";
import { ClassifyBar } from "./classify-bar";
import { type ChoiceErrors, classifyRequest, useClassifyChoice } from "./classify-choice";
import { classificationForKey, moveForKey } from "./inbox-keys";
import { type ClassifyAnswer, useClassifyInbox } from "./inbox-queries";
import { InboxTable } from "./inbox-table";
import { KeyboardHelp } from "./keyboard-help";

type Props = {
  practice: Practice;
  lookups: Lookups;
  rows: Transaction[];
  canWrite: boolean;
  canWriteRules: boolean;
  more: { loading: boolean; load: () => void } | null;
  onDone: (message: string) => void;
};

function doneMessage(answer: ClassifyAnswer, what: string): string {
  const done = `Classified ${plural(answer.classified, "transaction")} as ${what}.`;
  const rule = answer.rule;
  if (!rule) return done;
  const more =
    rule.appliedToInbox > 0
      ? `; it classified ${plural(rule.appliedToInbox, "more transaction")} in the inbox`
      : rule.inboxMatches > 0
        ? `; it matches ${plural(rule.inboxMatches, "more transaction")} in the inbox`
        : "";
  return `${done} Added the rule “${rule.rule.name}”${more}.`;
}

/** The inbox's rows, their selection, the keyboard and the classify bar, together. */
export function InboxReview({ practice, lookups, rows, canWrite, canWriteRules, more, onDone }: Props) {
  const helpId = useId();
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<ChoiceErrors>({});
  const { choice, set, reset } = useClassifyChoice();
  const classify = useClassifyInbox(practice.id);
  const table = useRef<HTMLDivElement>(null);
  const classificationRef = useRef<HTMLSelectElement>(null);
  const payerRef = useRef<HTMLSelectElement>(null);
  const categoryRef = useRef<HTMLSelectElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);

  // Rows that left the inbox (classified here or elsewhere) leave the selection too.
  const selected = rows.filter((r) => selectedIds.has(r.id));
  const selectedSet = new Set(selected.map((r) => r.id));

  const toggle = (id: string) =>
    setSelectedIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelectedIds(rows.every((r) => selectedSet.has(r.id)) ? new Set() : new Set(rows.map((r) => r.id)));

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(rows.length - 1, index));
    table.current
      ?.querySelector<HTMLInputElement>(`[data-row-index="${clamped}"] input[type="checkbox"]`)
      ?.focus();
  };

  const change = (next: Partial<typeof choice>) => {
    set(next);
    setErrors({});
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-row-index]");
    if (!row) return;
    const index = Number(row.dataset.rowIndex);
    const current = rows[index];
    const move = moveForKey(event.key);
    if (move) {
      event.preventDefault();
      focusRow(index + (move === "next" ? 1 : -1));
      return;
    }
    if (event.key === "x" && current) {
      event.preventDefault();
      toggle(current.id);
      return;
    }
    if (event.key === "a") {
      event.preventDefault();
      toggleAll();
      return;
    }
    const classification = classificationForKey(event.key);
    if (!classification || !current || !canWrite) return;
    event.preventDefault();
    if (selected.length === 0) setSelectedIds(new Set([current.id]));
    change({ classification });
    // The payer or category picker appears with the choice: focus it once it is on the page.
    requestAnimationFrame(() => {
      const next =
        classification === "income"
          ? payerRef.current
          : classification === "expense"
            ? categoryRef.current
            : null;
      (next ?? submitRef.current)?.focus();
    });
  };

  const submit = () => {
    const { body, errors: found } = classifyRequest(choice, selected);
    setErrors(found);
    if (!body) {
      if (found.classification) classificationRef.current?.focus();
      return;
    }
    const firstIndex = rows.findIndex((r) => selectedSet.has(r.id));
    const what = describeAction(body, lookups);
    classify.mutate(body, {
      onSuccess: (answer) => {
        onDone(doneMessage(answer, what));
        setSelectedIds(new Set());
        reset();
        // The classified rows leave the list: carry on from where they were.
        requestAnimationFrame(() => requestAnimationFrame(() => focusRow(firstIndex)));
      },
    });
  };

  return (
    <div className="flex flex-col gap-5">
      <KeyboardHelp id={helpId} />
      {canWrite ? (
        <ClassifyBar
          practice={practice}
          lookups={lookups}
          choice={choice}
          errors={errors}
          selected={selected}
          canWriteRules={canWriteRules}
          pending={classify.isPending}
          onChange={change}
          onSubmit={submit}
          classificationRef={classificationRef}
          payerRef={payerRef}
          categoryRef={categoryRef}
          submitRef={submitRef}
        />
      ) : null}
      <ErrorNotice error={classify.error} />
      <p className="text-sm text-slate-600" role="status">
        {selected.length > 0
          ? `${plural(selected.length, "transaction")} selected of ${rows.length} shown.`
          : `${rows.length} shown.`}
      </p>
      <InboxTable
        ref={table}
        rows={rows}
        lookups={lookups}
        selected={selectedSet}
        onToggle={toggle}
        onToggleAll={toggleAll}
        onKeyDown={onKeyDown}
      />
      {more ? (
        <div>
          <Button
            variant="secondary"
            aria-disabled={more.loading || undefined}
            onClick={() => {
              if (!more.loading) more.load();
            }}
          >
            {more.loading ? "Loading…" : "Load more"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
