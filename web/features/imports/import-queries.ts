import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { ledgerKeys } from "../ledger/ledger-queries";
import { requireBody } from "../practice/api-result";
import { type EditedRow, importKeys, type UndoAnswer } from "./import-types";
import { StatementApiError } from "./statement-request";

/** Every import of the practice, newest first. */
export function useImportHistory(practiceId: string) {
  return useQuery({
    queryKey: importKeys.history(practiceId),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/imports", { params: { path: { practiceId } } }))
        .imports,
  });
}

type ErrorShape = { error?: { code?: string; message?: string; details?: unknown } };

/** The transactions a refused undo names as changed by hand since the import, if that was why. */
export function editedRowsOf(error: unknown): EditedRow[] {
  if (!(error instanceof StatementApiError)) return [];
  const details = error.details as { edited?: EditedRow[] } | undefined;
  return Array.isArray(details?.edited) ? details.edited : [];
}

/** What an import, a commit or an undo changes: the ledger's lists, the inbox, the history. */
export function useRefreshAfterImport(practiceId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ledgerKeys.all(practiceId) }),
      queryClient.invalidateQueries({ queryKey: importKeys.all(practiceId) }),
    ]);
}

/**
 * Undoes an import. A 409 listing the transactions a person has changed since keeps its details
 * (editedRowsOf), so the page can show them and offer to remove only the others (keepEdited).
 */
export function useUndoImport(practiceId: string) {
  const refresh = useRefreshAfterImport(practiceId);
  return useMutation({
    mutationFn: async (input: { accountId: string; batchId: string; keepEdited: boolean }) => {
      const result = await api.DELETE("/practices/{practiceId}/accounts/{accountId}/imports/{batchId}", {
        params: {
          path: { practiceId, accountId: input.accountId, batchId: input.batchId },
          query: input.keepEdited ? { keepEdited: "true" } : {},
        },
      });
      if (result.response.ok && result.data) return result.data as UndoAnswer;
      const body = result.error as ErrorShape | undefined;
      throw new StatementApiError(
        result.response.status,
        body?.error?.code ?? "unknown",
        body?.error?.message ?? `The server answered ${result.response.status}.`,
        body?.error?.details,
      );
    },
    onSuccess: () => refresh(),
  });
}
