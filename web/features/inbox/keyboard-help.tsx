import { CLASSIFICATION_LABELS } from "../ledger/transactions/labels";
import { CLASSIFY_KEYS } from "./inbox-keys";

const Key = ({ children }: { children: string }) => (
  <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-800 shadow-sm">
    {children}
  </kbd>
);

/** The inbox's shortcuts, always on the page: nothing here is hidden behind a "?" key. */
export function KeyboardHelp({ id }: { id: string }) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-title`}
      className="rounded-xl border border-slate-200 p-4 text-sm text-slate-700"
    >
      <h3 id={`${id}-title`} className="font-semibold text-slate-900">
        Keyboard shortcuts
      </h3>
      <p className="mt-1">
        With the focus on a row’s checkbox: <Key>j</Key> or <Key>↓</Key> next row, <Key>k</Key> or{" "}
        <Key>↑</Key> previous row, <Key>x</Key> or <Key>Space</Key> select the row, <Key>a</Key> select all or
        none. Then a letter picks the classification for the selected rows (or the current row when none is
        selected) and moves you to the next choice:
      </p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {CLASSIFY_KEYS.map(({ key, classification }) => (
          <li key={key}>
            <Key>{key}</Key> {CLASSIFICATION_LABELS[classification]}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        Every control is also reachable with <Key>Tab</Key>, and <Key>Enter</Key> on the Classify button
        applies the choice.
      </p>
    </section>
  );
}
