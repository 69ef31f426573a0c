import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody, requireSuccess } from "../practice/api-result";

export type TaxProfile = components["schemas"]["TaxProfile"];
export type TaxPlan = components["schemas"]["TaxPlan"];
export type TaxPayment = components["schemas"]["TaxPayment"];
export type TaxProfileBody =
  paths["/practices/{practiceId}/tax/profile/{year}"]["put"]["requestBody"]["content"]["application/json"];
export type TaxPaymentBody =
  paths["/practices/{practiceId}/tax/payments"]["post"]["requestBody"]["content"]["application/json"];

/**
 * The plan is computed from the ledger's profit, so its keys sit under the ledger's prefix: a
 * recorded transaction refreshes it, and a saved profile or payment refreshes it and the
 * dashboard's set-aside alike.
 */
const taxKeys = {
  profile: (practiceId: string, year: number) =>
    [...ledgerKeys.all(practiceId), "tax", "profile", year] as const,
  plan: (practiceId: string, year: number) => [...ledgerKeys.all(practiceId), "tax", "plan", year] as const,
};

const yearPath = (practiceId: string, year: number) => ({ params: { path: { practiceId, year } } });

/** The Owner's profile for the year, null when there is none yet; 422 for a year without figures. */
export function useTaxProfile(practiceId: string, year: number) {
  return useQuery({
    queryKey: taxKeys.profile(practiceId, year),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/tax/profile/{year}", yearPath(practiceId, year)))
        .profile,
  });
}

/** The plan, asked for only once there is a profile (the API answers 409 without one). */
export function useTaxPlan(practiceId: string, year: number, enabled: boolean) {
  return useQuery({
    queryKey: taxKeys.plan(practiceId, year),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/tax/plan/{year}", yearPath(practiceId, year))),
    enabled,
  });
}

function useRefreshLedgerFigures(practiceId: string) {
  const queryClient = useQueryClient();
  // The dashboard's set-aside reads the same profile and payments, so the whole prefix is refreshed.
  return () => queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) });
}

export function useSaveTaxProfile(practiceId: string, year: number) {
  const refresh = useRefreshLedgerFigures(practiceId);
  return useMutation({
    mutationFn: async (body: TaxProfileBody) =>
      requireBody(
        await api.PUT("/practices/{practiceId}/tax/profile/{year}", { ...yearPath(practiceId, year), body }),
      ).profile,
    onSuccess: refresh,
  });
}

export function useRecordTaxPayment(practiceId: string) {
  const refresh = useRefreshLedgerFigures(practiceId);
  return useMutation({
    mutationFn: async (body: TaxPaymentBody) =>
      requireBody(
        await api.POST("/practices/{practiceId}/tax/payments", { params: { path: { practiceId } }, body }),
      ).payment,
    onSuccess: refresh,
  });
}

export function useDeleteTaxPayment(practiceId: string) {
  const refresh = useRefreshLedgerFigures(practiceId);
  return useMutation({
    mutationFn: async (paymentId: string) =>
      requireSuccess(
        await api.DELETE("/practices/{practiceId}/tax/payments/{paymentId}", {
          params: { path: { practiceId, paymentId } },
        }),
      ),
    onSettled: refresh,
  });
}
