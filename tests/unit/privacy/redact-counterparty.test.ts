import { describe, expect, it } from "vitest";
import {
  isPersonToPersonPayment,
  redactCounterparty,
} from "../../../src/domain/privacy/redact-counterparty.js";
import { FICTIONAL_NAMES, KEPT_CASES, REDACTED_CASES } from "./corpus.js";

describe("the privacy guard's corpus", () => {
  it("holds at least 60 formats, most of them naming a person", () => {
    expect(REDACTED_CASES.length + KEPT_CASES.length).toBeGreaterThanOrEqual(60);
    expect(REDACTED_CASES.length).toBeGreaterThanOrEqual(45);
    expect(KEPT_CASES.length).toBeGreaterThanOrEqual(20);
    expect(FICTIONAL_NAMES.length).toBeGreaterThanOrEqual(80);
  });
});

describe("redactCounterparty: names go", () => {
  it.each(REDACTED_CASES)("$description", ({ description, expected, names }) => {
    const result = redactCounterparty(description);
    expect(result).toEqual({ text: expected, redacted: true });
    const folded = fold(result.text);
    for (const name of names) expect(folded).not.toContain(fold(name));
    expect(isPersonToPersonPayment(description)).toBe(true);
  });

  it("keeps the brand and the direction so rules still match", () => {
    for (const { description } of REDACTED_CASES) {
      const text = redactCounterparty(description).text.toLowerCase();
      const brand = ["zelle", "venmo", "paypal", "cash app", "cashapp", "sqc", "square cash", "apple cash"];
      const wording = ["online transfer", "online banking transfer", "mobile transfer"];
      expect([...brand, ...wording].some((b) => text.includes(b))).toBe(true);
      if (/\b(from|to)\b/i.test(description)) expect(text).toMatch(/\b(from|to)\b/);
    }
  });
});

describe("redactCounterparty: businesses and ordinary descriptions stay", () => {
  it.each(KEPT_CASES)("%s", (description) => {
    expect(redactCounterparty(description)).toEqual({ text: description, redacted: false });
  });

  it.each([
    ["AETNA HEALTH PAYMENT 00123", false],
    ["SIMPLEPRACTICE 888-555-0100", false],
    ["VENMO CASHOUT", true],
    ["Online Transfer from CHK ...1234", true],
    ["SQ *BLUE BOTTLE COFFEE", false],
  ])("%s is a person-to-person wording: %s", (description, expected) => {
    expect(isPersonToPersonPayment(description)).toBe(expected);
  });
});

describe("redactCounterparty: name shapes", () => {
  it.each([
    ["Last, First", "Zelle payment to Penhallow, Briony", "Zelle payment to [client]"],
    [
      "LAST FIRST MIDDLE",
      "ZELLE FROM PENHALLOW BRIONY A ON 03/03 REF # X1",
      "ZELLE FROM [client] ON 03/03 REF # X1",
    ],
    ["initials with dots", "Zelle payment from B.A. PENHALLOW 10293", "Zelle payment from [client] 10293"],
    ["a first initial", "Zelle payment from B PENHALLOW", "Zelle payment from [client]"],
    ["an apostrophe", "Zelle payment from CIARÁN O'HALLORHAN", "Zelle payment from [client]"],
    ["a curly apostrophe", "Zelle payment from Ciarán O’Hallorhan", "Zelle payment from [client]"],
    ["hyphens", "Zelle payment to Anne-Sophie Vautrin-Bellamy 991", "Zelle payment to [client] 991"],
    ["combining accents", "Zelle payment from Zoe\u0308 Nu\u0301n\u0303ezco", "Zelle payment from [client]"],
    ["non-Latin script", "Zelle payment from Ярослава Белозёрова", "Zelle payment from [client]"],
    ["a surname that is an insurer", "Zelle payment from ANNA KAISER", "Zelle payment from [client]"],
    ["a first name that is an insurer's", "Zelle payment from OSCAR", "Zelle payment from [client]"],
    ["card wording around a name", "VENMO* VISA DIRECT ORLAITH F", "VENMO* VISA DIRECT [client]"],
    ["a name after a memo break", "Zelle to OSWIN FAIRWEATHER for rent", "Zelle to [client] for [client]"],
  ])("%s", (_shape, description, expected) => {
    expect(redactCounterparty(description).text).toBe(expected);
  });

  it("keeps a clinician's PLLC and a therapy memo after the name", () => {
    expect(redactCounterparty("Zelle payment from BRIONY PENHALLOW LCSW PLLC 1").text).toBe(
      "Zelle payment from BRIONY PENHALLOW LCSW PLLC 1",
    );
    expect(redactCounterparty("Zelle payment from Briony Penhallow for therapy").text).toBe(
      "Zelle payment from [client] for therapy",
    );
  });
});

/** Lower-case, accents kept: a name must not survive in any case. */
function fold(text: string): string {
  return text.normalize("NFC").toLowerCase();
}
