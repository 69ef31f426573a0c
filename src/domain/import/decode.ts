/**
 * Statement bytes → text. Banks hand out UTF-8 (with or without a byte order mark) or
 * Windows-1252; Excel's "Unicode text" adds UTF-16 with a BOM. The rule, the same whether the file
 * arrives whole or in chunks: a UTF-8 or UTF-16 BOM decides; otherwise the file is UTF-8 if it is
 * valid UTF-8, and Windows-1252 when its first non-ASCII byte is not valid UTF-8. A file that is
 * valid UTF-8 for a while and then is not mixes encodings: it is refused with the line, never
 * decoded into silent mojibake. The decoder keeps only a few bytes between chunks, so a large
 * file streams through it.
 */

import { statementError } from "./statement-error.js";
import { decodeWindows1252 } from "./windows-1252.js";

export type StatementEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

export type DecodedStatement = { text: string; encoding: StatementEncoding; hadBom: boolean };

/** What a parser accepts: text, bytes, or chunks of either (a Node Readable is one). */
export type StatementSource =
  | string
  | Uint8Array
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const LINE_BREAK = /\r\n|\r|\n/g;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** The length of `bytes` that ends on a whole UTF-8 sequence; the rest waits for the next chunk. */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte < 0x80) return bytes.length;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

function hasNonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}

/** A push decoder: feed byte chunks, get text; `end()` flushes and checks the file ended whole. */
export class StatementDecoder {
  encoding: StatementEncoding | null = null;
  hadBom = false;
  private pending: Uint8Array = new Uint8Array(0);
  private readonly strictUtf8 = new TextDecoder("utf-8", { fatal: true });
  private utf16: InstanceType<typeof TextDecoder> | null = null;
  private sawNonAscii = false;
  private linesBefore = 0;

  push(chunk: Uint8Array): string {
    const bytes = concat(this.pending, chunk);
    this.pending = new Uint8Array(0);
    if (this.encoding === null) {
      if (bytes.length < 3) {
        this.pending = bytes;
        return "";
      }
      return this.emit(this.start(bytes, false));
    }
    return this.emit(this.decode(bytes, false));
  }

  end(): string {
    const bytes = this.pending;
    this.pending = new Uint8Array(0);
    if (this.encoding === null) return this.emit(this.start(bytes, true));
    return this.emit(this.decode(bytes, true));
  }

  private start(bytes: Uint8Array, final: boolean): string {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return this.startUtf16("utf-16le", bytes, final);
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return this.startUtf16("utf-16be", bytes, final);
    this.encoding = "utf-8";
    if (startsWith(bytes, UTF8_BOM)) {
      this.hadBom = true;
      // A declared UTF-8 file never falls back to Windows-1252.
      this.sawNonAscii = true;
      return this.decode(bytes.subarray(3), final);
    }
    return this.decode(bytes, final);
  }

  private startUtf16(encoding: "utf-16le" | "utf-16be", bytes: Uint8Array, final: boolean): string {
    this.encoding = encoding;
    this.hadBom = true;
    this.utf16 = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
    return this.decode(bytes, final);
  }

  private decode(bytes: Uint8Array, final: boolean): string {
    if (this.encoding === "windows-1252") return decodeWindows1252(bytes);
    if (this.utf16) {
      try {
        return this.utf16.decode(bytes, { stream: !final });
      } catch {
        throw statementError(this.linesBefore + 1, "the file says it is UTF-16 but its bytes are not.");
      }
    }
    const whole = final ? bytes.length : completeUtf8Length(bytes);
    this.pending = bytes.slice(whole);
    try {
      return this.strictUtf8.decode(bytes.subarray(0, whole));
    } catch {
      return this.fallBackToWindows1252(bytes);
    }
  }

  private fallBackToWindows1252(bytes: Uint8Array): string {
    const lenient = new TextDecoder("utf-8").decode(bytes);
    const validPrefix = lenient.slice(0, lenient.indexOf("\ufffd"));
    if (this.sawNonAscii || hasNonAscii(validPrefix)) {
      throw statementError(
        this.linesBefore + countLineBreaks(validPrefix) + 1,
        "the file mixes text encodings (UTF-8 above this line, something else here). Save it again as " +
          '"CSV UTF-8" and import that file.',
      );
    }
    this.encoding = "windows-1252";
    this.pending = new Uint8Array(0);
    return decodeWindows1252(bytes);
  }

  private emit(text: string): string {
    if (!this.sawNonAscii && hasNonAscii(text)) this.sawNonAscii = true;
    this.linesBefore += countLineBreaks(text);
    return text;
  }
}

/** Decodes a whole file at once (an upload held in memory). */
export function decodeStatementBytes(bytes: Uint8Array): DecodedStatement {
  const decoder = new StatementDecoder();
  const text = decoder.push(bytes) + decoder.end();
  return { text, encoding: decoder.encoding ?? "utf-8", hadBom: decoder.hadBom };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Any StatementSource as a stream of text chunks. Byte chunks go through one StatementDecoder;
 * text chunks are taken as already decoded (only a leading BOM character is dropped).
 */
export async function* toTextChunks(source: StatementSource): AsyncGenerator<string> {
  if (typeof source === "string") {
    yield stripBom(source);
    return;
  }
  if (source instanceof Uint8Array) {
    yield decodeStatementBytes(source).text;
    return;
  }
  const decoder = new StatementDecoder();
  let first = true;
  for await (const chunk of source) {
    let text = typeof chunk === "string" ? chunk : decoder.push(chunk);
    if (first && text.length > 0) {
      text = stripBom(text);
      first = false;
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.end();
  if (rest.length > 0) yield first ? stripBom(rest) : rest;
}
