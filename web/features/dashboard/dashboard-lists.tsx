import type { ReactNode } from "react";
import { TextLink } from "../../ui/link";
import { formatAmount, formatBasisPoints, plural } from "../reports/report-format";
import { ShareBar } from "../reports/share-bar";
import type { Dashboard } from "./dashboard-queries";

function Panel({ title, link, children }: { title: string; link: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-4 rounded-xl border border-slate-200 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{title}</h3>
        <span className="text-sm">{link}</span>
      </div>
      {children}
    </section>
  );
}

/** Who paid the practice this year, largest first, with each payer's share. */
export function PayerMix({ dashboard, reportsUrl }: { dashboard: Dashboard; reportsUrl: string }) {
  return (
    <Panel
      title="Payer mix"
      link={<TextLink to={`${reportsUrl}&report=income-by-payer`}>Income by payer</TextLink>}
    >
      {dashboard.payerMix.length === 0 ? (
        <p className="text-sm text-slate-600">No income recorded this year yet.</p>
      ) : (
        <ul className="flex flex-col gap-3">
          {dashboard.payerMix.map((payer) => (
            <li key={payer.payerId ?? payer.name} className="flex flex-col gap-1.5 text-sm">
              <span className="flex items-baseline justify-between gap-3">
                <span className="min-w-0 truncate font-medium text-slate-900">{payer.name}</span>
                <span className="whitespace-nowrap text-slate-700 tabular-nums">
                  {formatAmount(payer.amountCents)} · {formatBasisPoints(payer.shareBasisPoints)}
                </span>
              </span>
              <ShareBar basisPoints={payer.shareBasisPoints} />
              <span className="text-xs text-slate-600">{plural(payer.count, "payment")}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

/** The largest deductible expense categories of the year. */
export function TopCategories({ dashboard, reportsUrl }: { dashboard: Dashboard; reportsUrl: string }) {
  return (
    <Panel
      title="Top expense categories"
      link={<TextLink to={`${reportsUrl}&report=expenses-by-category`}>Expenses by category</TextLink>}
    >
      {dashboard.topCategories.length === 0 ? (
        <p className="text-sm text-slate-600">No expenses recorded this year yet.</p>
      ) : (
        <ol className="flex flex-col divide-y divide-slate-100 text-sm">
          {dashboard.topCategories.map((category) => (
            <li
              key={`${category.source}-${category.categoryId ?? category.name}`}
              className="flex items-baseline justify-between gap-3 py-2 first:pt-0"
            >
              <span className="min-w-0">
                <span className="font-medium text-slate-900">{category.name}</span>
                <span className="block text-xs text-slate-600">Schedule C line {category.line}</span>
              </span>
              <span className="whitespace-nowrap text-slate-800 tabular-nums">
                {formatAmount(category.deductibleCents)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}
