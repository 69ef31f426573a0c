/**
 * A ReportTable as a PDF (pdfkit, the standard Helvetica font, no files read): title, practice,
 * dates, the table with its header repeated on every page, totals in bold, notes, the time it was
 * generated, and page numbers. Amounts are written "$1,234.56" (formatMoney).
 */
import PDFDocument from "pdfkit";
import { formatMoney } from "../../domain/money.js";
import type { Cell, Column, ReportTable } from "./report-table.js";

export type PdfContext = {
  practiceName: string;
  range: { from: string; to: string };
  generatedAt: Date;
  timeZone: string;
};

const MARGIN = 50;
const ROW_HEIGHT = 16;
const FONT_SIZE = 9;
const NUMERIC_WIDTH: Record<Column["kind"], number> = { text: 0, cents: 82, count: 62, basisPoints: 62 };
const WIN_ANSI_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** The standard fonts only have WinAnsi glyphs: anything else prints as "?" rather than garbage. */
export function pdfText(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const ok =
      (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.includes(ch);
    out += ok ? ch : code < 0x20 ? " " : "?";
  }
  return out;
}

function formatCell(value: Cell, column: Column): string {
  if (value === null) return "";
  if (typeof value === "string") return pdfText(value);
  if (column.kind === "cents") return formatMoney(value);
  if (column.kind === "basisPoints") {
    const rest = Math.abs(value) % 100;
    return `${value < 0 ? "-" : ""}${(Math.abs(value) - rest) / 100}.${String(rest).padStart(2, "0")}%`;
  }
  return String(value).replace(/\B(?=(\d{3})+$)/g, ",");
}

function columnWidths(doc: PDFKit.PDFDocument, columns: readonly Column[]): number[] {
  const usable = doc.page.width - 2 * MARGIN;
  const fixed = columns.map((c) =>
    c.kind === "text" ? (c.header === "Line" ? 34 : 0) : NUMERIC_WIDTH[c.kind],
  );
  const flexible = columns.filter((c, i) => c.kind === "text" && fixed[i] === 0).length;
  const left = usable - fixed.reduce((a, b) => a + b, 0);
  return fixed.map((w) => (w === 0 ? left / Math.max(flexible, 1) : w));
}

const PADDING = 3;

/** The height a row of cells needs, each wrapped to its column's width. */
function rowHeight(doc: PDFKit.PDFDocument, cells: readonly string[], widths: number[]): number {
  const heights = cells.map((text, i) =>
    doc.heightOfString(text || " ", { width: (widths[i] ?? 0) - 2 * PADDING }),
  );
  return Math.max(ROW_HEIGHT, ...heights.map((h) => h + 6));
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: readonly string[],
  columns: readonly Column[],
  widths: number[],
  y: number,
) {
  let x = MARGIN;
  cells.forEach((text, i) => {
    const width = (widths[i] ?? 0) - 2 * PADDING;
    const align = columns[i]?.kind === "text" ? "left" : "right";
    doc.text(text, x + PADDING, y, { width, align });
    x += widths[i] ?? 0;
  });
}

export async function renderPdf(table: ReportTable, ctx: PdfContext): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: `${table.title}: ${pdfText(ctx.practiceName)}`, Producer: "TherapyLedger" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });

  doc.font("Helvetica-Bold").fontSize(16).text(table.title);
  doc.font("Helvetica").fontSize(11).text(pdfText(ctx.practiceName));
  doc.text(`From ${ctx.range.from} to ${ctx.range.to}`);
  doc.moveDown(0.8);

  const widths = columnWidths(doc, table.columns);
  const bottom = doc.page.height - MARGIN;
  let y = doc.y;
  const headers = table.columns.map((c) => pdfText(c.header));
  const header = () => {
    doc.font("Helvetica-Bold").fontSize(FONT_SIZE);
    const height = rowHeight(doc, headers, widths);
    drawRow(doc, headers, table.columns, widths, y);
    const rule = y + height - 4;
    doc
      .moveTo(MARGIN, rule)
      .lineTo(doc.page.width - MARGIN, rule)
      .lineWidth(0.5)
      .stroke();
    y += height;
  };
  const body = (cells: readonly Cell[], bold: boolean) => {
    const texts = cells.map((v, i) => formatCell(v, table.columns[i] ?? { header: "", kind: "text" }));
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE);
    const height = rowHeight(doc, texts, widths);
    if (y + height > bottom) {
      doc.addPage();
      y = MARGIN;
      header();
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(FONT_SIZE);
    }
    drawRow(doc, texts, table.columns, widths, y);
    y += height;
  };
  header();
  for (const row of table.rows) body(row, false);
  y += 4;
  for (const row of table.totals) body(row, true);

  doc.font("Helvetica").fontSize(FONT_SIZE);
  doc.x = MARGIN;
  doc.y = y + ROW_HEIGHT / 2;
  const width = doc.page.width - 2 * MARGIN;
  for (const note of table.notes) doc.text(pdfText(note), MARGIN, doc.y, { width }).moveDown(0.3);
  const generated = new Intl.DateTimeFormat("en-US", {
    timeZone: ctx.timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(ctx.generatedAt);
  doc
    .moveDown(0.5)
    .text(`Generated ${generated} (${ctx.timeZone}) by TherapyLedger`, MARGIN, doc.y, { width });

  const pages = doc.bufferedPageRange();
  for (let i = pages.start; i < pages.start + pages.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).text(`Page ${i + 1} of ${pages.count}`, MARGIN, doc.page.height - MARGIN + 16, {
      width,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
