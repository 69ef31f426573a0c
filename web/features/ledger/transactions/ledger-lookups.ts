import { useMemo } from "react";
import {
  type Category,
  type LedgerAccount,
  type Payer,
  useAccounts,
  useCategories,
  usePayers,
} from "../ledger-queries";

type Named = { id: string; name: string; archivedAt: string | null };

export type Lookups = {
  accounts: LedgerAccount[];
  payers: Payer[];
  categories: Category[];
  accountName: (id: string) => string;
  payerName: (id: string | null) => string;
  categoryName: (id: string | null) => string;
};

function namer(rows: readonly Named[], missing: string) {
  const names = new Map(rows.map((r) => [r.id, r.archivedAt ? `${r.name} (archived)` : r.name]));
  return (id: string | null) => (id === null ? "" : (names.get(id) ?? missing));
}

/**
 * The accounts, payers and categories a transaction names, archived ones included: an old
 * transaction still shows the payer it was paid by. Pickers offer only active ones (see
 * `pickable`). `status` is the worst of the three queries.
 */
export function useLedgerLookups(practiceId: string) {
  const accounts = useAccounts(practiceId, { includeArchived: true });
  const payers = usePayers(practiceId, { includeArchived: true });
  const categories = useCategories(practiceId, { includeArchived: true });
  const data = useMemo((): Lookups | undefined => {
    if (!accounts.data || !payers.data || !categories.data) return undefined;
    return {
      accounts: accounts.data,
      payers: payers.data,
      categories: categories.data,
      accountName: namer(accounts.data, "Unknown account") as (id: string) => string,
      payerName: namer(payers.data, "Unknown payer"),
      categoryName: namer(categories.data, "Unknown category"),
    };
  }, [accounts.data, payers.data, categories.data]);
  const error = accounts.error ?? payers.error ?? categories.error;
  return { data, error, isPending: !data && !error };
}

/** What a picker offers: the active rows, plus the archived one already chosen, if any. */
export function pickable<T extends Named>(rows: readonly T[], chosen: string): T[] {
  return rows.filter((r) => r.archivedAt === null || r.id === chosen);
}
