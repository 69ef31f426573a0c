import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../api/client";
import { requireBody } from "../../practice/api-result";
import { type Category, ledgerKeys } from "../ledger-queries";

export type ScheduleCLineCode = Category["scheduleCLine"];
export type CategoryPatch = { name?: string; scheduleCLine?: ScheduleCLineCode; archived?: boolean };

/** Category names show on transactions too, and a delete may move transactions: refresh both. */
function useRefreshCategories(practiceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.categories(practiceId) }),
      queryClient.invalidateQueries({ queryKey: ledgerKeys.transactions(practiceId) }),
    ]);
}

export function useCreateCategory(practiceId: string) {
  const refresh = useRefreshCategories(practiceId);
  return useMutation({
    mutationFn: async (input: { name: string; scheduleCLine: ScheduleCLineCode }) =>
      requireBody(
        await api.POST("/practices/{practiceId}/categories", {
          params: { path: { practiceId } },
          body: input,
        }),
      ).category,
    onSuccess: refresh,
  });
}

export function useUpdateCategory(practiceId: string) {
  const refresh = useRefreshCategories(practiceId);
  return useMutation({
    mutationFn: async ({ categoryId, changes }: { categoryId: string; changes: CategoryPatch }) =>
      requireBody(
        await api.PATCH("/practices/{practiceId}/categories/{categoryId}", {
          params: { path: { practiceId, categoryId } },
          body: changes,
        }),
      ).category,
    onSuccess: refresh,
  });
}

/** Without `reassignTo`, a category in use is refused with 409 `in_use`: nothing is lost silently. */
export function useDeleteCategory(practiceId: string) {
  const refresh = useRefreshCategories(practiceId);
  return useMutation({
    mutationFn: async ({ categoryId, reassignTo }: { categoryId: string; reassignTo?: string | undefined }) =>
      requireBody(
        await api.DELETE("/practices/{practiceId}/categories/{categoryId}", {
          params: { path: { practiceId, categoryId }, query: reassignTo ? { reassignTo } : {} },
        }),
      ),
    // A refusal may mean the counts on screen are stale (transactions arrived): refresh either way.
    onSettled: refresh,
  });
}

/** Adds back any category of the preset chart the practice lacks; answers how many. */
export function useRestorePresets(practiceId: string) {
  const refresh = useRefreshCategories(practiceId);
  return useMutation({
    mutationFn: async () =>
      requireBody(
        await api.POST("/practices/{practiceId}/categories/presets", { params: { path: { practiceId } } }),
      ).added,
    onSuccess: refresh,
  });
}
