import { Alert } from "../../ui/alert";
import { TextLink } from "../../ui/link";
import type { Committed } from "./import-types";

const plural = (n: number, one: string) => `${n.toLocaleString("en-US")} ${one}${n === 1 ? "" : "s"}`;

/** What an import did, with the way to the inbox when rows are left to review. */
export function ImportResult({ committed, practiceId }: { committed: Committed; practiceId: string }) {
  const { import: batch, totals } = committed;
  if (batch.importedCount === 0) {
    return (
      <Alert tone="info" title={`Nothing was added from ${batch.fileName}`}>
        Every row of the file is already in {batch.accountName}.
      </Alert>
    );
  }
  const classified = totals.ruleClassified + totals.transfers + totals.estimatedTax;
  return (
    <Alert
      tone="success"
      title={`Imported ${plural(batch.importedCount, "transaction")} into ${batch.accountName}`}
    >
      <p>
        {classified > 0
          ? `${classified.toLocaleString("en-US")} ${classified === 1 ? "was" : "were"} classified for you`
          : "None was classified by a rule"}
        {totals.unreviewed > 0 ? `; ${plural(totals.unreviewed, "transaction")} wait in the inbox` : ""}.
        {batch.duplicateCount > 0
          ? ` ${plural(batch.duplicateCount, "row")} already in the ledger were skipped.`
          : ""}
        {committed.mappingSaved ? " The columns are remembered for this account’s next statement." : ""}
      </p>
      {totals.unreviewed > 0 ? (
        <p className="mt-1">
          <TextLink to={`/practices/${practiceId}/inbox`}>Review them in the inbox</TextLink>
        </p>
      ) : null}
    </Alert>
  );
}
