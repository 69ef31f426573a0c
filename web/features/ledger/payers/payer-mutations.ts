import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { requireBody } from "../../practice/api-result";
import { ledgerKeys } from "../ledger-queries";
import type { PayerKind } from "./payer-kinds";

export type PayerRate = { serviceCode: string; rateCents: number };
/** Set when a saved name looks like a person's: client names must not be stored. */
export type PayerWarning = { code: "possible_client_name"; message: string } | null;
export type PayerPatch = { name?: string; kind?: PayerKind; archived?: boolean };

/** Payer names show on transactions too, and a delete may move transactions: refresh both. */
function useRefreshPayers(practiceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.payers(practiceId) }),
      queryClient.invalidateQueries({ queryKey: ledgerKeys.transactions(practiceId) }),
    ]);
}

/** Answers `{ payer, warning }`: the warning is set when the name looks like a person's. */
export function useCreatePayer(practiceId: string) {
  const refresh = useRefreshPayers(practiceId);
  return useMutation({
    mutationFn: async (input: { name: string; kind: PayerKind; rates: PayerRate[] }) =>
      requireBody(
        await api.POST("/practices/{practiceId}/payers", { params: { path: { practiceId } }, body: input }),
      ),
    onSuccess: refresh,
  });
}

export function useUpdatePayer(practiceId: string) {
  const refresh = useRefreshPayers(practiceId);
  return useMutation({
    mutationFn: async ({ payerId, changes }: { payerId: string; changes: PayerPatch }) =>
      requireBody(
        await api.PATCH("/practices/{practiceId}/payers/{payerId}", {
          params: { path: { practiceId, payerId } },
          body: changes,
        }),
      ),
    onSuccess: refresh,
  });
}

export function useSetPayerRates(practiceId: string) {
  const refresh = useRefreshPayers(practiceId);
  return useMutation({
    mutationFn: async ({ payerId, rates }: { payerId: string; rates: PayerRate[] }) =>
      requireBody(
        await api.PUT("/practices/{practiceId}/payers/{payerId}/rates", {
          params: { path: { practiceId, payerId } },
          body: { rates },
        }),
      ).payer,
    onSuccess: refresh,
  });
}

/** Without `reassignTo`, a payer in use is refused with 409 `in_use`: nothing is lost silently. */
export function useDeletePayer(practiceId: string) {
  const refresh = useRefreshPayers(practiceId);
  return useMutation({
    mutationFn: async ({ payerId, reassignTo }: { payerId: string; reassignTo?: string | undefined }) =>
      requireBody(
        await api.DELETE("/practices/{practiceId}/payers/{payerId}", {
          params: { path: { practiceId, payerId }, query: reassignTo ? { reassignTo } : {} },
        }),
      ),
    // A refusal may mean the counts on screen are stale (transactions arrived): refresh either way.
    onSettled: refresh,
  });
}
