import { describe, expect, it } from "vitest";
import { containsLikelyPersonName } from "../../../src/domain/privacy/likely-person-name.js";

describe("containsLikelyPersonName", () => {
  it.each([
    ["Zelle payment from ORLAITH FENWHISTLE 1882", true],
    ["Session paid by Orlaith Fenwhistle.", true],
    ["Refund for (Mary J. Blige)", true],
    ["Copay, José García, March", true],
    ["Zelle payment from MINDFUL PATHS COUNSELING PLLC", false],
    ["Quarterly payment to Aetna", false],
    ["Smith Counseling Group", false],
    ["office supplies for the waiting room", false],
    ["VENMO CASHOUT", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(containsLikelyPersonName(text)).toBe(expected);
  });
});
