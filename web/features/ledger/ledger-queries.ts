import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { requireBody } from "../practice/api-result";

type JsonOf<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer Body } } } };
}
  ? Body
  : never;

export type LedgerAccount = JsonOf<"/practices/{practiceId}/accounts">["accounts"][number];
export type Payer = components["schemas"]["Payer"];
export type Category = components["schemas"]["Category"];
export type Transaction = components["schemas"]["Transaction"];
export type Classification = Transaction["classification"];
export type IncomeMethod = NonNullable<Transaction["method"]>;
export type LockableField = Transaction["lockedFields"][number];
export type TransactionAuditEntry = components["schemas"]["TransactionAuditEntry"];

/** The list filters of GET /practices/{practiceId}/transactions, minus paging. */
export type TransactionFilters = {
  from?: string;
  to?: string;
  accountId?: string;
  payerId?: string;
  categoryId?: string;
  classification?: Classification;
  q?: string;
};

/** `includeArchived` lists archived rows too; active-only lists are what pickers offer. */
export type ListOptions = { includeArchived?: boolean };

/**
 * Query keys. Everything in the ledger sits under ["practices", id, "ledger"], so invalidating
 * that prefix refreshes every ledger list of the practice; each list has a prefix of its own
 * (e.g. ledgerKeys.accounts(id)) that covers both its active-only and with-archived variants.
 */
export const ledgerKeys = {
  all: (practiceId: string) => ["practices", practiceId, "ledger"] as const,
  accounts: (practiceId: string) => ["practices", practiceId, "ledger", "accounts"] as const,
  payers: (practiceId: string) => ["practices", practiceId, "ledger", "payers"] as const,
  categories: (practiceId: string) => ["practices", practiceId, "ledger", "categories"] as const,
  transactions: (practiceId: string) => ["practices", practiceId, "ledger", "transactions"] as const,
  transactionList: (practiceId: string, filters: TransactionFilters) =>
    ["practices", practiceId, "ledger", "transactions", "list", filters] as const,
  transactionAudit: (practiceId: string, transactionId: string) =>
    ["practices", practiceId, "ledger", "transactions", "audit", transactionId] as const,
};

const archivedQuery = (options: ListOptions) =>
  options.includeArchived ? { includeArchived: "true" as const } : {};

export function useAccounts(practiceId: string, options: ListOptions = {}) {
  return useQuery({
    queryKey: [...ledgerKeys.accounts(practiceId), { archived: options.includeArchived === true }],
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/accounts", {
          params: { path: { practiceId }, query: archivedQuery(options) },
        }),
      ).accounts,
  });
}

export function usePayers(practiceId: string, options: ListOptions = {}) {
  return useQuery({
    queryKey: [...ledgerKeys.payers(practiceId), { archived: options.includeArchived === true }],
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/payers", {
          params: { path: { practiceId }, query: archivedQuery(options) },
        }),
      ).payers,
  });
}

export function useCategories(practiceId: string, options: ListOptions = {}) {
  return useQuery({
    queryKey: [...ledgerKeys.categories(practiceId), { archived: options.includeArchived === true }],
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/categories", {
          params: { path: { practiceId }, query: archivedQuery(options) },
        }),
      ).categories,
  });
}

const PAGE_SIZE = 50;

/**
 * The transactions matching `filters`, newest first, a page at a time: `fetchNextPage` follows
 * the API's keyset cursor. While new filters load, the previous rows stay on screen.
 */
export function useTransactions(practiceId: string, filters: TransactionFilters) {
  return useInfiniteQuery({
    queryKey: ledgerKeys.transactionList(practiceId, filters),
    queryFn: async ({ pageParam }) =>
      requireBody(
        await api.GET("/practices/{practiceId}/transactions", {
          params: {
            path: { practiceId },
            query: { ...filters, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** The change history of one transaction (`audit.read`: Owners and Admins). */
export function useTransactionAudit(practiceId: string, transactionId: string, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.transactionAudit(practiceId, transactionId),
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/transactions/{transactionId}/audit", {
          params: { path: { practiceId, transactionId } },
        }),
      ),
    enabled,
  });
}
