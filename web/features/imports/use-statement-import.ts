import { useCallback, useEffect, useRef, useState } from "react";
import { ApiRequestError } from "../../api/client";
import { useRefreshAfterImport } from "./import-queries";
import type { Committed, CsvMapping, DuplicateChoices, ImportProgress, Preview } from "./import-types";
import { importStatement, previewStatement } from "./statement-request";

export type Busy = "preview" | "commit" | null;

type State = {
  accountId: string;
  file: File | null;
  preview: Preview | null;
  duplicates: DuplicateChoices;
  busy: Busy;
  progress: ImportProgress | null;
  error: unknown;
  committed: Committed | null;
};

/** The server's limit (services/imports/upload.ts): a larger file is refused before it is sent. */
const MAX_STATEMENT_BYTES = 50 * 1024 * 1024;

function tooLarge(file: File): ApiRequestError {
  return new ApiRequestError(
    413,
    "payload_too_large",
    `${file.name} is larger than 50 MB. Export a shorter date range from your bank and import it in parts.`,
  );
}

const NO_CHOICES: DuplicateChoices = { includeAll: false, lines: new Set() };

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

/** How many rows the commit will add, with the person's choices about probable duplicates. */
export function rowsToImport(preview: Preview, duplicates: DuplicateChoices): number {
  const { totals } = preview;
  const chosen = duplicates.includeAll ? totals.probableDuplicates : duplicates.lines.size;
  return totals.toImport - totals.includedProbableDuplicates + chosen;
}

/**
 * The import page's flow: pick an account and a file → preview (streamed progress) → fix the
 * columns and preview again, choose probable duplicates → import (streamed progress) → the
 * result. A new request cancels the one still running; leaving the page cancels it too (the
 * server finishes an import it has started; a preview writes nothing).
 */
export function useStatementImport(practiceId: string, initialAccountId: string) {
  const [state, setState] = useState<State>({
    accountId: initialAccountId,
    file: null,
    preview: null,
    duplicates: NO_CHOICES,
    busy: null,
    progress: null,
    error: undefined,
    committed: null,
  });
  const running = useRef<AbortController | null>(null);
  const refresh = useRefreshAfterImport(practiceId);
  useEffect(() => () => running.current?.abort(), []);

  const start = useCallback((busy: Exclude<Busy, null>) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState((s) => ({ ...s, busy, progress: null, error: undefined }));
    return controller;
  }, []);

  const finish = useCallback((controller: AbortController, change: Partial<State>) => {
    if (running.current !== controller) return;
    running.current = null;
    setState((s) => ({ ...s, ...change, busy: null, progress: null }));
  }, []);

  const preview = useCallback(
    async (accountId: string, file: File, mapping: CsvMapping | null) => {
      const controller = start("preview");
      try {
        const answer = await previewStatement<{ preview: Preview }>({
          practiceId,
          accountId,
          file,
          mapping,
          signal: controller.signal,
          onProgress: (progress) => setState((s) => ({ ...s, progress })),
        });
        finish(controller, { preview: answer.preview, duplicates: NO_CHOICES });
      } catch (error) {
        if (!isAbort(error)) finish(controller, { preview: null, error });
      }
    },
    [practiceId, start, finish],
  );

  const chooseFile = (file: File) => {
    if (file.size > MAX_STATEMENT_BYTES) {
      running.current?.abort();
      setState((s) => ({
        ...s,
        file: null,
        preview: null,
        committed: null,
        busy: null,
        error: tooLarge(file),
      }));
      return;
    }
    setState((s) => ({ ...s, file, preview: null, committed: null, error: undefined }));
    if (state.accountId) void preview(state.accountId, file, null);
  };

  const chooseAccount = (accountId: string) => {
    setState((s) => ({ ...s, accountId, preview: null, committed: null, error: undefined }));
    if (accountId && state.file) void preview(accountId, state.file, null);
  };

  const remap = (mapping: CsvMapping) => {
    if (state.file && state.accountId) void preview(state.accountId, state.file, mapping);
  };

  const setDuplicates = (duplicates: DuplicateChoices) => setState((s) => ({ ...s, duplicates }));

  const commit = async () => {
    const { file, accountId, preview: shown, duplicates } = state;
    if (!file || !accountId || !shown) return;
    const controller = start("commit");
    try {
      const committed = await importStatement<Committed>({
        practiceId,
        accountId,
        file,
        mapping: (shown.mapping as CsvMapping | null) ?? null,
        duplicates,
        signal: controller.signal,
        onProgress: (progress) => setState((s) => ({ ...s, progress })),
      });
      finish(controller, { committed, file: null, preview: null, duplicates: NO_CHOICES });
      await refresh();
    } catch (error) {
      if (!isAbort(error)) finish(controller, { error });
    }
  };

  const reset = () => {
    running.current?.abort();
    running.current = null;
    setState((s) => ({
      ...s,
      file: null,
      preview: null,
      committed: null,
      busy: null,
      progress: null,
      error: undefined,
    }));
  };

  return { ...state, chooseFile, chooseAccount, remap, setDuplicates, commit, reset };
}
