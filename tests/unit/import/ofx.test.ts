/**
 * OFX 1.x (SGML), OFX 2.x (XML) and QFX statements: FITID as the bank id, DTPOSTED and TRNAMT
 * parsing, entities, unclosed and empty leaves, balances and the account's last four, and
 * refusals that name the line.
 */

import { describe, expect, it } from "vitest";
import { parseOfx, parseOfxAmount, parseOfxBytes, parseOfxDate } from "../../../src/domain/import/ofx.js";
import { parseOfxTree } from "../../../src/domain/import/ofx-tree.js";
import { StatementError } from "../../../src/domain/import/statement-error.js";
import { fixtureBytes, lineOf } from "./fixture-files.js";

function onlyAccount(name: string) {
  const statement = parseOfxBytes(fixtureBytes(name));
  expect(statement.accounts).toHaveLength(1);
  const account = statement.accounts[0];
  if (!account) throw new Error("no account");
  return { statement, account };
}

const sum = (cents: number[]) => cents.reduce((a, b) => a + b, 0);

describe("the sample OFX and QFX statements", () => {
  it.each([
    ["bank-ofx1.ofx", 1, false, "bank", "CHECKING", "0187", 11, -346_945, 1_012_352],
    ["bank.qfx", 1, true, "bank", "SAVINGS", "7S01", 4, 50_387, 1_850_387],
    ["card-ofx2.ofx", 2, false, "credit_card", null, "4821", 7, 43_943, -74_310],
  ])("reads %s (OFX %i, Intuit %s)", (name, version, intuit, kind, type, last4, count, total, balance) => {
    const { statement, account } = onlyAccount(name);
    expect(statement).toMatchObject({ version, intuit });
    expect(account).toMatchObject({ kind, accountType: type, accountIdLast4: last4, currency: "USD" });
    expect(account.transactions).toHaveLength(count);
    expect(sum(account.transactions.map((t) => t.amountCents))).toBe(total);
    expect(account.ledgerBalance).toEqual({ amountCents: balance, asOf: "2026-01-31" });
    expect(account).toMatchObject({ startDate: "2026-01-01", endDate: "2026-01-31" });
    expect(new Set(account.transactions.map((t) => t.bankId)).size).toBe(count);
  });

  it.each([
    ["bank-ofx1.ofx", "20260102-0001", "2026-01-02", 42_000, "AETNA AS01 HCCLAIMPMT 1066033492", "CREDIT"],
    ["bank-ofx1.ofx", "20260106-0001", "2026-01-06", -6418, "AT&T MOBILITY ONLINE PMT", "DEBIT"],
    [
      "bank-ofx1.ofx",
      "20260119-0001",
      "2026-01-19",
      -4127,
      "BARNES & NOBLE #2741 DSM-5-TR DESK REFERENCE",
      "DEBIT",
    ],
    ["bank-ofx1.ofx", "20260121-0001", "2026-01-21", 94_500, "ALMA PAYOUT", "CREDIT"],
    [
      "bank-ofx1.ofx",
      "20260107-0001",
      "2026-01-07",
      15_000,
      "Zelle payment from JORDAN QUILLFEATHER",
      "CREDIT",
    ],
    ["bank.qfx", "QFX-0122-B2", "2026-01-22", 100_000, "TRANSFER FROM CHECKING", "CREDIT"],
    ["bank.qfx", "QFX-0131-D4", "2026-01-31", -250_000, "TRANSFER TO CHECKING FOR IRS Q4 ESTIMATE", "DEBIT"],
    [
      "card-ofx2.ofx",
      "2026010324692160003000001",
      "2026-01-03",
      -1599,
      "ZOOM.US 888-799-9666 SAN JOSE CA",
      "DEBIT",
    ],
    ["card-ofx2.ofx", "2026011624692160016000004", "2026-01-16", 118_342, "PAYMENT - THANK YOU", "CREDIT"],
    [
      "card-ofx2.ofx",
      "2026011824692160018000005",
      "2026-01-18",
      -17_500,
      "TX BHEC <LICENSE> RENEWAL AUSTIN TX",
      "DEBIT",
    ],
    [
      "card-ofx2.ofx",
      "2026012724692160027000007",
      "2026-01-27",
      -28_700,
      "CPH & ASSOCIATES CHICAGO IL",
      "DEBIT",
    ],
  ])("%s: FITID %s is %s, %i cents, %j", (name, fitId, date, cents, description, type) => {
    const transaction = onlyAccount(name).account.transactions.find((t) => t.bankId === fitId);
    expect(transaction).toMatchObject({ date, amountCents: cents, description, type });
  });

  it("numbers each transaction by the line of its <STMTTRN>", () => {
    expect(onlyAccount("bank-ofx1.ofx").account.transactions[0]?.line).toBe(
      lineOf("bank-ofx1.ofx", "<STMTTRN>"),
    );
    expect(onlyAccount("card-ofx2.ofx").account.transactions[0]?.line).toBe(
      lineOf("card-ofx2.ofx", "<STMTTRN>"),
    );
  });

  it("keeps a check number", () => {
    const check = onlyAccount("bank-ofx1.ofx").account.transactions.find((t) => t.type === "CHECK");
    expect(check).toMatchObject({ checkNumber: "1043", amountCents: -42_500, description: "CHECK 1043" });
  });
});

describe("OFX dates and amounts", () => {
  it.each([
    ["20260105", "2026-01-05"],
    ["202601051230", "2026-01-05"],
    ["20260105120000", "2026-01-05"],
    ["20260105120000.000", "2026-01-05"],
    ["20260105120000[-5:EST]", "2026-01-05"],
    ["20260105000000.000[0:GMT]", "2026-01-05"],
    ["20260105120000 [-8:PST]", "2026-01-05"],
  ])("reads DTPOSTED %j as %s", (raw, date) => {
    expect(parseOfxDate(raw)).toEqual({ ok: true, value: date });
  });

  it.each([
    ["2026-01-05", /not an OFX date/],
    ["2026015", /not an OFX date/],
    ["20260230", /does not exist/],
    ["", /is missing/],
  ])("refuses DTPOSTED %j", (raw, message) => {
    const result = parseOfxDate(raw);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  it.each([
    ["-45.00", -4500],
    ["+945.00", 94_500],
    ["1234.5", 123_450],
    ["-12,50", -1250],
    ["12.340", 1234],
    ["0", 0],
  ])("reads TRNAMT %j as %i cents", (raw, cents) => {
    expect(parseOfxAmount(raw)).toEqual({ ok: true, value: cents });
  });

  it.each(["12.345", "abc", "1.2.3"])("refuses TRNAMT %j", (raw) => {
    expect(parseOfxAmount(raw).ok).toBe(false);
  });
});

describe("the OFX reader's tolerance", () => {
  it("hoists the siblings an empty SGML leaf seemed to hold", () => {
    const tree = parseOfxTree("<OFX><A><MEMO><FITID>7\n</A></OFX>");
    const a = tree.root.children[0]?.children[0];
    expect(a?.children.map((child) => [child.name, child.text])).toEqual([
      ["MEMO", null],
      ["FITID", "7"],
    ]);
  });

  it("reads leaves closed or not, and comments, in either dialect", () => {
    const sgml = "OFXHEADER:100\nVERSION:102\n\n<OFX><!-- note --><X>1</X><Y>2\n<Z/></OFX>";
    const tree = parseOfxTree(sgml);
    expect(tree.version).toBe(1);
    expect(tree.headers).toMatchObject({ OFXHEADER: "100", VERSION: "102" });
    expect(tree.root.children[0]?.children.map((c) => [c.name, c.text])).toEqual([
      ["X", "1"],
      ["Y", "2"],
      ["Z", null],
    ]);
  });
});

describe("OFX refusals", () => {
  const wrap = (transactions: string) =>
    `OFXHEADER:100\n\n<OFX>\n<BANKMSGSRSV1><STMTTRNRS><STMTRS>\n<BANKACCTFROM><ACCTID>1234<ACCTTYPE>CHECKING</BANKACCTFROM>\n<BANKTRANLIST>\n${transactions}</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n`;

  it("names the line of every bad transaction and returns nothing", () => {
    const text = wrap(
      "<STMTTRN>\n<DTPOSTED>20260105\n<TRNAMT>1.00\n<NAME>NO ID\n</STMTTRN>\n<STMTTRN>\n<DTPOSTED>20260230\n<TRNAMT>12.3.4\n<FITID>B\n</STMTTRN>\n",
    );
    const error = (() => {
      try {
        parseOfx(text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(StatementError);
    expect((error as StatementError).message).toBe(
      [
        "Line 7: the transaction has no FITID (the bank's id for it).",
        'Line 12: the date "20260230" does not exist (February 2026 has 28 days).',
        'Line 12: the amount (TRNAMT) "12.3.4" is not a number.',
      ].join("\n"),
    );
  });

  it.each([
    ["Date,Description,Amount\n", /^The file has no <OFX> element/],
    [
      "OFXHEADER:100\n\n<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>",
      /^The file holds no bank or credit card statement/,
    ],
    [
      "OFXHEADER:100\n\n<OFX>\n<BANKMSGSRSV1>\n<STMTTRNRS>",
      /^Line 5: the file ends before <BANKMSGSRSV1> \(line 4\) is closed/,
    ],
    ["OFXHEADER:100\n\n<OFX>\n</STMTRS>\n</OFX>", /^Line 4: <\/STMTRS> closes an element that is not open/],
    [
      "<OFX><BANKMSGSRSV1><STMTTRNRS><STATUS><CODE>2000<SEVERITY>ERROR<MESSAGE>Account closed</STATUS><STMTRS></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>",
      /^Line 1: the bank reported an error \(code 2000: Account closed\)/,
    ],
  ])("refuses %j", (text, message) => {
    expect(() => parseOfx(text)).toThrow(message);
  });
});
