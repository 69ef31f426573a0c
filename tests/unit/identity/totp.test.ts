// Attacks stopped: replay of a TOTP code already used (seen over a shoulder, phished in real
// time, or taken from a log), codes from outside the ±1-step window, and a wrong implementation
// of RFC 4226/6238 that would accept codes no authenticator app produces.
import { HOTP, Secret, TOTP, URI } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  buildOtpauthUri,
  createTotpSecret,
  findTimeStep,
  findTotpStep,
  normalizeTotpCode,
  verifyTotpOnce,
} from "../../../src/identity/totp.js";

// RFC 4226 appendix D / RFC 6238 appendix B: ASCII "12345678901234567890".
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const HOTP_VECTORS = [
  "755224",
  "287082",
  "359152",
  "969429",
  "338314",
  "254676",
  "287922",
  "162583",
  "399871",
  "520489",
];
const TOTP_SHA1_VECTORS: [unixSeconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const secret = createTotpSecret();
const nowMs = Date.UTC(2026, 0, 15, 12, 0, 10);
const currentStep = findTimeStep(nowMs);

function codeAt(step: number, base32 = secret): string {
  return HOTP.generate({ secret: Secret.fromBase32(base32), algorithm: "SHA1", digits: 6, counter: step });
}

describe("RFC vectors", () => {
  it("the HOTP generator gives the RFC 4226 values for counters 0–9", () => {
    HOTP_VECTORS.forEach((expected, counter) => {
      expect(codeAt(counter, RFC_SECRET)).toBe(expected);
    });
  });

  it("the TOTP generator gives the RFC 6238 SHA-1 8-digit values", () => {
    for (const [unixSeconds, expected] of TOTP_SHA1_VECTORS) {
      const code = TOTP.generate({
        secret: Secret.fromBase32(RFC_SECRET),
        algorithm: "SHA1",
        digits: 8,
        period: 30,
        timestamp: unixSeconds * 1000,
      });
      expect(code).toBe(expected);
    }
  });

  it("findTotpStep accepts the 6-digit form of each RFC 6238 vector at its step", () => {
    // A d-digit code is the HOTP value mod 10^d, so the 6-digit code is the last six digits.
    for (const [unixSeconds, expected] of TOTP_SHA1_VECTORS) {
      const step = findTotpStep({ secret: RFC_SECRET, code: expected.slice(-6), nowMs: unixSeconds * 1000 });
      expect(step).toBe(Math.floor(unixSeconds / 30));
    }
  });
});

describe("findTotpStep", () => {
  it("accepts the current step and one step either side", () => {
    for (const offset of [-1, 0, 1]) {
      expect(findTotpStep({ secret, code: codeAt(currentStep + offset), nowMs })).toBe(currentStep + offset);
    }
  });

  it("refuses codes two steps away", () => {
    for (const offset of [-2, 2]) {
      const code = codeAt(currentStep + offset);
      // Guard against a chance collision with a code inside the window (1 in ~10^5).
      if ([-1, 0, 1].some((near) => codeAt(currentStep + near) === code)) continue;
      expect(findTotpStep({ secret, code, nowMs })).toBeNull();
    }
  });

  it("ignores spaces but nothing else", () => {
    const code = codeAt(currentStep);
    expect(findTotpStep({ secret, code: ` ${code.slice(0, 3)} ${code.slice(3)} `, nowMs })).toBe(currentStep);
    expect(findTotpStep({ secret, code: code.slice(0, 5), nowMs })).toBeNull();
    expect(findTotpStep({ secret, code: `${code}0`, nowMs })).toBeNull();
    expect(findTotpStep({ secret, code: `${code.slice(0, 3)}-${code.slice(3)}`, nowMs })).toBeNull();
    expect(normalizeTotpCode("12a456")).toBeNull();
    expect(normalizeTotpCode("１２３４５６")).toBeNull(); // full-width digits are not [0-9]
  });

  it("refuses a window wider than two steps", () => {
    expect(() => findTotpStep({ secret, code: "123456", nowMs, window: 3 })).toThrow(RangeError);
  });
});

describe("verifyTotpOnce", () => {
  it("accepts a fresh code and refuses the same step a second time", () => {
    const code = codeAt(currentStep);
    const first = verifyTotpOnce({ secret, code, nowMs, lastUsedStep: null });
    expect(first).toEqual({ step: currentStep });
    expect(verifyTotpOnce({ secret, code, nowMs, lastUsedStep: currentStep })).toBeNull();
    // Still refused 20 s later, while the step is inside the window.
    expect(verifyTotpOnce({ secret, code, nowMs: nowMs + 20_000, lastUsedStep: currentStep })).toBeNull();
  });

  it("refuses an older step once a later one was used", () => {
    const older = codeAt(currentStep - 1);
    expect(verifyTotpOnce({ secret, code: older, nowMs, lastUsedStep: currentStep })).toBeNull();
  });

  it("accepts a later step after an earlier one", () => {
    const earlier = verifyTotpOnce({ secret, code: codeAt(currentStep - 1), nowMs, lastUsedStep: null });
    expect(earlier).toEqual({ step: currentStep - 1 });
    const later = verifyTotpOnce({ secret, code: codeAt(currentStep), nowMs, lastUsedStep: currentStep - 1 });
    expect(later).toEqual({ step: currentStep });
  });
});

describe("secrets and URIs", () => {
  it("creates distinct 20-byte base32 secrets", () => {
    const secrets = new Set(Array.from({ length: 50 }, () => createTotpSecret()));
    expect(secrets.size).toBe(50);
    for (const s of secrets) {
      expect(s).toMatch(/^[A-Z2-7]{32}$/);
      expect(Secret.fromBase32(s).bytes.length).toBe(20);
    }
  });

  it("builds an otpauth URI that authenticator apps read back", () => {
    const uri = buildOtpauthUri({ secret, accountName: "ana@example.com", issuer: "TherapyLedger" });
    expect(uri.startsWith("otpauth://totp/TherapyLedger:ana%40example.com?")).toBe(true);
    const parsed = URI.parse(uri);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed).toMatchObject({
      issuer: "TherapyLedger",
      label: "ana@example.com",
      digits: 6,
      period: 30,
    });
    expect(parsed.secret.base32).toBe(secret);
    expect(parsed.algorithm).toBe("SHA1");
  });

  it("refuses a colon in the label parts", () => {
    expect(() => buildOtpauthUri({ secret, accountName: "a:b", issuer: "TherapyLedger" })).toThrow(TypeError);
  });
});
