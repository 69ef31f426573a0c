import { type DragEvent, useId, useState } from "react";
import { buttonClasses } from "../../ui/button";
import { cx } from "../../ui/cx";
import type { LedgerAccount } from "../ledger/ledger-queries";
import { SelectField } from "../practice/fields";

const ACCEPT = ".csv,.ofx,.qfx,.txt,text/csv,application/x-ofx,application/vnd.intu.qfx";

type Props = {
  accounts: LedgerAccount[];
  accountId: string;
  file: File | null;
  onAccount: (accountId: string) => void;
  onFile: (file: File) => void;
};

function accountLabel(account: LedgerAccount): string {
  return account.last4 ? `${account.name} ··${account.last4}` : account.name;
}

/**
 * The account and the statement file. The file can be dropped on the box or picked with the
 * file input inside it, which is a real <input type="file">: Tab reaches it and Enter or Space
 * opens the browser's picker, so nothing here needs a mouse.
 */
export function StatementPicker({ accounts, accountId, file, onAccount, onFile }: Props) {
  const inputId = useId();
  const hintId = useId();
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,18rem)_1fr]">
      <SelectField
        label="Account"
        value={accountId}
        onChange={(event) => onAccount(event.target.value)}
        hint="The account the statement is for: its rows are added to it."
      >
        {accountId === "" ? <option value="">Choose an account</option> : null}
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>
            {accountLabel(a)}
          </option>
        ))}
      </SelectField>
      {/* Dropping is a pointer's shortcut; the file input inside does the same from the keyboard. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the drop target; the file input inside is the keyboard's way */}
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        className={cx(
          "flex flex-col items-center justify-center gap-3 rounded-xl border-2 border-dashed px-6 py-8 text-center",
          over ? "border-teal-600 bg-teal-50" : "border-slate-300 bg-slate-50/60",
        )}
      >
        <p className="font-medium text-slate-800">
          {file ? (
            <>
              <span className="sr-only">Chosen file: </span>
              {file.name}
            </>
          ) : (
            "Drop the statement file here"
          )}
        </p>
        <p id={hintId} className="text-sm text-slate-600">
          A CSV, OFX or QFX file downloaded from your bank, up to 50 MB. Nothing is imported before you check
          the preview.
        </p>
        <input
          id={inputId}
          type="file"
          accept={ACCEPT}
          aria-describedby={hintId}
          className="peer sr-only"
          onChange={(event) => {
            const picked = event.target.files?.[0];
            if (picked) onFile(picked);
            // The same file can be picked again after a change of columns or account.
            event.target.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className={cx(
            buttonClasses("secondary"),
            "cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-teal-700",
          )}
        >
          {file ? "Choose another statement file" : "Choose a statement file"}
        </label>
      </div>
    </div>
  );
}
