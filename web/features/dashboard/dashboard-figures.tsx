import { Link } from "react-router";
import { cx } from "../../ui/cx";
import { ArrowRightIcon } from "../../ui/icons";
import { TextLink } from "../../ui/link";
import { formatMoney } from "../ledger/money";
import { formatAmount, plural } from "../reports/report-format";
import type { Dashboard, SetAside } from "./dashboard-queries";

const CARD = "flex min-w-0 flex-col gap-1 rounded-xl border px-5 py-4";

function Figure({
  term,
  cents,
  note,
  emphasis,
}: {
  term: string;
  cents: number;
  note?: string;
  emphasis?: boolean;
}) {
  return (
    <div className={cx(CARD, emphasis ? "border-teal-200 bg-teal-50/60" : "border-slate-200 bg-white")}>
      <dt className="text-sm text-slate-600">{term}</dt>
      <dd className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
        {formatAmount(cents)}
      </dd>
      {note ? <dd className="text-sm text-slate-600">{note}</dd> : null}
    </div>
  );
}

/** What to keep aside for tax, or why there is no figure (not the Owner, no profile, no figures). */
function SetAsideFigure({ setAside, practiceId }: { setAside: SetAside; practiceId: string }) {
  const figures = setAside.figures;
  if (setAside.status === "computed" && figures) {
    const paid = figures.withholdingCents + figures.paymentsCents;
    return (
      <div className={cx(CARD, "border-amber-200 bg-amber-50/60")}>
        <dt className="text-sm text-slate-700">Tax to set aside</dt>
        <dd className="text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
          {formatAmount(figures.setAsideCents)}
        </dd>
        <dd className="text-sm text-slate-700">
          {formatMoney(figures.totalTaxCents)} estimated tax on the profit so far, less {formatMoney(paid)}{" "}
          withheld and paid. <TextLink to={`/practices/${practiceId}/tax`}>Open the tax planner</TextLink>
        </dd>
      </div>
    );
  }
  return (
    <div className={cx(CARD, "border-slate-200 bg-slate-50/60")}>
      <dt className="text-sm text-slate-600">Tax to set aside</dt>
      <dd className="text-sm text-slate-700">
        {setAside.message}
        {setAside.status === "no_profile" ? (
          <>
            {" "}
            <TextLink to={`/practices/${practiceId}/tax`}>Fill in your tax profile</TextLink>
          </>
        ) : null}
      </dd>
    </div>
  );
}

/** The year-to-date totals, the set-aside and the review inbox. */
export function DashboardFigures({ dashboard, practiceId }: { dashboard: Dashboard; practiceId: string }) {
  const { totals, unreviewed } = dashboard;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure term="Income" cents={totals.incomeCents} note="Gross receipts" />
        <Figure term="Expenses" cents={totals.expensesCents} note="Deductible expenses" />
        <Figure term="Profit" cents={totals.profitCents} note="Before tax" emphasis />
        <SetAsideFigure setAside={dashboard.setAside} practiceId={practiceId} />
      </dl>
      {unreviewed.count > 0 ? (
        <Link
          to={`/practices/${practiceId}/inbox`}
          className="flex items-center justify-between gap-3 rounded-xl border border-amber-200 bg-amber-50 px-5 py-3 text-sm font-semibold text-amber-950 hover:bg-amber-100"
        >
          <span>
            {plural(unreviewed.count, "transaction")} waiting for review
            <span className="block text-sm font-normal text-amber-900">
              They are left out of these figures until they are classified.
            </span>
          </span>
          <ArrowRightIcon className="size-5 shrink-0" />
        </Link>
      ) : (
        <p className="text-sm text-slate-600">
          Nothing is waiting for review: every transaction is classified.
        </p>
      )}
    </div>
  );
}
