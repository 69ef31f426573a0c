import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeWord, tokenizeDescription } from "../../../src/domain/privacy/description-tokens.js";
import {
  BREAK_WORDS,
  BUSINESS_SUFFIXES,
  INSURERS,
  SURNAME_INSURERS,
  WORDING,
} from "../../../src/domain/privacy/p2p-vocabulary.js";
import { redactCounterparty } from "../../../src/domain/privacy/redact-counterparty.js";
import { KEPT_CASES, REDACTED_CASES } from "./corpus.js";

const KNOWN = [WORDING, BREAK_WORDS, BUSINESS_SUFFIXES, INSURERS, SURNAME_INSURERS];
const BRANDS = new Set(["zelle", "venmo", "paypal", "cashapp", "sqc", "popmoney", "apple", "square", "cash"]);

// A name word: capitalised or not, accents, hyphens, apostrophes; never a word the guard knows.
const nameWord = fc
  .tuple(
    fc.constantFrom("", "O'", "Mc", "D'"),
    fc.array(fc.constantFrom(..."bcdfghjklmnprstvwzáéíñöøüçß"), { minLength: 2, maxLength: 4 }),
    fc.array(fc.constantFrom(..."aeiouyë"), { minLength: 2, maxLength: 4 }),
    fc.constantFrom("", "-Vale", "-Ng"),
    fc.constantFrom("upper", "title", "lower"),
  )
  .map(([prefix, consonants, vowels, suffix, shape]) => {
    const stem = consonants.map((c, i) => c + (vowels[i % vowels.length] ?? "")).join("");
    const word = prefix + stem + suffix;
    if (shape === "upper") return word.toUpperCase();
    if (shape === "lower") return word.toLowerCase();
    return word.charAt(0).toUpperCase() + word.slice(1);
  })
  .filter((w) => {
    const norm = normalizeWord(w);
    return !BRANDS.has(norm) && !KNOWN.some((set) => set.has(norm));
  });

const TEMPLATES = [
  (n: string) => `Zelle payment from ${n} 18823411`,
  (n: string) => `Zelle payment to ${n}`,
  (n: string) => `ZELLE FROM ${n} ON 01/05 REF # WFCT0Z7Q4KX9`,
  (n: string) => `Zelle Transfer Conf# 7c2d9f0a1; ${n}`,
  (n: string) => `VENMO DES:PAYMENT ID:1029384756 INDN:${n} CO ID:3264681992 WEB`,
  (n: string) => `Cash App*${n}`,
  (n: string) => `ONLINE TRANSFER TO ${n} EVERYDAY CHECKING XXXXXX4821 REF #IBE8HJPX6Q`,
  (n: string) => `Apple Cash Sent Money to ${n}`,
  (n: string) => `${n} VIA ZELLE 0099`,
];

describe("redactCounterparty properties", () => {
  it("removes any name shape from any format: first last, last first, last, first, initials", () => {
    fc.assert(
      fc.property(
        fc.array(nameWord, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(" ", ", "),
        fc.option(fc.constantFrom("A", "J.", "M"), { nil: undefined }),
        fc.nat(TEMPLATES.length - 1),
        (parts, join, initial, t) => {
          const name = [...parts, ...(initial ? [initial] : [])].join(join);
          const template = TEMPLATES[t] ?? TEMPLATES[0];
          if (!template) return;
          const result = redactCounterparty(template(name));
          expect(result.redacted).toBe(true);
          const left = new Set(tokenizeDescription(result.text).map((tok) => tok.text));
          for (const part of parts) expect(left.has(part)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is idempotent: redacting a redacted description changes nothing", () => {
    const pieces = [
      ...REDACTED_CASES.map((c) => c.description),
      ...KEPT_CASES,
      "[client]",
      "*",
      "@",
      "; ",
      " ",
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 6 }), (parts) => {
        const once = redactCounterparty(parts.join(" ")).text;
        expect(redactCounterparty(once)).toEqual({ text: once, redacted: false });
      }),
      { numRuns: 500 },
    );
  });

  it("leaves text without a person-to-person wording untouched", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/zelle|venmo|paypal|cash|sqc|popmoney|transfer|xfer|trnsfr|tfr/i.test(text));
        expect(redactCounterparty(text)).toEqual({ text, redacted: false });
      }),
    );
  });
});

describe("redactCounterparty on 100 KB adversarial input", () => {
  // The guard scans once, with no backtracking pattern: each of these finishes, whatever its shape.
  const size = 100_000;
  it.each([
    ["one endless name", `Zelle payment from ${"AB ".repeat(size / 3)}`, "AB"],
    ["brands all the way", "zelle venmo ".repeat(size / 12), null],
    ["one endless word", `Zelle payment from ${"a'-.".repeat(size / 4)}`, "a'-."],
    ["separators only", `Zelle ${", &".repeat(size / 3)}`, null],
    ["half-placeholders", `Zelle [client${"[clien".repeat(size / 6)}`, "clien"],
    ["handles", `Venmo ${"@x ".repeat(size / 3)}`, "x"],
    ["names and digits", `Zelle from ${"JANE 1 ".repeat(size / 7)}`, "JANE"],
  ])("%s", (_name, input, name) => {
    const result = redactCounterparty(input);
    const left = new Set(tokenizeDescription(result.text).map((t) => t.text));
    if (name !== null) expect(left.has(name)).toBe(false);
    expect(redactCounterparty(result.text).text).toBe(result.text);
  });
});
