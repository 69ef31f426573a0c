import type { KeyboardEvent, Ref } from "react";
import type { Transaction } from "../ledger/ledger-queries";
import { formatSignedMoney } from "../ledger/money";
import type { Lookups } from "../ledger/transactions/ledger-lookups";

type Props = {
  rows: Transaction[];
  lookups: Lookups;
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void;
  ref?: Ref<HTMLDivElement>;
};

/**
 * The unreviewed transactions with a checkbox each. The row of the focused checkbox is the
 * current row (highlighted); the shortcuts of the page act on it and on the selection.
 */
export function InboxTable({ rows, lookups, selected, onToggle, onToggleAll, onKeyDown, ref }: Props) {
  const all = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const some = !all && rows.some((r) => selected.has(r.id));
  return (
    // The keys are handled where they happen: on the checkboxes inside this wrapper.
    // biome-ignore lint/a11y/noStaticElementInteractions: the keyboard events bubble up from the row checkboxes
    <div ref={ref} onKeyDown={onKeyDown} className="relative -mx-6 overflow-x-auto px-6">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Transactions to review, newest first</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <th scope="col" className="w-10 pb-2">
              <input
                type="checkbox"
                aria-label="Select all shown"
                className="size-5 accent-teal-700"
                checked={all}
                ref={(node) => {
                  if (node) node.indeterminate = some;
                }}
                onChange={onToggleAll}
              />
            </th>
            <th scope="col" className="pr-3 pb-2">
              Date
            </th>
            <th scope="col" className="pr-3 pb-2">
              Description
            </th>
            <th scope="col" className="pr-3 pb-2">
              Account
            </th>
            <th scope="col" className="pb-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((t, index) => {
            const amount = formatSignedMoney(t.amountCents);
            return (
              <tr
                key={t.id}
                data-row-index={index}
                className="focus-within:bg-teal-50 has-[:checked]:bg-slate-50 focus-within:has-[:checked]:bg-teal-50"
              >
                <td className="py-2">
                  <input
                    type="checkbox"
                    aria-label={`Select ${t.date} ${t.description} ${amount}`}
                    className="size-5 accent-teal-700"
                    checked={selected.has(t.id)}
                    onChange={() => onToggle(t.id)}
                  />
                </td>
                <td className="py-2 pr-3 whitespace-nowrap tabular-nums">{t.date}</td>
                <td className="py-2 pr-3">
                  {t.description}
                  {t.memo ? <span className="block text-xs text-slate-600 italic">{t.memo}</span> : null}
                </td>
                <td className="py-2 pr-3">{lookups.accountName(t.accountId)}</td>
                <td className="py-2 text-right whitespace-nowrap tabular-nums">{amount}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
