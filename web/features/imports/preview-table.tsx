import { Badge } from "../../ui/badge";
import { formatSignedMoney } from "../ledger/money";
import { CLASSIFICATION_LABELS } from "../ledger/transactions/labels";
import type { Lookups } from "../ledger/transactions/ledger-lookups";
import { AUTO_MATCHES, DuplicateMatch } from "./duplicate-match";
import type { DuplicateChoices, Preview, PreviewRow } from "./import-types";

type Props = {
  practiceId: string;
  preview: Preview;
  lookups: Lookups;
  ruleName: (ruleId: string) => string | undefined;
  duplicates: DuplicateChoices;
  onDuplicates: (choices: DuplicateChoices) => void;
};

function Proposal({ row, lookups, ruleName }: { row: PreviewRow } & Pick<Props, "lookups" | "ruleName">) {
  if (row.status === "duplicate" || row.classification === null) return null;
  if (row.transferWith) {
    return (
      <span>
        Transfer with {lookups.accountName(row.transferWith.accountId)}
        <span className="block text-xs text-slate-600">
          Pairs with {row.transferWith.date} “{row.transferWith.description}”
        </span>
      </span>
    );
  }
  if (row.classification === "unreviewed") return <Badge tone="pending">To review in the inbox</Badge>;
  const party = row.payerId ? lookups.payerName(row.payerId) : lookups.categoryName(row.categoryId);
  const by =
    row.proposedBy === "rule"
      ? `by the rule “${(row.ruleId && ruleName(row.ruleId)) || "a rule"}”`
      : row.proposedBy === "estimated_tax"
        ? "an IRS estimated tax payment, by its wording"
        : null;
  return (
    <span>
      {CLASSIFICATION_LABELS[row.classification]}
      {party ? `: ${party}` : ""}
      {by ? <span className="block text-xs text-slate-600">{by}</span> : null}
    </span>
  );
}

/**
 * The file's rows as the import would take them: date, amount, the description as it will be
 * stored, and each row's fate. A probable duplicate is skipped unless its box is ticked; the
 * ledger row it looks like is shown beside it.
 */
export function PreviewTable({ practiceId, preview, lookups, ruleName, duplicates, onDuplicates }: Props) {
  const probable = preview.rows.filter((r) => r.status === "probable_duplicate");
  const autoMatch = new Set(probable.slice(0, AUTO_MATCHES).map((r) => r.line));
  const toggle = (line: number, on: boolean) => {
    const lines = new Set(duplicates.lines);
    if (on) lines.add(line);
    else lines.delete(line);
    onDuplicates({ includeAll: false, lines });
  };
  return (
    <div className="flex flex-col gap-3">
      {preview.totals.probableDuplicates > 0 ? (
        <label className="flex items-center gap-3 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-5 accent-teal-700"
            checked={duplicates.includeAll}
            onChange={(e) => onDuplicates({ includeAll: e.target.checked, lines: new Set() })}
          />
          Import every probable duplicate ({preview.totals.probableDuplicates}) too
        </label>
      ) : null}
      <div className="relative -mx-6 overflow-x-auto px-6">
        <table className="w-full min-w-[52rem] text-sm">
          <caption className="sr-only">The rows of {preview.fileName}, as they would be imported</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <th scope="col" className="pr-3 pb-2">
                Line
              </th>
              <th scope="col" className="pr-3 pb-2">
                Date
              </th>
              <th scope="col" className="pr-3 pb-2">
                Description
              </th>
              <th scope="col" className="pr-3 pb-2 text-right">
                Amount
              </th>
              <th scope="col" className="pr-3 pb-2">
                Import
              </th>
              <th scope="col" className="pb-2">
                Proposed classification
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {preview.rows.map((row) => {
              const chosen = duplicates.includeAll || duplicates.lines.has(row.line);
              return (
                <tr key={row.line} className={row.status === "duplicate" ? "text-slate-600" : undefined}>
                  <td className="py-2 pr-3 tabular-nums text-slate-600">{row.line}</td>
                  <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{row.date}</td>
                  <td className="py-2 pr-3">
                    {row.description}
                    {row.redacted ? (
                      <span className="block text-xs text-slate-600">
                        A client’s name was replaced by [client].
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-3 text-right whitespace-nowrap tabular-nums">
                    {formatSignedMoney(row.amountCents)}
                  </td>
                  <td className="py-2 pr-3">
                    {row.status === "new" ? (
                      row.inClosedYear ? (
                        <Badge tone="pending">New, in a closed year</Badge>
                      ) : (
                        <Badge tone="positive">New</Badge>
                      )
                    ) : null}
                    {row.status === "duplicate" ? (
                      <span>
                        Already in the ledger
                        <span className="block text-xs">
                          {row.duplicateReason === "bank_id"
                            ? "Same bank id"
                            : "Same date, amount and description"}
                        </span>
                      </span>
                    ) : null}
                    {row.status === "probable_duplicate" ? (
                      <div className="flex flex-col gap-1">
                        <label className="flex items-center gap-2 font-medium text-amber-900">
                          <input
                            type="checkbox"
                            className="size-4 accent-teal-700"
                            checked={chosen}
                            disabled={duplicates.includeAll}
                            onChange={(e) => toggle(row.line, e.target.checked)}
                          />
                          Probable duplicate: import anyway
                        </label>
                        {row.duplicateOf ? (
                          <DuplicateMatch
                            practiceId={practiceId}
                            transactionId={row.duplicateOf}
                            auto={autoMatch.has(row.line)}
                          />
                        ) : null}
                      </div>
                    ) : null}
                  </td>
                  <td className="py-2">
                    {row.status === "probable_duplicate" && !chosen ? (
                      <span className="text-slate-600">Skipped unless ticked</span>
                    ) : (
                      <Proposal row={row} lookups={lookups} ruleName={ruleName} />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {preview.rowsOmitted > 0 ? (
        <p className="text-sm text-slate-600">
          The first {preview.rows.length.toLocaleString("en-US")} rows are shown;{" "}
          {preview.rowsOmitted.toLocaleString("en-US")} more are counted in the figures above and imported
          with them.
        </p>
      ) : null}
    </div>
  );
}
