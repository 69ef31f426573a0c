import { useRef, useState } from "react";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { EmptyState, ErrorNotice, LoadingState } from "../practice/feedback";
import { formatDayAndTime } from "../practice/format-time";
import { useImportHistory } from "./import-queries";
import type { ImportBatch } from "./import-types";
import { UndoDialog } from "./undo-dialog";

const FORMAT_LABELS: Record<ImportBatch["format"], string> = { csv: "CSV", ofx: "OFX", qfx: "QFX" };

function Counts({ batch }: { batch: ImportBatch }) {
  const bits = [
    `${batch.importedCount} added`,
    batch.duplicateCount > 0 ? `${batch.duplicateCount} skipped` : null,
    batch.ruleClassifiedCount > 0 ? `${batch.ruleClassifiedCount} by rules` : null,
    batch.transferCount > 0 ? `${batch.transferCount} transfers` : null,
  ].filter(Boolean);
  return <>{bits.join(" · ")}</>;
}

/**
 * Every import of the practice, newest first, each with its file, account, counts, who and when,
 * and an Undo that removes exactly what it added.
 */
export function ImportHistory(props: {
  practiceId: string;
  timeZone: string;
  onChanged: (m: string) => void;
}) {
  const { practiceId, timeZone, onChanged } = props;
  const history = useImportHistory(practiceId);
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const heading = useRef<HTMLParagraphElement>(null);

  if (history.isError) return <ErrorNotice error={history.error} />;
  if (!history.data) return <LoadingState label="Loading the imports…" />;
  if (history.data.length === 0) {
    return (
      <EmptyState title="No imports yet.">
        <p>
          Choose an account and drop its statement above: download it from your bank’s website as CSV, OFX or
          QFX. Each import is listed here, and can be undone.
        </p>
      </EmptyState>
    );
  }

  const close = () => {
    setUndoing(null);
    requestAnimationFrame(() => (opener.current?.isConnected ? opener.current : heading.current)?.focus());
  };

  return (
    <div className="flex flex-col gap-3">
      <p ref={heading} tabIndex={-1} className="text-sm text-slate-600 focus:outline-none">
        {history.data.length} import{history.data.length === 1 ? "" : "s"}, newest first.
      </p>
      <div className="relative -mx-6 overflow-x-auto px-6">
        <table className="w-full min-w-[44rem] text-sm">
          <caption className="sr-only">Statement imports, newest first</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <th scope="col" className="pr-3 pb-2">
                File
              </th>
              <th scope="col" className="pr-3 pb-2">
                Account
              </th>
              <th scope="col" className="pr-3 pb-2">
                Rows
              </th>
              <th scope="col" className="pr-3 pb-2">
                Imported
              </th>
              <th scope="col" className="pb-2 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {history.data.map((batch) => (
              <tr key={batch.id}>
                <td className="py-2 pr-3">
                  <span className="font-medium text-slate-900">{batch.fileName}</span>{" "}
                  <span className="text-xs text-slate-600">{FORMAT_LABELS[batch.format]}</span>
                </td>
                <td className="py-2 pr-3">{batch.accountName}</td>
                <td className="py-2 pr-3">
                  <Counts batch={batch} />
                </td>
                <td className="py-2 pr-3">
                  {formatDayAndTime(batch.createdAt, timeZone)}
                  {batch.createdByEmail ? (
                    <span className="block text-xs text-slate-600">by {batch.createdByEmail}</span>
                  ) : null}
                </td>
                <td className="py-2 text-right">
                  {batch.undoneAt ? (
                    <span className="inline-flex flex-col items-end gap-0.5">
                      <Badge>Undone</Badge>
                      <span className="text-xs text-slate-600">
                        {formatDayAndTime(batch.undoneAt, timeZone)}
                        {batch.undoneByEmail ? ` by ${batch.undoneByEmail}` : ""}
                      </span>
                    </span>
                  ) : (
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Undo the import of ${batch.fileName} into ${batch.accountName}`}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        setUndoing(batch);
                      }}
                    >
                      Undo
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <UndoDialog
        practiceId={practiceId}
        batch={undoing}
        onClose={close}
        onUndone={(message) => {
          onChanged(message);
          close();
        }}
      />
    </div>
  );
}
