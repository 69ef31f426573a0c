/**
 * How far an import has got, for the page's progress bar (decision 0013): the phase and the
 * rows done in it. "parse" reads and checks every row; "dedupe" loads the ledger's rows around
 * the file's dates and decides each row (preview); "insert" decides and writes (commit).
 */
export type ImportPhase = "parse" | "dedupe" | "insert";

export type ImportProgress = { phase: ImportPhase; rows: number; totalRows: number | null };

/** Called often; it only records the latest state, which the HTTP layer sends at its own pace. */
export type ProgressSink = (progress: ImportProgress) => void;

export const ignoreProgress: ProgressSink = () => {};
