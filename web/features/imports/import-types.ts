import type { CsvAmountLayout, CsvHeaderLayout, CsvMapping } from "@domain/import/csv-mapping";
import type { paths } from "../../api/schema";

type ImportPaths = "/practices/{practiceId}/accounts/{accountId}/imports";
type PreviewPath = "/practices/{practiceId}/accounts/{accountId}/imports/preview";

export type Preview = paths[PreviewPath]["post"]["responses"][200]["content"]["application/json"]["preview"];
export type PreviewRow = Preview["rows"][number];
export type ImportTotals = Preview["totals"];
export type Committed = paths[ImportPaths]["post"]["responses"][201]["content"]["application/json"];
export type ImportBatch = Committed["import"];
export type UndoAnswer =
  paths[`${ImportPaths}/{batchId}`]["delete"]["responses"][200]["content"]["application/json"];

export type { CsvAmountLayout, CsvHeaderLayout, CsvMapping };

/** A streamed progress line of a preview or an import (decision 0013). */
export type ImportProgress = { phase: "parse" | "dedupe" | "insert"; rows: number; totalRows: number | null };

/** What the person chose about probable duplicates, sent with the commit. */
export type DuplicateChoices = { includeAll: boolean; lines: ReadonlySet<number> };

/** One row a 409 names when an import cannot be undone because a person changed it since. */
export type EditedRow = { id: string; date: string; amountCents: number; description: string };

/** Query keys of the statement imports, under the practice. */
export const importKeys = {
  all: (practiceId: string) => ["practices", practiceId, "imports"] as const,
  history: (practiceId: string) => ["practices", practiceId, "imports", "history"] as const,
};
