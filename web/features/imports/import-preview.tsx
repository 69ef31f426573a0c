import { Button } from "../../ui/button";
import { SubmitButton } from "../../ui/form-field";
import { useLedgerLookups } from "../ledger/transactions/ledger-lookups";
import type { Practice } from "../practice/practice-queries";
import { useRules } from "../rules/rule-queries";
import type { Preview } from "./import-types";
import { MappingEditor } from "./mapping-editor";
import { PreviewSummary } from "./preview-summary";
import { PreviewTable } from "./preview-table";
import { ProblemList } from "./statement-problems";
import { rowsToImport, type useStatementImport } from "./use-statement-import";

type Flow = ReturnType<typeof useStatementImport>;

const SOURCES = {
  request: "the columns you chose",
  saved: "the columns saved for this account",
  guessed: "the columns recognised in the file",
} as const;

/**
 * A statement's preview: the figures, the columns (CSV), every row's fate, and the import
 * button. Nothing is written until that button; the import then re-reads the same file with the
 * same columns and choices.
 */
export function ImportPreview({
  practice,
  flow,
  preview,
}: {
  practice: Practice;
  flow: Flow;
  preview: Preview;
}) {
  const lookups = useLedgerLookups(practice.id);
  const rules = useRules(practice.id);
  const ruleName = (id: string) => rules.data?.find((r) => r.id === id)?.name;
  const adding = rowsToImport(preview, flow.duplicates);
  const csv = preview.format === "csv";
  const pending = flow.busy !== null;

  return (
    <section aria-labelledby="preview-heading" className="flex flex-col gap-5 border-t border-slate-200 pt-5">
      <div className="flex flex-col gap-1">
        <h3 id="preview-heading" className="text-base font-semibold text-slate-900">
          Preview of {preview.fileName}
        </h3>
        <p className="text-sm text-slate-600">
          {preview.format.toUpperCase()} file
          {csv && preview.mappingSource ? `, read with ${SOURCES[preview.mappingSource]}` : ""}. Nothing has
          been imported yet.
        </p>
      </div>
      {!preview.ready ? (
        <ProblemList
          title="This file cannot be imported as it is"
          intro={
            preview.problems.length > 0
              ? "Fix these lines in the file, or choose other columns below, then try again."
              : preview.notes.join(" ") || "Choose the columns below."
          }
          problems={preview.problems}
          truncated={preview.problemsTruncated}
        />
      ) : (
        <PreviewSummary preview={preview} duplicates={flow.duplicates} timeZone={practice.timeZone} />
      )}
      {csv ? (
        <details open={!preview.ready} className="rounded-xl border border-slate-200 px-4 py-3">
          <summary className="cursor-pointer font-medium text-slate-900">
            Columns: check them, and fix them if the rows below look wrong
          </summary>
          <div className="pt-4">
            <MappingEditor
              key={JSON.stringify(preview.mapping)}
              preview={preview}
              pending={flow.busy === "preview"}
              onApply={flow.remap}
            />
          </div>
        </details>
      ) : null}
      {preview.ready && lookups.data ? (
        <PreviewTable
          practiceId={practice.id}
          preview={preview}
          lookups={lookups.data}
          ruleName={ruleName}
          duplicates={flow.duplicates}
          onDuplicates={flow.setDuplicates}
        />
      ) : null}
      <form
        className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end"
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending && preview.ready && adding > 0) void flow.commit();
        }}
      >
        <Button variant="secondary" onClick={flow.reset}>
          {adding > 0 && preview.ready ? "Cancel" : "Choose another file"}
        </Button>
        {preview.ready && adding > 0 ? (
          <SubmitButton
            pending={pending}
            pendingLabel={flow.busy === "commit" ? "Importing…" : "Reading the file…"}
          >
            Import {adding.toLocaleString("en-US")} transaction{adding === 1 ? "" : "s"}
          </SubmitButton>
        ) : null}
      </form>
    </section>
  );
}
