import { useState } from "react";
import { Alert } from "../../ui/alert";
import { SubmitButton } from "../../ui/form-field";
import { SelectField } from "../practice/fields";
import type { CsvMapping, Preview } from "./import-types";
import {
  AMOUNT_KIND_LABELS,
  AMOUNT_KINDS,
  type AmountKind,
  columnLabels,
  DATE_FORMAT_LABELS,
  DATE_FORMATS,
  type DateFormat,
  headerIndex,
  mappingProblem,
  startingMapping,
  widthOf,
  withAmountKind,
  withHeader,
} from "./mapping-model";
import { SampleTable } from "./sample-table";

type Props = { preview: Preview; pending: boolean; onApply: (mapping: CsvMapping) => void };

function ColumnSelect(props: {
  label: string;
  value: number | null;
  labels: readonly string[];
  optional?: boolean;
  onChange: (column: number | null) => void;
}) {
  const { label, value, labels, optional, onChange } = props;
  return (
    <SelectField
      label={label}
      value={value === null ? "" : String(value)}
      onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))}
    >
      {optional ? <option value="">None</option> : null}
      {labels.map((text, i) => (
        <option key={text} value={i}>
          {text}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * The columns of a CSV statement: which holds the date (and how dates are written), the
 * description and the money, and which line is the header. The server proposed them (from the
 * columns saved for the account, or by reading the file); "Preview with these columns" reads
 * the file again with the person's choice, and the import remembers it for the account.
 */
export function MappingEditor({ preview, pending, onApply }: Props) {
  const sample = preview.sample;
  const [draft, setDraft] = useState<CsvMapping>(
    () => (preview.mapping as CsvMapping | null) ?? startingMapping(sample),
  );
  const labels = columnLabels(draft, sample);
  const width = widthOf(draft, sample);
  const problem = mappingProblem(draft, labels);
  const header = headerIndex(draft, sample);
  const set = (change: Partial<CsvMapping>) => setDraft((d) => ({ ...d, ...change }));
  const { amount } = draft;

  return (
    <form
      aria-label="Columns of the file"
      className="flex flex-col gap-5"
      onSubmit={(event) => {
        event.preventDefault();
        if (!problem && !pending) onApply(draft);
      }}
    >
      <SampleTable
        sample={sample}
        header={header}
        skipped={draft.header.kind === "none" ? draft.header.skipRecords : 0}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Header row"
          value={draft.header.kind === "none" ? "none" : header === null ? "kept" : String(header)}
          onChange={(event) => {
            const value = event.target.value;
            if (value !== "kept")
              setDraft((d) => withHeader(d, sample, value === "none" ? "none" : Number(value)));
          }}
          hint="The line that names the columns, if the file has one."
        >
          <option value="none">None: every line is a transaction</option>
          {draft.header.kind === "row" && header === null ? (
            <option value="kept">The saved header ({draft.header.cells.join(", ")})</option>
          ) : null}
          {sample.map((record, i) => (
            <option key={record.line} value={i}>
              Line {record.line}: {record.cells.join(", ").slice(0, 60)}
            </option>
          ))}
        </SelectField>
        <ColumnSelect
          label="Date column"
          value={draft.dateColumn}
          labels={labels}
          onChange={(c) => set({ dateColumn: c ?? 0 })}
        />
        <SelectField
          label="Date format"
          value={draft.dateFormat}
          onChange={(event) => set({ dateFormat: event.target.value as DateFormat })}
        >
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {DATE_FORMAT_LABELS[f]}
            </option>
          ))}
        </SelectField>
        <ColumnSelect
          label="Description column"
          value={draft.descriptionColumn}
          labels={labels}
          onChange={(c) => set({ descriptionColumn: c ?? 0 })}
        />
        <SelectField
          label="Amount layout"
          value={amount.kind}
          onChange={(event) => setDraft((d) => withAmountKind(d, event.target.value as AmountKind, width))}
          hint="Most bank exports sign the amount; American Express and some cards show charges as positive."
        >
          {AMOUNT_KINDS.map((k) => (
            <option key={k} value={k}>
              {AMOUNT_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        {amount.kind === "debit-credit" ? (
          <>
            <ColumnSelect
              label="Money out column"
              value={amount.debitColumn}
              labels={labels}
              onChange={(c) => set({ amount: { ...amount, debitColumn: c ?? 0 } })}
            />
            <ColumnSelect
              label="Money in column"
              value={amount.creditColumn}
              labels={labels}
              onChange={(c) => set({ amount: { ...amount, creditColumn: c ?? 0 } })}
            />
          </>
        ) : (
          <ColumnSelect
            label="Amount column"
            value={amount.column}
            labels={labels}
            onChange={(c) => set({ amount: { ...amount, column: c ?? 0 } })}
          />
        )}
        <ColumnSelect
          label="Bank’s transaction id column (optional)"
          value={draft.bankIdColumn}
          labels={labels}
          optional
          onChange={(c) => set({ bankIdColumn: c })}
        />
      </div>
      {problem ? (
        <Alert tone="error" live="status">
          {problem}
        </Alert>
      ) : null}
      <div>
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Reading the file…">
          Preview with these columns
        </SubmitButton>
      </div>
    </form>
  );
}
