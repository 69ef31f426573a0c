import { looksLikePersonName } from "@domain/ledger/person-name";
import { Badge } from "../../../ui/badge";
import { Button } from "../../../ui/button";
import { cx } from "../../../ui/cx";
import { ErrorNotice } from "../../practice/feedback";
import type { Payer } from "../ledger-queries";
import { formatMoney } from "../money";
import { PAYER_KIND_LABELS } from "./payer-kinds";
import { useUpdatePayer } from "./payer-mutations";

export type PayerActions = {
  onEdit: (payer: Payer) => void;
  onRates: (payer: Payer) => void;
  onDelete: (payer: Payer) => void;
  onReviewName: (payer: Payer) => void;
  onChanged: (message: string) => void;
};

function Rates({ payer }: { payer: Payer }) {
  if (payer.rates.length === 0) return <span className="text-slate-500">None recorded</span>;
  return (
    <ul className="flex flex-col gap-0.5">
      {payer.rates.map((rate) => (
        <li key={rate.serviceCode} className="whitespace-nowrap tabular-nums">
          <span className="font-medium text-slate-800">{rate.serviceCode}</span>
          <span aria-hidden="true"> · </span>
          <span className="sr-only">: </span>
          {formatMoney(rate.rateCents)}
        </li>
      ))}
    </ul>
  );
}

function RowActions({
  practiceId,
  payer,
  actions,
}: {
  practiceId: string;
  payer: Payer;
  actions: PayerActions;
}) {
  const update = useUpdatePayer(practiceId);
  const archived = payer.archivedAt !== null;
  const toggleArchive = () => {
    if (update.isPending) return;
    update.mutate(
      { payerId: payer.id, changes: { archived: !archived } },
      {
        onSuccess: () =>
          actions.onChanged(
            archived
              ? `${payer.name} restored. It is offered for new income again.`
              : `${payer.name} archived. Its transactions keep it; new income cannot use it.`,
          ),
      },
    );
  };
  const named = <span className="sr-only"> {payer.name}</span>;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" size="sm" onClick={() => actions.onEdit(payer)}>
          Edit{named}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => actions.onRates(payer)}>
          Rates<span className="sr-only"> of {payer.name}</span>
        </Button>
        <Button
          variant="secondary"
          size="sm"
          onClick={toggleArchive}
          aria-disabled={update.isPending || undefined}
        >
          {archived ? "Restore" : "Archive"}
          {named}
        </Button>
        <Button variant="ghost" size="sm" onClick={() => actions.onDelete(payer)}>
          Delete{named}
        </Button>
      </div>
      <ErrorNotice error={update.error} className="text-left" />
    </div>
  );
}

type PayersTableProps = { practiceId: string; payers: Payer[]; manages: boolean; actions: PayerActions };

/** Payers, archived ones last, with their type, contracted rates and how many transactions name each. */
export function PayersTable({ practiceId, payers, manages, actions }: PayersTableProps) {
  const sorted = [...payers].sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null));
  return (
    <div className="relative -mx-6 overflow-x-auto px-6">
      <table className="w-full min-w-[46rem] text-sm">
        <caption className="sr-only">Payers, their types and contracted rates</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <th scope="col" className="pr-4 pb-3">
              Payer
            </th>
            <th scope="col" className="pr-4 pb-3">
              Type
            </th>
            <th scope="col" className="pr-4 pb-3">
              Contracted rates
            </th>
            <th scope="col" className="pr-4 pb-3 text-right">
              Transactions
            </th>
            {manages ? (
              <th scope="col" className="pb-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {sorted.map((payer) => {
            const archived = payer.archivedAt !== null;
            const personLike = looksLikePersonName(payer.name);
            return (
              <tr key={payer.id} className={cx("align-top", archived && "text-slate-600")}>
                <th scope="row" className="py-4 pr-4 text-left font-normal">
                  <span className="flex flex-wrap items-center gap-2">
                    <span
                      className={cx(
                        "font-medium break-words",
                        archived ? "text-slate-700" : "text-slate-900",
                      )}
                    >
                      {payer.name}
                    </span>
                    {archived ? <Badge>Archived</Badge> : null}
                    {personLike ? <Badge tone="pending">Looks like a person’s name</Badge> : null}
                  </span>
                  {personLike && manages ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      className="mt-1 -ml-3"
                      onClick={() => actions.onReviewName(payer)}
                    >
                      Review the name<span className="sr-only"> {payer.name}</span>
                    </Button>
                  ) : null}
                </th>
                <td className="py-4 pr-4 whitespace-nowrap">{PAYER_KIND_LABELS[payer.kind]}</td>
                <td className="py-4 pr-4">
                  <Rates payer={payer} />
                </td>
                <td className="py-4 pr-4 text-right tabular-nums">{payer.transactionCount}</td>
                {manages ? (
                  <td className="py-3">
                    <RowActions practiceId={practiceId} payer={payer} actions={actions} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
