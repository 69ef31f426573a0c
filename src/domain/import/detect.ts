/**
 * Which reader a file needs, from its name and its first bytes. The content decides (banks name
 * their downloads oddly); the name only tells QFX from OFX and words the refusal. Files people
 * often pick by mistake — a PDF statement, an Excel workbook — are refused with what to download
 * instead.
 */

export type DetectedFormat = "csv" | "ofx" | "qfx";

export type FormatDetection = { ok: true; format: DetectedFormat } | { ok: false; message: string };

/** How much of the file `detectStatementFormat` looks at. */
export const DETECT_HEAD_BYTES = 4096;

const OFX_START = /^\s*(OFXHEADER\s*:|(<\?xml[^>]*>\s*)?<\?OFX\b)/i;
const OFX_ELEMENT = /<OFX>/i;
const INTUIT_NAMES = /\.(qfx|qbo)$/i;
const OFX_NAMES = /\.(ofx|qfx|qbo)$/i;

function startsWith(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function refuseBinary(head: Uint8Array): string | null {
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46)) {
    return "This is a PDF. Download the statement as CSV, OFX or QFX from the bank's website instead.";
  }
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04) || startsWith(head, 0xd0, 0xcf, 0x11, 0xe0)) {
    return "This is an Excel workbook. Open it and save it as CSV, or download CSV from the bank.";
  }
  const utf16 = startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff);
  if (!utf16 && head.includes(0)) return "This is not a text file; import a CSV, OFX or QFX statement.";
  return null;
}

function headText(head: Uint8Array | string): string {
  if (typeof head === "string") return head.slice(0, DETECT_HEAD_BYTES);
  const bytes = head.subarray(0, DETECT_HEAD_BYTES);
  if (startsWith(bytes, 0xff, 0xfe)) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, 0xfe, 0xff)) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

export function detectStatementFormat(fileName: string, head: Uint8Array | string): FormatDetection {
  if (head.length === 0) return { ok: false, message: "The file is empty." };
  if (typeof head !== "string") {
    const binary = refuseBinary(head.subarray(0, DETECT_HEAD_BYTES));
    if (binary) return { ok: false, message: binary };
  }
  const text = headText(head).replace(/^\ufeff/, "");
  if (OFX_START.test(text) || OFX_ELEMENT.test(text)) {
    const intuit = INTUIT_NAMES.test(fileName) || text.includes("<INTU.");
    return { ok: true, format: intuit ? "qfx" : "ofx" };
  }
  if (OFX_NAMES.test(fileName)) {
    return { ok: false, message: `"${fileName}" is named like an OFX file but does not start like one.` };
  }
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== "") ?? "";
  if (firstLine.includes(",") || /\.(csv|txt)$/i.test(fileName)) return { ok: true, format: "csv" };
  return { ok: false, message: "This does not look like a CSV, OFX or QFX statement." };
}
