import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "../../../ui/button";
import { SubmitButton } from "../../../ui/form-field";
import { ConfirmDialog } from "../../practice/confirm-dialog";
import { EmptyState, ErrorNotice, LoadingState, StatusMessage } from "../../practice/feedback";
import { SelectField } from "../../practice/fields";
import { formatDay } from "../../practice/format-time";
import { can } from "../../practice/permissions";
import type { Practice } from "../../practice/practice-queries";
import { Section } from "../../practice/section";
import { currentYearIn, useClosedYears, useCloseYear, useReopenYear } from "./closed-years-queries";

/** How many past years the close form offers. */
const YEARS_OFFERED = 10;

function CloseYearForm({
  practice,
  closed,
  onDone,
}: {
  practice: Practice;
  closed: number[];
  onDone: (message: string) => void;
}) {
  const close = useCloseYear(practice.id);
  const thisYear = currentYearIn(practice.timeZone);
  const open = Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - 1 - i).filter(
    (y) => !closed.includes(y),
  );
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  // The year being confirmed, held apart: once closed, the select moves on to the next open year.
  const [confirming, setConfirming] = useState<number | undefined>(undefined);
  const hintId = useId();
  const year = chosen !== undefined && open.includes(chosen) ? chosen : open[0];

  if (year === undefined) {
    return <p className="text-sm text-slate-600">Every one of the last {YEARS_OFFERED} years is closed.</p>;
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.reset();
    setConfirming(year);
  };
  // The dialog sits beside the form, not in it: a form inside a form is invalid HTML.
  return (
    <>
      <form noValidate onSubmit={submit} aria-label="Close a year" className="flex flex-col gap-2">
        <div className="flex flex-wrap items-end gap-3">
          <SelectField
            label="Year to close"
            aria-describedby={hintId}
            value={String(year)}
            onChange={(event) => setChosen(Number(event.target.value))}
            className="w-48"
          >
            {open.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SubmitButton variant="secondary">Close {year}…</SubmitButton>
        </div>
        <p id={hintId} className="text-sm text-slate-600">
          Only a year that has ended can be closed; {thisYear} is still under way.
        </p>
      </form>
      <ConfirmDialog
        open={confirming !== undefined}
        title={`Close ${confirming ?? ""}?`}
        confirmLabel={`Close ${confirming ?? ""}`}
        pending={close.isPending}
        error={close.error}
        onCancel={() => setConfirming(undefined)}
        onConfirm={() => {
          if (confirming === undefined) return;
          const closing = confirming;
          close.mutate(closing, {
            onSuccess: () => {
              setConfirming(undefined);
              onDone(`${closing} is closed. Its transactions cannot change until it is reopened.`);
            },
          });
        }}
      >
        <p>
          Close a year once its tax return is filed. Until it is reopened, any attempt to add, edit, split,
          move or delete a transaction dated in {confirming} is refused, and rules and bank sync leave it
          alone, so its totals stay as filed.
        </p>
      </ConfirmDialog>
    </>
  );
}

/**
 * The ledger's closed tax years, in Settings. Those with `settings.manage` close and reopen
 * them; everyone else sees which years are closed, and why their edits there are refused.
 */
export function ClosedYearsSection({ practice }: { practice: Practice }) {
  const manages = can(practice.role, "settings.manage");
  const closedYears = useClosedYears(practice.id);
  const reopen = useReopenYear(practice.id);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [reopening, setReopening] = useState<number | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);
  const years = [...(closedYears.data ?? [])].sort((a, b) => b.year - a.year);

  return (
    <Section
      title="Closed years"
      description={
        manages
          ? "Close a year when its return is filed: its transactions then cannot change until you reopen it."
          : "Years the Owner or an Admin has closed: their transactions cannot change until the year is reopened."
      }
      aside={<StatusMessage message={notice} />}
    >
      <div ref={list} tabIndex={-1} className="focus:outline-none">
        {closedYears.isPending ? (
          <LoadingState label="Loading closed years…" />
        ) : closedYears.isError ? (
          <ErrorNotice error={closedYears.error} />
        ) : years.length === 0 ? (
          <EmptyState title="No year is closed">
            {manages
              ? "When a year’s tax return is filed, close the year below so nothing in it changes by accident."
              : "Every year’s transactions can be changed. The Owner or an Admin closes a year once its return is filed."}
          </EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 border-y border-slate-100">
            {years.map((closed) => (
              <li key={closed.year} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <span>
                  <span className="font-semibold text-slate-900">{closed.year}</span>{" "}
                  <span className="text-sm text-slate-600">
                    closed on{" "}
                    <time dateTime={closed.closedAt}>{formatDay(closed.closedAt, practice.timeZone)}</time>
                  </span>
                </span>
                {manages ? (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => {
                      reopen.reset();
                      setReopening(closed.year);
                    }}
                  >
                    Reopen {closed.year}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      {manages && closedYears.isSuccess ? (
        <CloseYearForm practice={practice} closed={years.map((y) => y.year)} onDone={setNotice} />
      ) : null}
      {manages ? (
        <ConfirmDialog
          open={reopening !== undefined}
          title={`Reopen ${reopening ?? ""}?`}
          confirmLabel={`Reopen ${reopening ?? ""}`}
          pending={reopen.isPending}
          error={reopen.error}
          onCancel={() => setReopening(undefined)}
          onClosed={() => {
            if (refocus.current) list.current?.focus();
            refocus.current = false;
          }}
          onConfirm={() => {
            if (reopening === undefined) return;
            const year = reopening;
            reopen.mutate(year, {
              onSuccess: () => {
                setNotice(
                  `${year} is open again: its transactions can change. Close it again once corrected.`,
                );
                refocus.current = true;
                setReopening(undefined);
              },
            });
          }}
        >
          <p>
            Its transactions can be added, changed and deleted again, so its totals may no longer match the
            return you filed. Reopen a year only to correct it, and close it again afterwards.
          </p>
        </ConfirmDialog>
      ) : null}
    </Section>
  );
}
