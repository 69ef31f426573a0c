import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import type { paths } from "../../../api/schema";
import { requireBody } from "../../practice/api-result";
import { ledgerKeys } from "../ledger-queries";

type Path = "/practices/{practiceId}/accounts/{accountId}/reconciliations";
export type Reconciliation =
  paths[Path]["get"]["responses"][200]["content"]["application/json"]["reconciliations"][number];
export type ReconcileResult = paths[Path]["post"]["responses"][201]["content"]["application/json"];
export type ReconcileBody = paths[Path]["post"]["requestBody"]["content"]["application/json"];

/** Under the accounts' key, so a changed transaction (which refreshes the ledger) refreshes these too. */
const historyKey = (practiceId: string, accountId: string) =>
  [...ledgerKeys.accounts(practiceId), "reconciliations", accountId] as const;

const params = (practiceId: string, accountId: string) => ({ params: { path: { practiceId, accountId } } });

export function useReconciliations(practiceId: string, accountId: string, enabled: boolean) {
  return useQuery({
    queryKey: historyKey(practiceId, accountId),
    queryFn: async () =>
      requireBody(
        await api.GET(
          "/practices/{practiceId}/accounts/{accountId}/reconciliations",
          params(practiceId, accountId),
        ),
      ).reconciliations,
    enabled,
  });
}

export function useReconcile(practiceId: string, accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ReconcileBody) =>
      requireBody(
        await api.POST("/practices/{practiceId}/accounts/{accountId}/reconciliations", {
          ...params(practiceId, accountId),
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: historyKey(practiceId, accountId) }),
  });
}
