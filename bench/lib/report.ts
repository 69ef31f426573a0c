/** Small helpers to summarise samples and print them as a Markdown table. */

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function minimum(samples: number[]): number {
  return samples.length === 0 ? Number.NaN : Math.min(...samples);
}

export function maximum(samples: number[]): number {
  return samples.length === 0 ? Number.NaN : Math.max(...samples);
}

/** Rounds for display: whole numbers from 100 up, one decimal below. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return Math.abs(value) >= 100 ? Math.round(value).toString() : value.toFixed(1);
}

const NUMERIC_CELL = /^[-+]?[\d.,]+(?:\s?%)?$|^–$/;

/** A Markdown table whose columns line up in a terminal; numeric cells are right-aligned. */
export function formatTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, column) => {
        const width = widths[column] ?? cell.length;
        return NUMERIC_CELL.test(cell) ? cell.padStart(width) : cell.padEnd(width);
      })
      .join(" | ")} |`;
  const rule = `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

export function print(text = ""): void {
  process.stdout.write(`${text}\n`);
}
