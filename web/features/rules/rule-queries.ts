import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody, requireSuccess } from "../practice/api-result";

export type Rule = components["schemas"]["Rule"];
export type RuleConditions = components["schemas"]["RuleConditions"];
export type RuleAction = components["schemas"]["RuleAction"];
export type RuleClassification = RuleAction["classification"];
export type RulePreview = components["schemas"]["RulePreview"];
export type RuleApplication = components["schemas"]["RuleApplication"];
export type RuleSuggestion = components["schemas"]["RuleSuggestion"];
export type RuleBody =
  paths["/practices/{practiceId}/rules"]["post"]["requestBody"]["content"]["application/json"];
export type RulePatch =
  paths["/practices/{practiceId}/rules/{ruleId}"]["patch"]["requestBody"]["content"]["application/json"];

export const ruleKeys = {
  all: (practiceId: string) => ["practices", practiceId, "rules"] as const,
  list: (practiceId: string) => ["practices", practiceId, "rules", "list"] as const,
  suggestions: (practiceId: string) => ["practices", practiceId, "rules", "suggestions"] as const,
};

/** The practice's rules, in the order they run. */
export function useRules(practiceId: string) {
  return useQuery({
    queryKey: ruleKeys.list(practiceId),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/rules", { params: { path: { practiceId } } })).rules,
  });
}

/** Rules suggested by three or more of the person's own agreeing choices. */
export function useRuleSuggestions(practiceId: string) {
  return useQuery({
    queryKey: ruleKeys.suggestions(practiceId),
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/rules/suggestions", { params: { path: { practiceId } } }),
      ).suggestions,
  });
}

/** A change to the rules refreshes them and their suggestions; applying one changes the ledger too. */
function useRuleMutation<Input, Output>(
  practiceId: string,
  send: (input: Input) => Promise<Output>,
  touchesLedger = false,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ruleKeys.all(practiceId) }),
        touchesLedger ? queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) }) : null,
      ]),
  });
}

const path = (practiceId: string, ruleId: string) => ({ params: { path: { practiceId, ruleId } } });

export function useCreateRule(practiceId: string) {
  return useRuleMutation(
    practiceId,
    async (body: RuleBody) =>
      requireBody(await api.POST("/practices/{practiceId}/rules", { params: { path: { practiceId } }, body }))
        .rule,
  );
}

export function useUpdateRule(practiceId: string) {
  return useRuleMutation(
    practiceId,
    async (input: { ruleId: string; body: RulePatch }) =>
      requireBody(
        await api.PATCH("/practices/{practiceId}/rules/{ruleId}", {
          ...path(practiceId, input.ruleId),
          body: input.body,
        }),
      ).rule,
  );
}

export function useDeleteRule(practiceId: string) {
  return useRuleMutation(practiceId, async (ruleId: string) =>
    requireSuccess(await api.DELETE("/practices/{practiceId}/rules/{ruleId}", path(practiceId, ruleId))),
  );
}

export function useReorderRules(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ruleIds: string[]) =>
      requireBody(
        await api.POST("/practices/{practiceId}/rules/reorder", {
          params: { path: { practiceId } },
          body: { ruleIds },
        }),
      ).rules,
    // The answer is the new order: shown at once, without a second request.
    onSuccess: (rules) => queryClient.setQueryData(ruleKeys.list(practiceId), rules),
  });
}

/** How many transactions a saved rule would change (dry run), without changing them. */
export async function previewSavedRule(practiceId: string, ruleId: string): Promise<RulePreview> {
  const answer = requireBody(
    await api.POST("/practices/{practiceId}/rules/{ruleId}/apply", {
      params: { path: { practiceId, ruleId }, query: { dryRun: "true" } },
    }),
  );
  return answer as RulePreview;
}

export function useApplyRule(practiceId: string) {
  return useRuleMutation(
    practiceId,
    async (ruleId: string) =>
      requireBody(
        await api.POST("/practices/{practiceId}/rules/{ruleId}/apply", path(practiceId, ruleId)),
      ) as RuleApplication,
    true,
  );
}
