/**
 * Format detection from name and first bytes (every sample file, and the files people pick by
 * mistake), and the mapping's JSON schema: a guessed mapping survives storage, a broken one is
 * refused.
 */

import { describe, expect, it } from "vitest";
import { guessCsvMapping } from "../../../src/domain/import/csv-guess.js";
import { csvMappingSchema, readStoredCsvMapping } from "../../../src/domain/import/csv-mapping.js";
import { readCsvHead } from "../../../src/domain/import/csv-records.js";
import { detectStatementFormat } from "../../../src/domain/import/detect.js";
import { fixtureBytes } from "./fixture-files.js";

describe("detectStatementFormat", () => {
  it.each([
    ["chase-checking.csv", "csv"],
    ["chase-card.csv", "csv"],
    ["bofa-checking-with-summary.csv", "csv"],
    ["wells-fargo-no-header.csv", "csv"],
    ["capital-one-debit-credit.csv", "csv"],
    ["amex-charges-positive.csv", "csv"],
    ["credit-union-withdrawals-deposits.csv", "csv"],
    ["windows-1252.csv", "csv"],
    ["utf8-bom.csv", "csv"],
    ["quoted-newlines.csv", "csv"],
    ["malformed-amount.csv", "csv"],
    ["jan-feb.csv", "csv"],
    ["feb-mar.csv", "csv"],
    ["bank-ofx1.ofx", "ofx"],
    ["card-ofx2.ofx", "ofx"],
    ["bank.qfx", "qfx"],
  ])("reads %s as %s", (name, format) => {
    expect(detectStatementFormat(name, fixtureBytes(name))).toEqual({ ok: true, format });
  });

  it("trusts the content over the name", () => {
    expect(detectStatementFormat("download.txt", fixtureBytes("bank-ofx1.ofx"))).toEqual({
      ok: true,
      format: "ofx",
    });
    expect(detectStatementFormat("export", fixtureBytes("bank.qfx"))).toEqual({ ok: true, format: "qfx" });
    expect(detectStatementFormat("statement.qbo", fixtureBytes("bank-ofx1.ofx"))).toEqual({
      ok: true,
      format: "qfx",
    });
    expect(detectStatementFormat("export.dat", "Date,Description,Amount\n")).toEqual({
      ok: true,
      format: "csv",
    });
  });

  it.each([
    ["statement.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]), /This is a PDF/],
    ["statement.xlsx", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), /Excel workbook/],
    ["statement.xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), /Excel workbook/],
    ["photo.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]), /not a text file/],
    ["empty.csv", new Uint8Array([]), /The file is empty/],
    ["bank.ofx", new TextEncoder().encode("Date,Amount\n"), /named like an OFX file/],
    ["notes.md", new TextEncoder().encode("# My notes\n"), /does not look like a CSV, OFX or QFX/],
  ])("refuses %s", (name, head, message) => {
    const result = detectStatementFormat(name, head);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});

describe("csvMappingSchema", () => {
  it.each([
    "chase-checking.csv",
    "wells-fargo-no-header.csv",
    "capital-one-debit-credit.csv",
    "amex-charges-positive.csv",
  ])("accepts the mapping guessed for %s after a JSON round trip", async (name) => {
    const guess = guessCsvMapping(await readCsvHead(fixtureBytes(name)));
    if (!guess.ok) throw new Error(guess.message);
    const stored: unknown = JSON.parse(JSON.stringify(guess.mapping));
    expect(readStoredCsvMapping(stored)).toEqual(guess.mapping);
  });

  const base = {
    version: 1,
    header: { kind: "row", cells: ["Date", "Description", "Amount"] },
    dateColumn: 0,
    dateFormat: "MM/DD/YYYY",
    descriptionColumn: 1,
    amount: { kind: "signed", column: 2 },
    bankIdColumn: null,
  };

  it.each([
    ["one column in two roles", { ...base, descriptionColumn: 0 }, /only one role/],
    ["a column past the header", { ...base, amount: { kind: "signed", column: 5 } }, /header has 3 columns/],
    ["an unknown date format", { ...base, dateFormat: "DD.MM.YY" }, /./],
    ["an unknown amount layout", { ...base, amount: { kind: "cents", column: 2 } }, /./],
    ["an extra field", { ...base, sql: "drop table" }, /./],
    ["a negative column", { ...base, dateColumn: -1 }, /./],
  ])("refuses %s", (_name, value, message) => {
    const parsed = csvMappingSchema.safeParse(value);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message).join(" ")).toMatch(message);
    expect(readStoredCsvMapping(value)).toBeNull();
  });
});
