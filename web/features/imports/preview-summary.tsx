import { Alert } from "../../ui/alert";
import { formatCalendarDate } from "../../ui/format-date";
import { formatSignedMoney } from "../ledger/money";
import { formatDay } from "../practice/format-time";
import type { DuplicateChoices, Preview } from "./import-types";
import { rowsToImport } from "./use-statement-import";

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex flex-col gap-0.5 rounded-lg bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="text-base font-semibold text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

/** What the import would do, in figures, with the notes and warnings that come with the file. */
export function PreviewSummary(props: { preview: Preview; duplicates: DuplicateChoices; timeZone: string }) {
  const { preview, duplicates, timeZone } = props;
  const { totals, statement } = preview;
  const adding = rowsToImport(preview, duplicates);
  const classified = totals.ruleClassified + totals.transfers + totals.estimatedTax;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <Figure label="Rows in the file" value={totals.rows.toLocaleString("en-US")} />
        <Figure label="To import" value={adding.toLocaleString("en-US")} />
        <Figure label="Already in the ledger" value={totals.duplicates.toLocaleString("en-US")} />
        <Figure label="Probable duplicates" value={totals.probableDuplicates.toLocaleString("en-US")} />
        <Figure label="Classified for you" value={classified.toLocaleString("en-US")} />
        <Figure label="Net of new rows" value={formatSignedMoney(totals.amountCents)} />
      </dl>
      {statement ? (
        <p className="text-sm text-slate-600">
          {statement.kind === "credit_card" ? "Card statement" : "Bank statement"}
          {statement.accountLast4 ? ` for the account ending ${statement.accountLast4}` : ""}
          {statement.startDate && statement.endDate
            ? `, ${formatCalendarDate(statement.startDate)} to ${formatCalendarDate(statement.endDate)}`
            : ""}
          {statement.ledgerBalance
            ? `; the bank’s balance was ${formatSignedMoney(statement.ledgerBalance.amountCents)} on ${formatCalendarDate(statement.ledgerBalance.asOf.slice(0, 10))}`
            : ""}
          .
        </p>
      ) : null}
      {preview.notes.length > 0 ? (
        <Alert tone="info" live="none" title="How the file was read">
          <ul className="list-disc pl-5">
            {preview.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {preview.sameFileImportedAt.length > 0 ? (
        <Alert tone="warning" live="none" title="This file was imported before">
          This very file went into this account on{" "}
          {preview.sameFileImportedAt.map((at) => formatDay(at, timeZone)).join(", ")}. Its rows already there
          are skipped as duplicates.
        </Alert>
      ) : null}
      {totals.closedYearRows > 0 ? (
        <Alert tone="warning" live="none" title="Rows in a closed year">
          {plural(totals.closedYearRows, "row")} fall in {totals.closedYears.join(" and ")}, which{" "}
          {totals.closedYears.length === 1 ? "is" : "are"} closed, so the import would be refused. Export the
          statement without those dates, or have an Owner or Admin reopen the year.
        </Alert>
      ) : null}
      {adding === 0 && totals.rows > 0 ? (
        <Alert tone="info" live="none" title="Nothing new to import">
          Every row of this file is already in the ledger
          {totals.probableDuplicates > 0
            ? ", or looks like a row that is: tick the ones to import anyway"
            : ""}
          .
        </Alert>
      ) : null}
    </div>
  );
}

export { plural };
