import { useEffect, useState } from "react";
import { Button } from "../../../ui/button";
import { Input } from "../../../ui/input";
import { SelectField } from "../../practice/fields";
import type { Classification, TransactionFilters } from "../ledger-queries";
import { CLASSIFICATION_LABELS, CLASSIFICATIONS } from "./labels";
import type { Lookups } from "./ledger-lookups";

const SEARCH_DELAY_MS = 300;

/** Drops the empty filters, so "no filter" and "filter cleared" are the same query. */
function compact(filters: TransactionFilters): TransactionFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""),
  ) as TransactionFilters;
}

export function hasFilters(filters: TransactionFilters): boolean {
  return Object.keys(compact(filters)).length > 0;
}

type Props = { value: TransactionFilters; onChange: (filters: TransactionFilters) => void; lookups: Lookups };

/**
 * The list's filters. A choice applies at once; the search text applies once typing pauses,
 * so each keystroke does not send a request.
 */
export function TransactionFiltersForm({ value, onChange, lookups }: Props) {
  const [search, setSearch] = useState(value.q ?? "");
  const apply = (change: TransactionFilters) => onChange(compact({ ...value, ...change }));

  useEffect(() => {
    if ((value.q ?? "") === search.trim()) return;
    const timer = window.setTimeout(() => onChange(compact({ ...value, q: search.trim() })), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [search, value, onChange]);

  const backwards = value.from && value.to && value.from > value.to;
  return (
    <search aria-label="Filter transactions">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          apply({ q: search.trim() });
        }}
        className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <Input
          label="Search"
          type="search"
          hint="Description, memo or vendor"
          value={search}
          maxLength={100}
          onChange={(event) => setSearch(event.target.value)}
        />
        <Input
          label="From"
          type="date"
          value={value.from ?? ""}
          onChange={(e) => apply({ from: e.target.value })}
        />
        <Input
          label="To"
          type="date"
          value={value.to ?? ""}
          onChange={(e) => apply({ to: e.target.value })}
          error={backwards ? "The end date is before the start date." : undefined}
        />
        <SelectField
          label="Classification"
          value={value.classification ?? ""}
          onChange={(e) =>
            apply({ classification: (e.target.value || undefined) as Classification | undefined })
          }
        >
          <option value="">All</option>
          {CLASSIFICATIONS.map((c) => (
            <option key={c} value={c}>
              {CLASSIFICATION_LABELS[c]}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Account"
          value={value.accountId ?? ""}
          onChange={(e) => apply({ accountId: e.target.value })}
        >
          <option value="">All accounts</option>
          {lookups.accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {lookups.accountName(a.id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Payer"
          value={value.payerId ?? ""}
          onChange={(e) => apply({ payerId: e.target.value })}
        >
          <option value="">All payers</option>
          {lookups.payers.map((p) => (
            <option key={p.id} value={p.id}>
              {lookups.payerName(p.id)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Category"
          value={value.categoryId ?? ""}
          onChange={(e) => apply({ categoryId: e.target.value })}
        >
          <option value="">All categories</option>
          {lookups.categories.map((c) => (
            <option key={c.id} value={c.id}>
              {lookups.categoryName(c.id)}
            </option>
          ))}
        </SelectField>
        <div className="flex items-end">
          <Button
            variant="secondary"
            className="h-11"
            disabled={!hasFilters(value) && search === ""}
            onClick={() => {
              setSearch("");
              onChange({});
            }}
          >
            Clear filters
          </Button>
        </div>
      </form>
    </search>
  );
}
