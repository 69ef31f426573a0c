import { LockIcon } from "../../../ui/app-icons";
import { Badge, type BadgeTone } from "../../../ui/badge";
import { Button } from "../../../ui/button";
import { cx } from "../../../ui/cx";
import { formatCalendarDate } from "../../../ui/format-date";
import type { Classification, Transaction } from "../ledger-queries";
import { formatMoney, formatSignedMoney } from "../money";
import { CLASSIFICATION_LABELS, LOCK_LABELS, METHOD_LABELS } from "./labels";
import type { Lookups } from "./ledger-lookups";

export type RowAction = "edit" | "split" | "audit" | "delete";

const TONE: Partial<Record<Classification, BadgeTone>> = {
  income: "positive",
  unreviewed: "pending",
};

/** A line a person recognises: what they typed, else the vendor, else what the bank said. */
export function titleOf(t: Transaction, lookups: Lookups): string {
  const party = t.classification === "income" && t.payerId ? lookups.payerName(t.payerId) : (t.vendor ?? "");
  return t.description || party || CLASSIFICATION_LABELS[t.classification];
}

function Parts({ t, lookups }: { t: Transaction; lookups: Lookups }) {
  if (t.splits.length === 0) {
    const name = t.payerId ? lookups.payerName(t.payerId) : lookups.categoryName(t.categoryId);
    return name ? <span className="text-slate-800">{name}</span> : <span className="text-slate-500">—</span>;
  }
  const what = t.classification === "income" ? "payers" : "categories";
  return (
    <div>
      <span className="text-xs font-semibold text-slate-600">
        Split across {t.splits.length} {what}
      </span>
      <ul className="mt-1 flex flex-col gap-0.5">
        {t.splits.map((s) => (
          <li key={s.id} className="flex justify-between gap-3">
            <span className="text-slate-800">
              {s.payerId ? lookups.payerName(s.payerId) : lookups.categoryName(s.categoryId)}
            </span>
            <span className="tabular-nums text-slate-700">{formatSignedMoney(s.amountCents)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Details({ t }: { t: Transaction }) {
  const bits = [
    t.vendor && t.description ? t.vendor : null,
    t.method ? METHOD_LABELS[t.method] : null,
    t.sessionsCount !== null ? `${t.sessionsCount} session${t.sessionsCount === 1 ? "" : "s"}` : null,
    t.processorFeeCents ? `fee ${formatMoney(t.processorFeeCents)}` : null,
    t.source !== "manual" ? (t.source === "bank" ? "from bank sync" : "imported") : null,
  ].filter(Boolean);
  return (
    <>
      {bits.length > 0 ? <span className="block text-xs text-slate-600">{bits.join(" · ")}</span> : null}
      {t.memo ? <span className="block text-xs text-slate-600 italic">{t.memo}</span> : null}
    </>
  );
}

function Locks({ t }: { t: Transaction }) {
  if (t.lockedFields.length === 0) return null;
  const names = t.lockedFields.map((f) => LOCK_LABELS[f].toLowerCase()).join(", ");
  const text = `Kept as entered; rules and bank sync leave these alone: ${names}.`;
  return (
    <span title={text} className="ml-1.5 inline-flex align-middle text-slate-400">
      <LockIcon className="size-3.5" aria-hidden="true" />
      <span className="sr-only">{text}</span>
    </span>
  );
}

type RowProps = {
  t: Transaction;
  lookups: Lookups;
  canWrite: boolean;
  canAudit: boolean;
  onAction: (action: RowAction, t: Transaction) => void;
};

/** One transaction: its date, what it was, where, its class, who or what for, and how much. */
export function TransactionRow({ t, lookups, canWrite, canAudit, onAction }: RowProps) {
  const title = titleOf(t, lookups);
  const splittable = t.classification === "income" || t.classification === "expense";
  const context = (
    <span className="sr-only">
      : {title}, {formatCalendarDate(t.date)}
    </span>
  );
  return (
    <tr className="align-top">
      <td className="py-3 pr-4 whitespace-nowrap text-slate-700">
        <time dateTime={t.date}>{formatCalendarDate(t.date)}</time>
      </td>
      <th scope="row" className="max-w-[18rem] py-3 pr-4 text-left font-normal">
        <span className="font-medium break-words text-slate-900">{title}</span>
        <Locks t={t} />
        <Details t={t} />
      </th>
      <td className="py-3 pr-4 text-slate-700">{lookups.accountName(t.accountId)}</td>
      <td className="py-3 pr-4">
        <Badge tone={TONE[t.classification] ?? "neutral"}>{CLASSIFICATION_LABELS[t.classification]}</Badge>
      </td>
      <td className="min-w-[10rem] py-3 pr-4">
        <Parts t={t} lookups={lookups} />
      </td>
      <td
        className={cx(
          "py-3 pr-4 text-right font-semibold whitespace-nowrap tabular-nums",
          t.amountCents > 0 ? "text-teal-800" : "text-slate-900",
        )}
      >
        {formatSignedMoney(t.amountCents)}
        <span className="block text-xs font-normal text-slate-600">
          {t.amountCents < 0 ? "money out" : "money in"}
        </span>
      </td>
      <td className="py-2 text-right">
        <div className="flex justify-end gap-1">
          {canWrite ? (
            <Button variant="ghost" size="sm" onClick={() => onAction("edit", t)}>
              {t.classification === "unreviewed" ? "Classify" : "Edit"}
              {context}
            </Button>
          ) : null}
          {canWrite && splittable ? (
            <Button variant="ghost" size="sm" onClick={() => onAction("split", t)}>
              Split{context}
            </Button>
          ) : null}
          {canAudit ? (
            <Button variant="ghost" size="sm" onClick={() => onAction("audit", t)}>
              History{context}
            </Button>
          ) : null}
          {canWrite ? (
            <Button variant="ghost" size="sm" onClick={() => onAction("delete", t)}>
              Delete{context}
            </Button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
