import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components } from "../../api/schema";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody } from "../practice/api-result";

export type Dashboard = components["schemas"]["Dashboard"];
export type SetAside = Dashboard["setAside"];

/**
 * The whole dashboard in one request. Its key sits under the ledger's prefix, so recording or
 * changing a transaction refreshes it.
 */
export function useDashboard(practiceId: string, year: number) {
  return useQuery({
    queryKey: [...ledgerKeys.all(practiceId), "dashboard", year] as const,
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/dashboard", {
          params: { path: { practiceId }, query: { year } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
