/**
 * Windows-1252, the encoding of CSV files saved by older Excel and many US bank back ends.
 * Decoded by hand because Node 20's TextDecoder("windows-1252") is ISO-8859-1 in disguise: it
 * turns 0x92 into the control character U+0092 instead of "’", and bank descriptions are full of
 * curly apostrophes. Bytes 0x00–0x7F and 0xA0–0xFF are their own code points; 0x80–0x9F follow
 * the table below (the five bytes Windows leaves undefined stay as C1 controls, as WHATWG does).
 */

const C1_TABLE: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d,
  0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a,
  0x0153, 0x9d, 0x017e, 0x0178,
];

const CHUNK = 8192;

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const codes = new Array<number>(Math.min(CHUNK, bytes.length));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(start + CHUNK, bytes.length);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const byte = bytes[i] ?? 0;
      codes[i - start] = byte >= 0x80 && byte <= 0x9f ? (C1_TABLE[byte - 0x80] ?? byte) : byte;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}
