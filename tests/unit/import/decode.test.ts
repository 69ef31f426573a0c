/**
 * Statement bytes → text: BOM or not, UTF-8 or Windows-1252, whole or in chunks split anywhere,
 * and a refusal (naming the line) for a file that mixes encodings.
 */

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeStatementBytes, StatementDecoder, toTextChunks } from "../../../src/domain/import/decode.js";
import { StatementError } from "../../../src/domain/import/statement-error.js";
import { decodeWindows1252 } from "../../../src/domain/import/windows-1252.js";
import { fixtureBytes, inChunks } from "./fixture-files.js";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function joinChunks(source: AsyncIterable<Uint8Array>): Promise<string> {
  let text = "";
  for await (const chunk of toTextChunks(source)) text += chunk;
  return text;
}

describe("decodeStatementBytes", () => {
  it.each([
    ["utf8-bom.csv", "utf-8", true, "CAFÉ MOZART – CONSULT GROUP"],
    ["windows-1252.csv", "windows-1252", false, "Blue Door Café Austin TX"],
    ["windows-1252.csv", "windows-1252", false, "PSYCHOTHERAPY NETWORKER’S SYMPOSIUM"],
    ["windows-1252.csv", "windows-1252", false, "CE WORKSHOP – EMDR BASICS"],
    ["chase-checking.csv", "utf-8", false, "Zelle payment from JORDAN QUILLFEATHER"],
  ])("reads %s as %s (BOM: %s)", (name, encoding, hadBom, expected) => {
    const decoded = decodeStatementBytes(fixtureBytes(name));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.hadBom).toBe(hadBom);
    expect(decoded.text).toContain(expected);
    expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(decoded.text).toMatch(/^(Date|Details),/);
  });

  it("holds the Windows-1252 bytes it claims to", () => {
    const bytes = fixtureBytes("windows-1252.csv");
    expect(bytes).toContain(0xe9); // é
    expect(bytes).toContain(0x92); // ’
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
  });

  it.each([
    [[0x80], "€"],
    [[0x92], "’"],
    [[0x93, 0x94], "“”"],
    [[0x96, 0x97], "–—"],
    [[0xe9, 0xf1, 0xfc], "éñü"],
    [[0x81], "\u0081"],
  ])("maps Windows-1252 bytes %j to %j", (bytes, text) => {
    expect(decodeWindows1252(new Uint8Array(bytes))).toBe(text);
  });

  it("decodes UTF-16 with a byte order mark (Excel's Unicode text)", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00, 0x0a, 0x00]);
    expect(decodeStatementBytes(le)).toEqual({ text: "Aé\n", encoding: "utf-16le", hadBom: true });
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x41, 0x20, 0x19]);
    expect(decodeStatementBytes(be).text).toBe("A’");
  });

  it("reads files shorter than a byte order mark", () => {
    expect(decodeStatementBytes(new Uint8Array([])).text).toBe("");
    expect(decodeStatementBytes(utf8("a")).text).toBe("a");
    expect(decodeStatementBytes(new Uint8Array([0x61, 0xe9])).text).toBe("aé");
  });

  it("refuses a file that is UTF-8 for a while and then is not, naming the line", () => {
    const bytes = new Uint8Array([...utf8("Date,Description\n01/02/2026,CAFÉ\n01/03/2026,"), 0xe9, 0x0a]);
    expect(() => decodeStatementBytes(bytes)).toThrow(StatementError);
    expect(() => decodeStatementBytes(bytes)).toThrow(/^Line 3: the file mixes text encodings/);
  });

  it("refuses Windows-1252 bytes after a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("a\nb"), 0x92]);
    expect(() => decodeStatementBytes(bytes)).toThrow(/^Line 2: the file mixes text encodings/);
  });
});

describe("streamed decoding", () => {
  it.each([1, 2, 3, 7, 64])(
    "gives the same text in %i-byte chunks as whole, for every fixture encoding",
    async (size) => {
      for (const name of ["utf8-bom.csv", "windows-1252.csv", "quoted-newlines.csv"]) {
        const bytes = fixtureBytes(name);
        expect(await joinChunks(inChunks(bytes, size))).toBe(decodeStatementBytes(bytes).text);
      }
    },
  );

  it("keeps a UTF-8 character split across chunks whole, whatever the split", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (text, size) => {
          const decoder = new StatementDecoder();
          const bytes = utf8(text);
          let out = "";
          for (let i = 0; i < bytes.length; i += size) out += decoder.push(bytes.subarray(i, i + size));
          out += decoder.end();
          expect(out).toBe(text.replace(/^\ufeff/, ""));
        },
      ),
    );
  });

  it("switches to Windows-1252 when the first non-ASCII byte comes late in the file", async () => {
    const ascii = "Date,Description,Amount\n".repeat(200);
    const bytes = new Uint8Array([...utf8(ascii), 0x43, 0x41, 0x46, 0xc9, 0x0a]);
    expect(await joinChunks(inChunks(bytes, 100))).toBe(`${ascii}CAFÉ\n`);
  });

  it("refuses mixed encodings in a stream with the same line as whole", async () => {
    const bytes = new Uint8Array([...utf8("é\n".repeat(50)), 0x92, 0x0a]);
    await expect(joinChunks(inChunks(bytes, 16))).rejects.toThrow(/^Line 51: the file mixes text encodings/);
  });

  it("takes text chunks as already decoded, dropping a leading BOM", async () => {
    let text = "";
    for await (const chunk of toTextChunks(["\ufeffDate,", "Amount\n"])) text += chunk;
    expect(text).toBe("Date,Amount\n");
  });
});
