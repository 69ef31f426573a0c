/**
 * CSV records and the physical line each starts on, whatever the line endings, with quoted
 * commas and line breaks, blank lines, and a broken quote named by its line.
 */

import { describe, expect, it } from "vitest";
import { type CsvRecord, readCsvHead, readCsvRecords } from "../../../src/domain/import/csv-records.js";
import { StatementError } from "../../../src/domain/import/statement-error.js";
import { fixtureBytes, inChunks } from "./fixture-files.js";

async function records(source: Parameters<typeof readCsvRecords>[0]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(source)) out.push(record);
  return out;
}

const lines = (found: CsvRecord[]) => found.map((record) => record.line);

describe("readCsvRecords", () => {
  it.each([
    ["LF", "\n"],
    ["CRLF", "\r\n"],
    ["CR", "\r"],
  ])("numbers physical lines with %s endings, across blank lines and quoted breaks", async (_name, eol) => {
    const text = ["a,b", "", '1,"two', 'lines"', "", "", "3,x", ",", "4,y"].join(eol);
    const found = await records(text);
    expect(lines(found)).toEqual([1, 3, 7, 9]);
    expect(found[1]?.cells).toEqual(["1", `two${eol}lines`]);
  });

  it("reads quoted commas, doubled quotes and line breaks (quoted-newlines.csv)", async () => {
    const found = await records(fixtureBytes("quoted-newlines.csv"));
    expect(lines(found)).toEqual([1, 2, 4, 5, 8]);
    expect(found[1]?.cells).toEqual([
      "01/05/2026",
      "STRIPE TRANSFER, ST-A1B2C3\nPAYOUT FOR SESSIONS JAN 1-4",
      "812.40",
    ]);
    expect(found[2]?.cells[1]).toBe('SUNRISE OFFICE SUITES, LLC "JANUARY RENT"');
    expect(found[3]?.cells[1]).toBe("ZOOM.US\n888-799-9666\nSAN JOSE, CA");
  });

  it("gives the same records whatever the chunk size of the upload", async () => {
    const bytes = fixtureBytes("quoted-newlines.csv");
    const whole = await records(bytes);
    for (const size of [1, 5, 33]) expect(await records(inChunks(bytes, size))).toEqual(whole);
  });

  it("keeps rows of uneven width (a summary block above the table)", async () => {
    const found = await records(fixtureBytes("bofa-checking-with-summary.csv"));
    expect(found[0]?.cells).toEqual(["Description", "", "Summary Amt."]);
    expect(found[5]).toEqual({ line: 7, cells: ["Date", "Description", "Amount", "Running Bal."] });
  });

  it("keeps a stray quote inside an unquoted field", async () => {
    const found = await records('01/02/2026,JOE"S DELI,-8.00\n');
    expect(found[0]?.cells[1]).toBe('JOE"S DELI');
  });

  it.each([["unclosed-quote.csv", 4, /a quoted field is never closed/]])(
    "refuses %s at line %i",
    async (name, line, message) => {
      const error = await records(fixtureBytes(name)).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StatementError);
      expect((error as StatementError).problems).toEqual([{ line, message: expect.stringMatching(message) }]);
    },
  );

  it("refuses a quote that swallows the rest of a large file at the line it opens", async () => {
    const text = `Date,Description,Amount\n01/02/2026,"AETNA,1.00\n${"01/03/2026,ZOOM.US,-15.99\n".repeat(8000)}`;
    await expect(records(text)).rejects.toThrow(/^Line 2: the row is too long to be a statement row/);
  });

  it("keeps text after a closing quote as written rather than refusing the file", async () => {
    const found = await records('Date,Description,Amount\n01/02/2026,"AETNA"X,1.00\n');
    expect(found[1]).toEqual({ line: 2, cells: ["01/02/2026", '"AETNA"X', "1.00"] });
  });
});

describe("readCsvHead", () => {
  it("stops after the first records", async () => {
    const head = await readCsvHead(fixtureBytes("chase-checking.csv"), 3);
    expect(lines(head)).toEqual([1, 2, 3]);
  });

  it("returns what there is for a short file, and nothing for an empty one", async () => {
    expect(await readCsvHead("a,b\n1,2\n", 50)).toHaveLength(2);
    expect(await readCsvHead("", 50)).toEqual([]);
    expect(await readCsvHead("\n\n  \n", 50)).toEqual([]);
  });
});
