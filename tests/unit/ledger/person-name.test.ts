import { describe, expect, it } from "vitest";
import { looksLikePersonName, payerNameWarning } from "../../../src/domain/ledger/person-name.js";

describe("looksLikePersonName", () => {
  it.each([
    ["Jane Doe", true],
    ["Mary Ann Smith", true],
    ["John O'Brien", true],
    ["Anne-Marie McDonald", true],
    ["DeShawn Jackson", true],
    ["José García", true],
    ["Mary J. Blige", true],
    ["  Jane   Doe  ", true],
    // Businesses, insurers and payment channels.
    ["Aetna", false],
    ["Blue Cross Blue Shield", false],
    ["Kaiser Permanente", false],
    ["Optum Behavioral Health", false],
    ["United Healthcare", false],
    ["Lyra Health", false],
    ["Smith Counseling Group", false],
    ["Jones PLLC", false],
    ["Acme Services", false],
    ["Magellan Care", false],
    ["ComPsych EAP", false],
    ["Private pay", false],
    ["Private Pay", false],
    ["Zelle Transfer", false],
    // Not two or three capitalised words.
    ["Jane", false],
    ["jane doe", false],
    ["JANE DOE", false],
    ["Jane Mary Ann Doe", false],
    ["J. K.", false],
    ["Jane Doe 2", false],
    ["", false],
  ])("%j → %s", (name, expected) => {
    expect(looksLikePersonName(name)).toBe(expected);
  });
});

describe("payerNameWarning", () => {
  it("suggests Private pay for a person's name and says nothing for a business", () => {
    expect(payerNameWarning("Jane Doe")).toEqual({
      code: "possible_client_name",
      message: expect.stringContaining('"Private pay"'),
    });
    expect(payerNameWarning("Jane Doe")?.message).toMatch(/^"Jane Doe" looks like a person's name/);
    expect(payerNameWarning("Cigna")).toBeNull();
  });
});
