/**
 * A report as a table, the one shape the CSV and PDF renderers read. A column's kind decides how
 * its cells are written: `text` cells are user-controlled words (payer and category names) and are
 * the only cells the CSV neutralises; `cents`, `count` and `basisPoints` cells are numbers the
 * code computed, so they are written as numbers and can never be mistaken for a formula.
 */
export type ColumnKind = "text" | "cents" | "count" | "basisPoints";
export type Column = { header: string; kind: ColumnKind };
/** A number in a numeric column; text in a text column; null for an empty cell. */
export type Cell = string | number | null;

export type ReportTable = {
  /** "Profit and loss", used in titles and file names. */
  title: string;
  /** The file name's stem, e.g. "profit-and-loss". */
  slug: string;
  columns: Column[];
  rows: Cell[][];
  /** Rows printed after the body in bold: totals, line 28, line 29. */
  totals: Cell[][];
  /** Sentences printed under the table in the PDF (what the report leaves out, rounding). */
  notes: string[];
};
