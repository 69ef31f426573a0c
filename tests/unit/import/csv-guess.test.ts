/**
 * The proposed mapping for each bank's export: header found (also under a summary block) or
 * columns read by content when there is none, the amount layout and its sign, and the date
 * format.
 */

import { describe, expect, it } from "vitest";
import { guessCsvMapping } from "../../../src/domain/import/csv-guess.js";
import type { CsvAmountLayout, CsvMapping } from "../../../src/domain/import/csv-mapping.js";
import { readCsvHead } from "../../../src/domain/import/csv-records.js";
import type { DateFormat } from "../../../src/domain/import/dates.js";
import type { AccountKind } from "../../../src/domain/ledger/vocabulary.js";
import { fixtureBytes } from "./fixture-files.js";

async function guess(source: string | Uint8Array, accountKind?: AccountKind) {
  return guessCsvMapping(await readCsvHead(source), accountKind ? { accountKind } : {});
}

async function mappingOf(source: string | Uint8Array, accountKind?: AccountKind): Promise<CsvMapping> {
  const result = await guess(source, accountKind);
  if (!result.ok) throw new Error(result.message);
  return result.mapping;
}

type Expected = {
  headerLine: number | null;
  date: number;
  format: DateFormat;
  description: number;
  amount: CsvAmountLayout;
};

describe("guessCsvMapping on the sample statements", () => {
  it.each<[string, Expected]>([
    [
      "chase-checking.csv",
      { headerLine: 1, date: 1, format: "MM/DD/YYYY", description: 2, amount: { kind: "signed", column: 3 } },
    ],
    [
      "chase-card.csv",
      { headerLine: 1, date: 0, format: "MM/DD/YYYY", description: 2, amount: { kind: "signed", column: 5 } },
    ],
    [
      "bofa-checking-with-summary.csv",
      { headerLine: 7, date: 0, format: "MM/DD/YYYY", description: 1, amount: { kind: "signed", column: 2 } },
    ],
    [
      "wells-fargo-no-header.csv",
      {
        headerLine: null,
        date: 0,
        format: "MM/DD/YYYY",
        description: 4,
        amount: { kind: "signed", column: 1 },
      },
    ],
    [
      "capital-one-debit-credit.csv",
      {
        headerLine: 1,
        date: 0,
        format: "YYYY-MM-DD",
        description: 3,
        amount: { kind: "debit-credit", debitColumn: 5, creditColumn: 6 },
      },
    ],
    [
      "amex-charges-positive.csv",
      {
        headerLine: 1,
        date: 0,
        format: "MM/DD/YYYY",
        description: 1,
        amount: { kind: "signed-charges-positive", column: 2 },
      },
    ],
    [
      "credit-union-withdrawals-deposits.csv",
      {
        headerLine: 1,
        date: 0,
        format: "MM/DD/YY",
        description: 1,
        amount: { kind: "debit-credit", debitColumn: 2, creditColumn: 3 },
      },
    ],
    [
      "jan-feb.csv",
      { headerLine: 1, date: 0, format: "YYYY-MM-DD", description: 4, amount: { kind: "signed", column: 2 } },
    ],
    [
      "utf8-bom.csv",
      { headerLine: 1, date: 0, format: "MM/DD/YYYY", description: 1, amount: { kind: "signed", column: 2 } },
    ],
    [
      "windows-1252.csv",
      { headerLine: 1, date: 0, format: "MM/DD/YYYY", description: 1, amount: { kind: "signed", column: 2 } },
    ],
  ])("reads %s", async (name, expected) => {
    const result = await guess(fixtureBytes(name));
    if (!result.ok) throw new Error(result.message);
    expect(result.headerLine).toBe(expected.headerLine);
    expect(result.mapping).toMatchObject({
      dateColumn: expected.date,
      dateFormat: expected.format,
      descriptionColumn: expected.description,
      amount: expected.amount,
    });
  });

  it("keeps the header's cells so the next file is found by them", async () => {
    const mapping = await mappingOf(fixtureBytes("bofa-checking-with-summary.csv"));
    expect(mapping.header).toEqual({ kind: "row", cells: ["Date", "Description", "Amount", "Running Bal."] });
  });

  it("explains a skipped summary block, a choice between dates, and a missing header", async () => {
    const bofa = await guess(fixtureBytes("bofa-checking-with-summary.csv"));
    expect(bofa.ok && bofa.notes).toContain("The header is on line 7; the lines above it are skipped.");
    const chaseCard = await guess(fixtureBytes("chase-card.csv"));
    expect(chaseCard.ok && chaseCard.notes).toContain('Dates are read from "Transaction Date".');
    const wells = await guess(fixtureBytes("wells-fargo-no-header.csv"));
    expect(wells.ok && wells.mapping.header).toEqual({ kind: "none", skipRecords: 0 });
    expect(wells.ok && wells.notes.join(" ")).toMatch(/no header row/);
  });
});

describe("guessCsvMapping on other layouts", () => {
  it("skips a title block above a file with no header", async () => {
    const text =
      'Account ending 4417\nExported 02/01/2026\n"01/05/2026","-45.00","*","","ZOOM.US"\n"01/06/2026","540.00","*","","AETNA"\n';
    const mapping = await mappingOf(text);
    expect(mapping.header).toEqual({ kind: "none", skipRecords: 2 });
    expect(mapping.amount).toEqual({ kind: "signed", column: 1 });
  });

  it("finds withdrawal and deposit columns by content when there is no header", async () => {
    const text =
      "01/05/2026,ZOOM.US,15.99,,1000.00\n01/06/2026,AETNA HCCLAIMPMT,,540.00,1540.00\n01/07/2026,SIMPLEPRACTICE,99.00,,1441.00\n";
    const mapping = await mappingOf(text);
    expect(mapping.amount).toEqual({ kind: "debit-credit", debitColumn: 2, creditColumn: 3 });
    expect(mapping.descriptionColumn).toBe(1);
  });

  it("does not take a column of check numbers for money", async () => {
    const text =
      '"01/12/2026","-2400.00","*","1044","CHECK # 1044"\n"01/13/2026","-45.00","*","","ZOOM.US"\n';
    expect((await mappingOf(text)).amount).toEqual({ kind: "signed", column: 1 });
  });

  it("reads a card's mostly positive amounts as charges when told it is a card", async () => {
    const text =
      "Date,Description,Amount\n01/05/2026,ZOOM.US,15.99\n01/06/2026,STAPLES,47.32\n01/07/2026,RETURN,-5.00\n";
    expect((await mappingOf(text, "credit_card")).amount.kind).toBe("signed-charges-positive");
    expect((await mappingOf(text, "checking")).amount.kind).toBe("signed");
  });

  it("picks a day-first format when a day is past 12, and notes an ambiguous file", async () => {
    const dayFirst = "Date,Description,Amount\n25/01/2026,A,1.00\n03/02/2026,B,2.00\n";
    expect((await mappingOf(dayFirst)).dateFormat).toBe("DD/MM/YYYY");
    const ambiguous = await guess("Date,Description,Amount\n03/02/2026,B,2.00\n");
    expect(ambiguous.ok && ambiguous.notes.join(" ")).toMatch(/month-first \(MM\/DD\/YYYY\) is assumed/);
  });

  it("takes a reference column as the bank id", async () => {
    const text = "Date,Description,Amount,Reference\n01/05/2026,ZOOM.US,-15.99,REF-001\n";
    expect((await mappingOf(text)).bankIdColumn).toBe(3);
  });

  it.each([
    ["", /no rows/],
    ["just,some,words\nand,more,words\n", /No header naming a date and an amount/],
    ["Date,Amount\n01/05/2026,1.00\n", /No column of descriptions/],
  ])("says why it cannot propose a mapping for %j", async (text, message) => {
    const result = await guess(text);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});
