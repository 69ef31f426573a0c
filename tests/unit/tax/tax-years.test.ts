import { describe, expect, it } from "vitest";
import { estimateFederalTax } from "../../../src/domain/tax/estimate.js";
import { taxFromBrackets } from "../../../src/domain/tax/income-tax.js";
import {
  FILING_STATUSES,
  type FilingStatus,
  findTaxYear,
  requireTaxYear,
  SUPPORTED_TAX_YEARS,
  UnsupportedTaxYearError,
} from "../../../src/domain/tax/tax-years.js";
import { usd } from "./usd.js";

describe("requireTaxYear", () => {
  it("knows 2025 and 2026", () => {
    expect(SUPPORTED_TAX_YEARS).toEqual([2025, 2026]);
    expect(requireTaxYear(2025).year).toBe(2025);
    expect(requireTaxYear(2026).year).toBe(2026);
  });

  it.each([2024, 2027, 1999, Number.NaN])("refuses %s with a message naming the years it has", (year) => {
    expect(findTaxYear(year)).toBeUndefined();
    expect(() => requireTaxYear(year)).toThrow(UnsupportedTaxYearError);
    expect(() => requireTaxYear(year)).toThrow(`No tax figures for ${year}`);
    expect(() => requireTaxYear(year)).toThrow("2025 and 2026 only");
  });

  it("is what the estimate uses: a year without figures is refused, not guessed", () => {
    expect(() => estimateFederalTax({ year: 2027, filingStatus: "single", ledgerProfitCents: 100 })).toThrow(
      UnsupportedTaxYearError,
    );
  });
});

describe("every figure carries its source", () => {
  function collectUncited(node: unknown, path: string, out: string[]): void {
    if (node === null || typeof node !== "object") return;
    if ("value" in node || "millsPerMile" in node) {
      const source = "source" in node ? node.source : undefined;
      if (typeof source !== "string" || source.length < 8) out.push(path);
      return;
    }
    for (const [key, child] of Object.entries(node)) collectUncited(child, `${path}.${key}`, out);
  }

  it.each(SUPPORTED_TAX_YEARS)("%i: no figure without a document and section", (year) => {
    const figures = requireTaxYear(year);
    const uncited: string[] = [];
    for (const [key, child] of Object.entries(figures)) {
      if (key === "year") continue;
      if (typeof child !== "object" || child === null) uncited.push(key);
      else collectUncited(child, key, uncited);
    }
    expect(uncited).toEqual([]);
  });
});

describe("rate schedules, checked against the cumulative tax printed in the Rev. Proc. tables", () => {
  // Each table prints, for every band, "$X plus r% of the excess over $edge". Taxing each edge
  // must give back the printed $X — a second, independent encoding of the same edges, so a
  // mistyped digit in an edge shows up as a wrong base amount.
  const printed: Record<number, Record<FilingStatus, string[]>> = {
    2025: {
      single: ["1,192.50", "5,578.50", "17,651", "40,199", "57,231", "188,769.75"],
      married_joint: ["2,385", "11,157", "35,302", "80,398", "114,462", "202,154.50"],
      married_separate: ["1,192.50", "5,578.50", "17,651", "40,199", "57,231", "101,077.25"],
      head_of_household: ["1,700", "7,442", "15,912", "38,460", "55,484", "187,031.50"],
      qualifying_surviving_spouse: ["2,385", "11,157", "35,302", "80,398", "114,462", "202,154.50"],
    },
    2026: {
      single: ["1,240", "5,800", "17,966", "41,024", "58,448", "192,979.25"],
      married_joint: ["2,480", "11,600", "35,932", "82,048", "116,896", "206,583.50"],
      married_separate: ["1,240", "5,800", "17,966", "41,024", "58,448", "103,291.75"],
      head_of_household: ["1,770", "7,740", "16,155", "39,207", "56,631", "191,171"],
      qualifying_surviving_spouse: ["2,480", "11,600", "35,932", "82,048", "116,896", "206,583.50"],
    },
  };

  for (const year of SUPPORTED_TAX_YEARS) {
    for (const status of FILING_STATUSES) {
      it(`${year} ${status}`, () => {
        const bases = printed[year]?.[status] ?? [];
        const brackets = requireTaxYear(year).ordinaryBrackets.value[status];
        expect(brackets.map((b) => b.rateBasisPoints)).toEqual([1000, 1200, 2200, 2400, 3200, 3500, 3700]);
        expect(brackets.at(-1)?.upToCents).toBeNull();
        const edges = brackets.slice(0, 6).map((b) => b.upToCents ?? 0);
        expect(edges.map((edge) => taxFromBrackets(edge, brackets))).toEqual(bases.map((b) => usd(b)));
      });
    }
  }
});

describe("headline figures", () => {
  it("2025 standard deduction is the July 2025 law's, not Rev. Proc. 2024-40's $15,000", () => {
    expect(requireTaxYear(2025).standardDeductionCents.value).toEqual({
      single: usd("15,750"),
      married_joint: usd("31,500"),
      married_separate: usd("15,750"),
      head_of_household: usd("23,625"),
      qualifying_surviving_spouse: usd("31,500"),
    });
    expect(requireTaxYear(2026).standardDeductionCents.value.head_of_household).toBe(usd("24,150"));
    expect(requireTaxYear(2026).standardDeductionCents.value.married_joint).toBe(usd("32,200"));
  });

  it("wage bases from SSA", () => {
    expect(requireTaxYear(2025).socialSecurityWageBaseCents.value).toBe(usd("176,100"));
    expect(requireTaxYear(2026).socialSecurityWageBaseCents.value).toBe(usd("184,500"));
  });

  it("QBI thresholds and the wider 2026 phase-in range", () => {
    const y25 = requireTaxYear(2025);
    const y26 = requireTaxYear(2026);
    expect(y25.qbiThresholdCents.value.single).toBe(usd("197,300"));
    expect(y25.qbiThresholdCents.value.married_joint).toBe(usd("394,600"));
    expect(y25.qbiPhaseInRangeCents.value.single).toBe(usd("50,000"));
    expect(y25.qbiMinimum.value).toBeNull();
    expect(y26.qbiThresholdCents.value.single).toBe(usd("201,750"));
    expect(y26.qbiThresholdCents.value.married_separate).toBe(usd("201,775"));
    expect(y26.qbiThresholdCents.value.married_joint).toBe(usd("403,500"));
    expect(y26.qbiPhaseInRangeCents.value.married_joint).toBe(usd("150,000"));
    expect(y26.qbiPhaseInRangeCents.value.qualifying_surviving_spouse).toBe(usd("75,000"));
    expect(y26.qbiMinimum.value).toEqual({ deductionCents: usd("400"), minimumActiveQbiCents: usd("1,000") });
  });

  it("Additional Medicare thresholds are statutory, and a surviving spouse is not a joint return", () => {
    expect(requireTaxYear(2026).statutory.additionalMedicare.thresholdCents.value).toEqual({
      single: usd("200,000"),
      married_joint: usd("250,000"),
      married_separate: usd("125,000"),
      head_of_household: usd("200,000"),
      qualifying_surviving_spouse: usd("200,000"),
    });
  });
});
