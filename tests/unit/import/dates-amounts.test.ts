/**
 * Statement cells → ISO dates and integer cents: the US and ISO date formats, refusals that say
 * why, the format guess, and amounts with separators, parentheses, currency symbols and the
 * spellings bank exports add.
 */

import { describe, expect, it } from "vitest";
import { parseStatementAmount } from "../../../src/domain/import/amounts.js";
import { type DateFormat, guessDateFormat, parseStatementDate } from "../../../src/domain/import/dates.js";

describe("parseStatementDate", () => {
  it.each<[string, DateFormat, string]>([
    ["01/05/2026", "MM/DD/YYYY", "2026-01-05"],
    ["1/5/2026", "MM/DD/YYYY", "2026-01-05"],
    ["12/31/2025", "MM/DD/YYYY", "2025-12-31"],
    ["01-05-2026", "MM/DD/YYYY", "2026-01-05"],
    ["01/05/2026 00:00:00", "MM/DD/YYYY", "2026-01-05"],
    ["02/29/2028", "MM/DD/YYYY", "2028-02-29"],
    ["01/05/26", "MM/DD/YY", "2026-01-05"],
    ["1/5/26", "MM/DD/YY", "2026-01-05"],
    ["2026-01-05", "YYYY-MM-DD", "2026-01-05"],
    ["2026/1/5", "YYYY-MM-DD", "2026-01-05"],
    ["2026-01-05T08:30:00Z", "YYYY-MM-DD", "2026-01-05"],
    ["20260105", "YYYY-MM-DD", "2026-01-05"],
    ["05/01/2026", "DD/MM/YYYY", "2026-01-05"],
    ["31.12.2025", "DD/MM/YYYY", "2025-12-31"],
  ])("reads %j in %s as %s", (raw, format, iso) => {
    expect(parseStatementDate(raw, format)).toEqual({ ok: true, date: iso });
  });

  it.each<[string, DateFormat, RegExp]>([
    ["", "MM/DD/YYYY", /the date is empty/],
    ["02/30/2026", "MM/DD/YYYY", /"02\/30\/2026" does not exist \(February 2026 has 28 days\)/],
    ["02/29/2026", "MM/DD/YYYY", /does not exist/],
    ["04/31/2026", "MM/DD/YYYY", /April 2026 has 30 days/],
    [
      "13/05/2026",
      "MM/DD/YYYY",
      /month 13, which cannot be in MM\/DD\/YYYY\. If the file puts the day first, choose DD\/MM\/YYYY/,
    ],
    ["05/13/2026", "DD/MM/YYYY", /month 13.*choose MM\/DD\/YYYY/],
    ["00/10/2026", "MM/DD/YYYY", /month 0/],
    ["01/00/2026", "MM/DD/YYYY", /does not exist/],
    ["01/05/26", "MM/DD/YYYY", /is not written as MM\/DD\/YYYY/],
    ["01/05/2026", "MM/DD/YY", /is not written as MM\/DD\/YY/],
    ["Jan 5, 2026", "MM/DD/YYYY", /is not written as/],
    ["2026-13-01", "YYYY-MM-DD", /month 13/],
    ["01/05/0026", "MM/DD/YYYY", /year 26, which is out of range/],
  ])("refuses %j in %s", (raw, format, message) => {
    const result = parseStatementDate(raw, format);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });

  it.each<[string[], DateFormat, boolean]>([
    [["01/05/2026", "01/30/2026"], "MM/DD/YYYY", false],
    [["01/05/2026", "02/03/2026"], "MM/DD/YYYY", true],
    [["30/01/2026", "05/02/2026"], "DD/MM/YYYY", false],
    [["1/5/26", "12/28/25"], "MM/DD/YY", false],
    [["2026-01-05", "2026-02-28"], "YYYY-MM-DD", false],
  ])("guesses %j as %s (ambiguous: %s)", (samples, format, ambiguous) => {
    expect(guessDateFormat(samples)).toEqual({ format, ambiguous });
  });

  it("guesses nothing when no single format reads every date", () => {
    expect(guessDateFormat(["01/30/2026", "30/01/2026"])).toBeNull();
    expect(guessDateFormat([])).toBeNull();
  });
});

describe("parseStatementAmount", () => {
  it.each([
    ["1234.5", 123_450],
    ["$1,234.56", 123_456],
    ["-$1,234.56", -123_456],
    ["$-12.00", -1200],
    ["(12.00)", -1200],
    ["($1,000.00)", -100_000],
    ["-12.00", -1200],
    ["+945.00", 94_500],
    ["12.00-", -1200],
    ["\u221212.50", -1250],
    ["USD 45.00", 4500],
    ["45.00 USD", 4500],
    ["$ 45.00", 4500],
    ["- 12.00", -1200],
    ["0.00", 0],
    ["1,000,000,000.00", 100_000_000_000],
  ])("reads %j as %i cents", (raw, cents) => {
    expect(parseStatementAmount(raw)).toEqual({ ok: true, cents });
  });

  it.each([
    ["", /the amount is empty/],
    ["12.3.4", /the amount "12\.3\.4" is not a number \(not an amount/],
    ["1.234", /"1\.234" is not a number \(use at most two decimal places/],
    ["1,23", /group thousands with commas in threes/],
    ["abc", /is not a number/],
    ["12 34", /is not a number/],
    ["(12.00", /unbalanced parentheses/],
    ["1,000,000,000.01", /more than \$1,000,000,000/],
  ])("refuses %j", (raw, message) => {
    const result = parseStatementAmount(raw);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(message);
  });
});
