/**
 * Every sample CSV statement read end to end with its guessed mapping: row count, exact total in
 * the ledger's sign, and first row. Then a remembered mapping on the next month's file, and
 * the refusals: all of a file's row problems together, each naming its line, and nothing read.
 */

import { describe, expect, it } from "vitest";
import { guessCsvMapping } from "../../../src/domain/import/csv-guess.js";
import type { CsvMapping } from "../../../src/domain/import/csv-mapping.js";
import { readCsvHead } from "../../../src/domain/import/csv-records.js";
import { parseCsvStatement, parseCsvStatementText } from "../../../src/domain/import/csv-statement.js";
import { MAX_STATEMENT_PROBLEMS, StatementError } from "../../../src/domain/import/statement-error.js";
import type { StatementRow } from "../../../src/domain/import/statement-row.js";
import { fixtureBytes } from "./fixture-files.js";

async function guessed(source: string | Uint8Array): Promise<CsvMapping> {
  const result = guessCsvMapping(await readCsvHead(source));
  if (!result.ok) throw new Error(result.message);
  return result.mapping;
}

async function read(name: string): Promise<StatementRow[]> {
  const bytes = fixtureBytes(name);
  return parseCsvStatementText(bytes, await guessed(bytes));
}

const total = (rows: StatementRow[]) => rows.reduce((sum, row) => sum + row.amountCents, 0);

async function refusal(source: string | Uint8Array, mapping: CsvMapping): Promise<StatementError> {
  const error = await parseCsvStatementText(source, mapping).catch((caught: unknown) => caught);
  if (!(error instanceof StatementError)) throw new Error("expected a StatementError");
  return error;
}

describe("the sample statements", () => {
  it.each<[string, number, number, StatementRow]>([
    [
      "chase-checking.csv",
      20,
      -450_866,
      { line: 2, date: "2026-01-30", amountCents: -1500, description: "MONTHLY SERVICE FEE" },
    ],
    [
      "chase-card.csv",
      9,
      37_771,
      { line: 2, date: "2026-01-27", amountCents: -28_700, description: "CPH & ASSOCIATES MALPRACTICE" },
    ],
    [
      "bofa-checking-with-summary.csv",
      11,
      -383_660,
      {
        line: 9,
        date: "2026-01-02",
        amountCents: 42_000,
        description: "AETNA AS01 DES:HCCLAIMPMT ID:XXXXX48213 INDN:BIRCHWOOD COUNSELING CO ID:1066033492 CCD",
      },
    ],
    [
      "wells-fargo-no-header.csv",
      10,
      -460_479,
      {
        line: 1,
        date: "2026-01-28",
        amountCents: 36_000,
        description: "HEADWAY CO PAYMENTS 260128 HW-2211 BIRCHWOOD COUNSELING",
      },
    ],
    [
      "capital-one-debit-credit.csv",
      7,
      24_339,
      { line: 2, date: "2026-01-28", amountCents: -8999, description: "UDEMY CE TRAUMA COURSE" },
    ],
    [
      "amex-charges-positive.csv",
      8,
      -7133,
      {
        line: 2,
        date: "2026-01-29",
        amountCents: -17_500,
        description: "TEXAS BHEC ONLINE RENEWAL AUSTIN TX",
      },
    ],
    [
      "credit-union-withdrawals-deposits.csv",
      8,
      -259_208,
      { line: 2, date: "2026-01-02", amountCents: 42_000, description: "ACH DEPOSIT AETNA HCCLAIMPMT" },
    ],
    [
      "utf8-bom.csv",
      3,
      28_190,
      { line: 2, date: "2026-01-07", amountCents: -2460, description: "CAFÉ MOZART – CONSULT GROUP" },
    ],
    [
      "windows-1252.csv",
      5,
      -18_515,
      { line: 2, date: "2026-01-06", amountCents: -1840, description: "Blue Door Café Austin TX" },
    ],
    [
      "quoted-newlines.csv",
      4,
      -63_359,
      {
        line: 2,
        date: "2026-01-05",
        amountCents: 81_240,
        description: "STRIPE TRANSFER, ST-A1B2C3 PAYOUT FOR SESSIONS JAN 1-4",
      },
    ],
    [
      "jan-feb.csv",
      11,
      -424_548,
      { line: 2, date: "2026-01-05", amountCents: -185_000, description: "SUNRISE OFFICE SUITES RENT" },
    ],
    [
      "feb-mar.csv",
      10,
      -319_808,
      { line: 2, date: "2026-02-02", amountCents: -185_000, description: "SUNRISE OFFICE SUITES RENT" },
    ],
  ])("reads %s: %i rows totalling %i cents", async (name, count, cents, first) => {
    const rows = await read(name);
    expect(rows).toHaveLength(count);
    expect(total(rows)).toBe(cents);
    expect(rows[0]).toEqual(first);
  });

  it("negates a charges-positive export: payments become money into the card", async () => {
    const rows = await read("amex-charges-positive.csv");
    expect(rows.find((row) => row.description === "AUTOPAY PAYMENT - THANK YOU")?.amountCents).toBe(64_210);
  });

  it("signs withdrawals and deposits by their column", async () => {
    const rows = await read("capital-one-debit-credit.csv");
    expect(rows.find((row) => row.description === "CAPITAL ONE MOBILE PYMT")?.amountCents).toBe(50_000);
    expect(rows.find((row) => row.description === "PSYCHOLOGY TODAY")?.amountCents).toBe(-2995);
  });

  it("keeps the raw description, names included, with whitespace collapsed", async () => {
    const rows = await read("chase-checking.csv");
    expect(rows.map((row) => row.description)).toContain("Zelle payment from JORDAN QUILLFEATHER 19523417");
    expect(rows.map((row) => row.description)).toContain("AETNA AS01 HCCLAIMPMT PPD ID: 1066033492");
  });

  it("keeps both of two identical rows in one file (jan-feb.csv)", async () => {
    const rows = await read("jan-feb.csv");
    const zoom = rows.filter((row) => row.date === "2026-02-10" && row.amountCents === -1599);
    expect(zoom.map((row) => row.line)).toEqual([8, 9]);
  });

  it("skips the beginning-balance line inside a Bank of America table", async () => {
    const rows = await read("bofa-checking-with-summary.csv");
    expect(rows.some((row) => /beginning balance/i.test(row.description))).toBe(false);
  });
});

describe("a remembered mapping", () => {
  it("finds its header under a summary block of another length", async () => {
    const mapping = await guessed(fixtureBytes("bofa-checking-with-summary.csv"));
    const next =
      'Description,,Summary Amt.\nBeginning balance as of 02/01/2026,,"8,643.55"\n\nDate,Description,Amount,Running Bal.\n02/02/2026,"OPTUM BANK DES:HCCLAIMPMT","385.50","9,029.05"\n';
    expect(await parseCsvStatementText(next, mapping)).toEqual([
      { line: 5, date: "2026-02-02", amountCents: 38_550, description: "OPTUM BANK DES:HCCLAIMPMT" },
    ]);
  });

  it("refuses a file whose header changed, rather than reading the wrong columns", async () => {
    const mapping = await guessed(fixtureBytes("chase-checking.csv"));
    const error = await refusal(fixtureBytes("amex-charges-positive.csv"), mapping);
    expect(error.message).toMatch(
      /^The header row "Details,Posting Date,.*" was not found .* choose them again\.$/,
    );
  });

  it("reads the bank id column when the mapping names one", async () => {
    const text =
      "Date,Description,Amount,Reference\n01/05/2026,ZOOM.US,-15.99,REF-001\n01/06/2026,AETNA,42.00,\n";
    const rows = await parseCsvStatementText(text, await guessed(text));
    expect(rows.map((row) => row.bankId)).toEqual(["REF-001", undefined]);
  });
});

describe("refusals", () => {
  it("names every bad line of malformed-amount.csv and imports nothing", async () => {
    const bytes = fixtureBytes("malformed-amount.csv");
    const mapping = await guessed(bytes);
    const error = await refusal(bytes, mapping);
    expect(error.problems).toEqual([
      { line: 14, message: expect.stringMatching(/^the amount "12\.3\.4" is not a number/) },
      { line: 17, message: 'the date "02/30/2026" does not exist (February 2026 has 28 days).' },
    ]);
    expect(error.message.split("\n")[0]).toMatch(/^Line 14: the amount "12\.3\.4" is not a number/);
    expect(error.truncated).toBe(false);
  });

  it("stops yielding rows at the first bad one, then throws", async () => {
    const bytes = fixtureBytes("malformed-amount.csv");
    const yielded: number[] = [];
    const run = async () => {
      for await (const row of parseCsvStatement(bytes, await guessed(bytes))) yielded.push(row.line);
    };
    await expect(run()).rejects.toBeInstanceOf(StatementError);
    expect(Math.max(...yielded)).toBeLessThan(14);
  });

  it.each([
    ["01/05/2026,ZOOM.US,", "the amount is empty."],
    [",ZOOM.US,-15.99", "the date is empty."],
    ["01/05/2026", "the row has 1 columns, but the mapping reads column 3."],
    ["13/05/2026,ZOOM.US,-15.99", expect.stringMatching(/month 13/)],
  ])("refuses the row %j", async (row, message) => {
    const mapping = await guessed("Date,Description,Amount\n01/02/2026,A,1.00\n");
    const error = await refusal(`Date,Description,Amount\n01/02/2026,A,1.00\n${row}\n`, mapping);
    expect(error.problems).toEqual([{ line: 3, message }]);
  });

  it("refuses a row with both a withdrawal and a deposit", async () => {
    const bytes = fixtureBytes("credit-union-withdrawals-deposits.csv");
    const text = 'Date,Description,Withdrawals,Deposits,Balance\n1/2/26,ODD ROW,"$1.00","$2.00","$3.00"\n';
    const error = await refusal(text, await guessed(bytes));
    expect(error.message).toBe(
      'Line 2: both "Withdrawals" and "Deposits" have an amount; a row can only take money out or bring it in.',
    );
  });

  it(`lists at most ${MAX_STATEMENT_PROBLEMS} problems and says it stopped`, async () => {
    const text = `Date,Description,Amount\n${"01/05/2026,ZOOM.US,abc\n".repeat(40)}`;
    const error = await refusal(text, await guessed("Date,Description,Amount\n01/02/2026,A,1.00\n"));
    expect(error.problems).toHaveLength(MAX_STATEMENT_PROBLEMS);
    expect(error.truncated).toBe(true);
    expect(error.message).toMatch(/Stopped after 20 problems/);
  });

  it("refuses a file that switches encoding part-way, naming the line", async () => {
    const head = new TextEncoder().encode("Date,Description,Amount\n01/05/2026,CAFÉ,-4.00\n01/06/2026,CAF");
    const bytes = new Uint8Array([...head, 0xc9, ...new TextEncoder().encode(",-5.00\n")]);
    const error = await refusal(bytes, await guessed("Date,Description,Amount\n01/02/2026,A,1.00\n"));
    expect(error.message).toMatch(/^Line 3: the file mixes text encodings/);
  });

  it("adds a broken quote to the row problems found before it", async () => {
    const text = 'Date,Description,Amount\n01/05/2026,ZOOM.US,abc\n01/06/2026,"AETNA,1.00\n';
    const error = await refusal(text, await guessed("Date,Description,Amount\n01/02/2026,A,1.00\n"));
    expect(error.problems.map((problem) => problem.line)).toEqual([2, 3]);
    expect(error.problems[1]?.message).toMatch(/never closed/);
  });
});
