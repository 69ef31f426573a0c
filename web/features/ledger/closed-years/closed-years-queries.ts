import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { requireBody, requireSuccess } from "../../practice/api-result";
import { practiceKeys } from "../../practice/practice-queries";
import { ledgerKeys } from "../ledger-queries";

const closedYearsKey = (practiceId: string) => [...ledgerKeys.all(practiceId), "closed-years"] as const;

export function useClosedYears(practiceId: string) {
  return useQuery({
    queryKey: closedYearsKey(practiceId),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/closed-years", { params: { path: { practiceId } } }))
        .closedYears,
  });
}

/**
 * Closing or reopening changes what every ledger screen may edit, and is a practice event:
 * the whole ledger and the event log are refreshed.
 */
function useRefreshAfterYearChange(practiceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) }),
      queryClient.invalidateQueries({ queryKey: practiceKeys.events(practiceId) }),
    ]);
}

export function useCloseYear(practiceId: string) {
  const refresh = useRefreshAfterYearChange(practiceId);
  return useMutation({
    mutationFn: async (year: number) =>
      requireBody(
        await api.POST("/practices/{practiceId}/closed-years/{year}", {
          params: { path: { practiceId, year } },
        }),
      ).closedYear,
    onSuccess: refresh,
  });
}

export function useReopenYear(practiceId: string) {
  const refresh = useRefreshAfterYearChange(practiceId);
  return useMutation({
    mutationFn: async (year: number) =>
      requireSuccess(
        await api.DELETE("/practices/{practiceId}/closed-years/{year}", {
          params: { path: { practiceId, year } },
        }),
      ),
    onSuccess: refresh,
  });
}

/** The calendar year now in the practice's time zone: only years before it can be closed. */
export function currentYearIn(timeZone: string, now = new Date()): number {
  try {
    return Number(new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric" }).format(now));
  } catch {
    return now.getFullYear();
  }
}
