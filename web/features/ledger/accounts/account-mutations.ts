import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { requireBody, requireSuccess } from "../../practice/api-result";
import { ledgerKeys } from "../ledger-queries";
import type { AccountKind } from "./account-kinds";

export type AccountInput = {
  name: string;
  kind: AccountKind;
  last4?: string | null;
  openingBalanceCents?: number;
};

export type AccountPatch = Partial<AccountInput> & { archived?: boolean };

/** Account names and balances show in the transactions list too, so both are refreshed. */
function useRefreshAccounts(practiceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.accounts(practiceId) }),
      queryClient.invalidateQueries({ queryKey: ledgerKeys.transactions(practiceId) }),
    ]);
}

export function useCreateAccount(practiceId: string) {
  const refresh = useRefreshAccounts(practiceId);
  return useMutation({
    mutationFn: async (input: AccountInput) =>
      requireBody(
        await api.POST("/practices/{practiceId}/accounts", { params: { path: { practiceId } }, body: input }),
      ).account,
    onSuccess: refresh,
  });
}

export function useUpdateAccount(practiceId: string) {
  const refresh = useRefreshAccounts(practiceId);
  return useMutation({
    mutationFn: async ({ accountId, changes }: { accountId: string; changes: AccountPatch }) =>
      requireBody(
        await api.PATCH("/practices/{practiceId}/accounts/{accountId}", {
          params: { path: { practiceId, accountId } },
          body: changes,
        }),
      ).account,
    onSuccess: refresh,
  });
}

export function useDeleteAccount(practiceId: string) {
  const refresh = useRefreshAccounts(practiceId);
  return useMutation({
    mutationFn: async (accountId: string) =>
      requireSuccess(
        await api.DELETE("/practices/{practiceId}/accounts/{accountId}", {
          params: { path: { practiceId, accountId } },
        }),
      ),
    // A refusal may mean the counts on screen are stale (transactions arrived): refresh either way.
    onSettled: refresh,
  });
}
