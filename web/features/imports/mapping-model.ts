import { mappedColumns } from "@domain/import/csv-mapping";
import { DATE_FORMATS, type DateFormat } from "@domain/import/dates";
import type { CsvAmountLayout, CsvMapping, Preview } from "./import-types";

/**
 * The column-mapping screen's model: what each picker offers, and how a change to one part of a
 * mapping (the header, the amount layout) keeps the rest consistent. The server checks the
 * mapping again; this only keeps the person from sending one it would refuse for an obvious
 * reason (one column in two roles).
 */

export type Sample = Preview["sample"];

export { DATE_FORMATS, type DateFormat };

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  "MM/DD/YYYY": "Month first: 01/31/2026",
  "MM/DD/YY": "Month first, short year: 01/31/26",
  "DD/MM/YYYY": "Day first: 31/01/2026",
  "YYYY-MM-DD": "Year first: 2026-01-31",
};

export type AmountKind = CsvAmountLayout["kind"];

export const AMOUNT_KIND_LABELS: Record<AmountKind, string> = {
  signed: "One column, money in is positive",
  "signed-charges-positive": "One column, charges are positive",
  "debit-credit": "Two columns: money out, money in",
};

export const AMOUNT_KINDS = Object.keys(AMOUNT_KIND_LABELS) as AmountKind[];

/** A header's cells as the server compares them (normaliseHeaderCell), trailing empty cells dropped. */
function normalised(cells: readonly string[]): string[] {
  const out = cells.map((c) =>
    c
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim(),
  );
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  const x = normalised(a);
  const y = normalised(b);
  return x.length === y.length && x.every((cell, i) => cell === y[i]);
}

/** Which of the sample's records is the mapping's header row: its index, or null (none, or not shown). */
export function headerIndex(mapping: CsvMapping, sample: Sample): number | null {
  const { header } = mapping;
  if (header.kind !== "row") return null;
  const at = sample.findIndex((record) => same(record.cells, header.cells));
  return at < 0 ? null : at;
}

/** The sample's records the mapping reads as data. */
export function dataRecords(mapping: CsvMapping, sample: Sample): Sample {
  if (mapping.header.kind === "none") return sample.slice(mapping.header.skipRecords);
  const at = headerIndex(mapping, sample);
  return at === null ? [] : sample.slice(at + 1);
}

export function widthOf(mapping: CsvMapping | null, sample: Sample): number {
  const header = mapping?.header.kind === "row" ? mapping.header.cells.length : 0;
  return Math.max(header, ...sample.map((record) => record.cells.length), 1);
}

function shorten(text: string, max = 28): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** "Column 3 · Description" with a header; "Column 3 · e.g. ZOOM.US" without one. */
export function columnLabels(mapping: CsvMapping, sample: Sample): string[] {
  const width = widthOf(mapping, sample);
  const example = dataRecords(mapping, sample).find((record) => record.cells.some((c) => c.trim()));
  return Array.from({ length: width }, (_, i) => {
    const title = mapping.header.kind === "row" ? (mapping.header.cells[i] ?? "").trim() : "";
    if (title) return `Column ${i + 1} · ${shorten(title)}`;
    const value = example?.cells[i]?.trim();
    return value ? `Column ${i + 1} · e.g. ${shorten(value)}` : `Column ${i + 1}`;
  });
}

/** A first mapping for a file whose columns were not recognised: the person picks from here. */
export function startingMapping(sample: Sample): CsvMapping {
  const width = widthOf(null, sample);
  const col = (i: number) => Math.min(i, width - 1);
  return {
    version: 1,
    header: { kind: "none", skipRecords: 0 },
    dateColumn: 0,
    dateFormat: "MM/DD/YYYY",
    descriptionColumn: col(1),
    amount: { kind: "signed", column: col(2) },
    bankIdColumn: null,
  };
}

/** The mapping with its header changed: "none", or the sample record at `index`. */
export function withHeader(mapping: CsvMapping, sample: Sample, choice: "none" | number): CsvMapping {
  if (choice === "none") {
    const skip = mapping.header.kind === "none" ? mapping.header.skipRecords : 0;
    return { ...mapping, header: { kind: "none", skipRecords: skip } };
  }
  const cells = (sample[choice]?.cells ?? []).map((c) => c.trim());
  // A header row is never empty, and every mapped column must fall inside it.
  const width = Math.max(cells.length, ...mappedColumns(mapping).map((c) => c + 1));
  const padded = Array.from({ length: width }, (_, i) => cells[i] ?? "");
  return { ...mapping, header: { kind: "row", cells: padded } };
}

/** The mapping with another amount layout, keeping the columns it already had where it can. */
export function withAmountKind(mapping: CsvMapping, kind: AmountKind, width: number): CsvMapping {
  const current = mapping.amount;
  const first = current.kind === "debit-credit" ? current.debitColumn : current.column;
  if (kind !== "debit-credit") return { ...mapping, amount: { kind, column: first } };
  if (current.kind === "debit-credit") return mapping;
  const taken = new Set(mappedColumns(mapping));
  const free = Array.from({ length: width }, (_, i) => i).find((i) => !taken.has(i));
  return { ...mapping, amount: { kind, debitColumn: first, creditColumn: free ?? first } };
}

/** Why the mapping cannot be sent as it is, or null. */
export function mappingProblem(mapping: CsvMapping, labels: readonly string[]): string | null {
  const columns = mappedColumns(mapping);
  const twice = columns.find((c, i) => columns.indexOf(c) !== i);
  if (twice !== undefined) {
    return `${labels[twice] ?? `Column ${twice + 1}`} is chosen for two roles: each column can have only one.`;
  }
  return null;
}
