import { describe, expect, it } from "vitest";
import { valueMileageLog } from "../../../src/domain/tax/mileage.js";
import { UnsupportedTaxYearError } from "../../../src/domain/tax/tax-years.js";
import { usd } from "./usd.js";

describe("valueMileageLog", () => {
  it("2025: 70¢ a mile (Notice 2025-5)", () => {
    const valued = valueMileageLog(2025, [
      { date: "2025-02-03", miles: 600 },
      { date: "2025-11-20", miles: 400 },
    ]);
    // 1,000 miles × $0.70 = $700.00
    expect(valued.totalCents).toBe(usd("700.00"));
    expect(valued.hundredthsOfMiles).toBe(100_000);
  });

  it("2026: 72.5¢ to June 30, 76¢ from July 1 (Notice 2026-10, Announcement 2026-11)", () => {
    const valued = valueMileageLog(2026, [
      { date: "2026-03-01", miles: 100 },
      { date: "2026-06-30", miles: 12.3 },
      { date: "2026-07-01", miles: 1000 },
    ]);
    // January-June: 112.3 miles × $0.725 = $81.4175 → $81.42 (one rounding for the period)
    // From July 1:  1,000 miles × $0.76 = $760.00
    expect(valued.lines.map((line) => [line.fromDate, line.hundredthsOfMiles, line.valueCents])).toEqual([
      ["2026-01-01", 11_230, usd("81.42")],
      ["2026-07-01", 100_000, usd("760.00")],
    ]);
    expect(valued.totalCents).toBe(usd("841.42"));
  });

  it("rounds half a cent away from zero", () => {
    // 1 mile × 72.5¢ = 72.5¢ → 73¢
    expect(valueMileageLog(2026, [{ date: "2026-01-02", miles: 1 }]).totalCents).toBe(73);
  });

  it("values an empty log at zero", () => {
    expect(valueMileageLog(2025, [])).toEqual({ year: 2025, hundredthsOfMiles: 0, lines: [], totalCents: 0 });
  });

  it("refuses a trip from another year, a year without a rate, and odd distances", () => {
    expect(() => valueMileageLog(2025, [{ date: "2026-01-02", miles: 1 }])).toThrow(/not in tax year 2025/);
    expect(() => valueMileageLog(2027, [])).toThrow(UnsupportedTaxYearError);
    expect(() => valueMileageLog(2025, [{ date: "2025-01-02", miles: 1.234 }])).toThrow(/two decimals/);
    expect(() => valueMileageLog(2025, [{ date: "2025-01-02", miles: -5 }])).toThrow(/at least 0/);
    expect(() => valueMileageLog(2025, [{ date: "2025-13-02", miles: 5 }])).toThrow(/YYYY-MM-DD/);
  });
});
