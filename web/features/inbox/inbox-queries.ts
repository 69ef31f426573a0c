import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { api } from "../../api/client";
import type { paths } from "../../api/schema";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody } from "../practice/api-result";
import { ruleKeys } from "../rules/rule-queries";

type ClassifyPath = paths["/practices/{practiceId}/inbox/classify"]["post"];
export type ClassifyBody = ClassifyPath["requestBody"]["content"]["application/json"];
export type ClassifyAnswer = ClassifyPath["responses"][200]["content"]["application/json"];
export type InboxClassification = ClassifyBody["classification"];

/**
 * The inbox sits under the ledger's keys, so any change to a transaction (an edit on the
 * transactions page, an import, an undo) refreshes it and its count too.
 */
export const inboxKeys = {
  all: (practiceId: string) => [...ledgerKeys.all(practiceId), "inbox"] as const,
  list: (practiceId: string) => [...ledgerKeys.all(practiceId), "inbox", "list"] as const,
  count: (practiceId: string) => [...ledgerKeys.all(practiceId), "inbox", "count"] as const,
};

const PAGE_SIZE = 100;

/** The unreviewed transactions, newest first, a page at a time, with the whole inbox's summary. */
export function useInbox(practiceId: string) {
  return useInfiniteQuery({
    queryKey: inboxKeys.list(practiceId),
    queryFn: async ({ pageParam }) =>
      requireBody(
        await api.GET("/practices/{practiceId}/inbox", {
          params: {
            path: { practiceId },
            query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many transactions wait for review (the navigation's badge). */
export function useInboxCount(practiceId: string, enabled: boolean) {
  return useQuery({
    queryKey: inboxKeys.count(practiceId),
    queryFn: async () =>
      requireBody(
        await api.GET("/practices/{practiceId}/inbox", {
          params: { path: { practiceId }, query: { limit: 1 } },
        }),
      ).summary.count,
    enabled,
  });
}

/** Classifies as a person; a rule made on the way refreshes the rules and their suggestions. */
export function useClassifyInbox(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ClassifyBody) =>
      requireBody(
        await api.POST("/practices/{practiceId}/inbox/classify", { params: { path: { practiceId } }, body }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) }),
        queryClient.invalidateQueries({ queryKey: ruleKeys.all(practiceId) }),
      ]),
  });
}
