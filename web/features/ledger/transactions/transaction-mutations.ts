import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import type { paths } from "../../../api/schema";
import { requireBody, requireSuccess } from "../../practice/api-result";
import { ledgerKeys } from "../ledger-queries";

type BodyOf<P extends keyof paths, M extends "post" | "patch" | "put"> = paths[P] extends {
  [K in M]: { requestBody: { content: { "application/json": infer Body } } };
}
  ? Body
  : never;

export type CreateTransactionBody = BodyOf<"/practices/{practiceId}/transactions", "post">;
export type UpdateTransactionBody = BodyOf<"/practices/{practiceId}/transactions/{transactionId}", "patch">;
export type ReplaceSplitsBody = BodyOf<"/practices/{practiceId}/transactions/{transactionId}/splits", "put">;

const one = (practiceId: string, transactionId: string) => ({
  params: { path: { practiceId, transactionId } },
});

/**
 * A change to a transaction moves account balances and payer and category counts too, so
 * every ledger list of the practice is refreshed (the lists are small; transactions are paged).
 */
function useLedgerMutation<Input, Output>(practiceId: string, send: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) }),
  });
}

export function useCreateTransaction(practiceId: string) {
  return useLedgerMutation(
    practiceId,
    async (body: CreateTransactionBody) =>
      requireBody(
        await api.POST("/practices/{practiceId}/transactions", { params: { path: { practiceId } }, body }),
      ).transaction,
  );
}

export function useUpdateTransaction(practiceId: string) {
  return useLedgerMutation(
    practiceId,
    async (input: { transactionId: string; body: UpdateTransactionBody }) =>
      requireBody(
        await api.PATCH("/practices/{practiceId}/transactions/{transactionId}", {
          ...one(practiceId, input.transactionId),
          body: input.body,
        }),
      ).transaction,
  );
}

export function useReplaceSplits(practiceId: string) {
  return useLedgerMutation(
    practiceId,
    async (input: { transactionId: string; body: ReplaceSplitsBody }) =>
      requireBody(
        await api.PUT("/practices/{practiceId}/transactions/{transactionId}/splits", {
          ...one(practiceId, input.transactionId),
          body: input.body,
        }),
      ).transaction,
  );
}

export function useDeleteTransaction(practiceId: string) {
  return useLedgerMutation(practiceId, async (transactionId: string) =>
    requireSuccess(
      await api.DELETE(
        "/practices/{practiceId}/transactions/{transactionId}",
        one(practiceId, transactionId),
      ),
    ),
  );
}
