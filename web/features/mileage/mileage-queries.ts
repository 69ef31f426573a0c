import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody, requireSuccess } from "../practice/api-result";

type MileageLogResponse =
  paths["/practices/{practiceId}/mileage"]["get"]["responses"][200]["content"]["application/json"];
export type MileageLog = MileageLogResponse;
export type MileageEntry = components["schemas"]["MileageEntry"];
export type VehicleMethod = components["schemas"]["VehicleMethod"]["method"];
export type CreateTripBody =
  paths["/practices/{practiceId}/mileage"]["post"]["requestBody"]["content"]["application/json"];

/**
 * The log's value is a Schedule C line 9 figure the reports and the dashboard read, so its keys
 * sit under the ledger's prefix and a change to the log refreshes them all.
 */
const mileageKey = (practiceId: string, year: number) =>
  [...ledgerKeys.all(practiceId), "mileage", year] as const;

export function useMileageLog(practiceId: string, year: number) {
  return useQuery({
    queryKey: mileageKey(practiceId, year),
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/mileage", {
          params: { path: { practiceId }, query: { year } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

function useRefresh(practiceId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) });
}

export function useLogTrip(practiceId: string) {
  const refresh = useRefresh(practiceId);
  return useMutation({
    mutationFn: async (body: CreateTripBody) =>
      requireBody(
        await api.POST("/practices/{practiceId}/mileage", { params: { path: { practiceId } }, body }),
      ).entry,
    onSuccess: refresh,
  });
}

export function useDeleteTrip(practiceId: string) {
  const refresh = useRefresh(practiceId);
  return useMutation({
    mutationFn: async (entryId: string) =>
      requireSuccess(
        await api.DELETE("/practices/{practiceId}/mileage/{entryId}", {
          params: { path: { practiceId, entryId } },
        }),
      ),
    onSettled: refresh,
  });
}

export function useChooseVehicleMethod(practiceId: string, year: number) {
  const refresh = useRefresh(practiceId);
  return useMutation({
    mutationFn: async (method: VehicleMethod) =>
      requireBody(
        await api.PUT("/practices/{practiceId}/mileage/method/{year}", {
          params: { path: { practiceId, year } },
          body: { method },
        }),
      ).vehicleMethod,
    onSuccess: refresh,
  });
}
