import { describe, expect, it } from "vitest";
import {
  describeScheduleCLine,
  findScheduleCLine,
  PRESET_CATEGORIES,
  SCHEDULE_C_LINES,
} from "../../../src/domain/ledger/schedule-c.js";

describe("Schedule C lines and the preset chart", () => {
  it("the lines are the 2025 form's Part II expense lines, 8 to 27a, each once", () => {
    const codes = SCHEDULE_C_LINES.map((l) => l.line);
    expect(codes[0]).toBe("8");
    expect(codes.at(-1)).toBe("27a");
    expect(new Set(codes).size).toBe(codes.length);
    expect(findScheduleCLine("24b")).toMatchObject({
      label: "Deductible meals",
      deductibleBasisPoints: 5_000,
    });
    expect(SCHEDULE_C_LINES.filter((l) => l.deductibleBasisPoints !== 10_000).map((l) => l.line)).toEqual([
      "24b",
    ]);
    expect(describeScheduleCLine("16b")).toBe("Line 16b — Interest: Other");
  });

  it("every preset maps to a known line; keys and names are unique (names case-insensitively)", () => {
    for (const preset of PRESET_CATEGORIES) expect(findScheduleCLine(preset.line), preset.key).toBeDefined();
    expect(new Set(PRESET_CATEGORIES.map((p) => p.key)).size).toBe(PRESET_CATEGORIES.length);
    expect(new Set(PRESET_CATEGORIES.map((p) => p.name.toLowerCase())).size).toBe(PRESET_CATEGORIES.length);
  });

  it("covers every line the product promises a therapist", () => {
    const lines = new Set<string>(PRESET_CATEGORIES.map((p) => p.line));
    for (const line of [
      "8",
      "9",
      "10",
      "11",
      "13",
      "15",
      "16b",
      "17",
      "18",
      "20b",
      "21",
      "22",
      "23",
      "24a",
      "24b",
      "25",
      "26",
      "27a",
    ]) {
      expect(lines.has(line), line).toBe(true);
    }
    const other = PRESET_CATEGORIES.filter((p) => p.line === "27a").map((p) => p.key);
    expect(other).toEqual(
      expect.arrayContaining([
        "continuing_education",
        "clinical_supervision",
        "professional_memberships",
        "ehr_software",
        "telehealth_software",
        "consultation",
      ]),
    );
  });
});
