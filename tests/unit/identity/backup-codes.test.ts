// Attacks stopped: guessing a backup code (each carries ≥ 50 bits from the CSPRNG), and reading
// usable codes out of a stolen database (only bcrypt hashes are stored).
import { describe, expect, it } from "vitest";
import {
  BACKUP_CODE_ALPHABET,
  BACKUP_CODE_COUNT,
  BACKUP_CODE_ENTROPY_BITS,
  BACKUP_CODE_LENGTH,
  createBackupCodes,
  hashBackupCode,
  looksLikeBackupCode,
  normalizeBackupCode,
  verifyBackupCode,
} from "../../../src/identity/backup-codes.js";

const TEST_COST = 4;

describe("createBackupCodes", () => {
  it("creates ten distinct codes in the printed xxxxx-xxxxx-xxx form", () => {
    const codes = createBackupCodes();
    expect(BACKUP_CODE_COUNT).toBe(10);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{3}$/);
      expect(normalizeBackupCode(code)).toBe(code.replaceAll("-", ""));
    }
  });

  it("carries at least 50 bits by construction", () => {
    expect(new Set(BACKUP_CODE_ALPHABET).size).toBe(32);
    expect(BACKUP_CODE_ALPHABET).not.toMatch(/[ilou]/);
    expect(BACKUP_CODE_ENTROPY_BITS).toBe(BACKUP_CODE_LENGTH * 5);
    expect(BACKUP_CODE_ENTROPY_BITS).toBeGreaterThanOrEqual(50);
  });

  it("uses every symbol of the alphabet (no stuck bits)", () => {
    const seen = new Set(
      Array.from({ length: 20 }, () => createBackupCodes())
        .flat()
        .join("")
        .replaceAll("-", ""),
    );
    expect(seen.size).toBe(32);
  });
});

describe("normalizeBackupCode", () => {
  it("ignores case, spaces and dashes", () => {
    expect(normalizeBackupCode("AB3DE-FGH9K-MNP")).toBe("ab3defgh9kmnp");
    expect(normalizeBackupCode(" ab3de fgh9k mnp ")).toBe("ab3defgh9kmnp");
    expect(normalizeBackupCode("ab3de\u2013fgh9k\u2013mnp")).toBe("ab3defgh9kmnp");
  });

  it("reads look-alikes as Crockford does: o as 0, i and l as 1", () => {
    expect(normalizeBackupCode("oO0iI-lL1ab-cde")).toBe("00011111abcde");
    expect(normalizeBackupCode("ooooo-iiiii-lll")).toBe("0000011111111");
  });

  it("returns null for the wrong shape", () => {
    expect(normalizeBackupCode("")).toBeNull();
    expect(normalizeBackupCode("ab3de-fgh9k-mn")).toBeNull(); // 12 symbols
    expect(normalizeBackupCode("ab3de-fgh9k-mnpq")).toBeNull(); // 14 symbols
    expect(normalizeBackupCode("ab3de-fgh9k-mnu")).toBeNull(); // u is not Crockford
    expect(normalizeBackupCode("ab3de_fgh9k_mnp")).toBeNull();
  });

  it("tells a backup code from a six-digit TOTP code", () => {
    const [code] = createBackupCodes();
    expect(looksLikeBackupCode(code ?? "")).toBe(true);
    expect(looksLikeBackupCode("123456")).toBe(false);
    expect(looksLikeBackupCode("123 456")).toBe(false);
  });
});

describe("hashBackupCode and verifyBackupCode", () => {
  it("stores only a bcrypt hash that verifies the code and nothing else", async () => {
    const [first, second] = createBackupCodes().map((code) => normalizeBackupCode(code) ?? "");
    const hash = await hashBackupCode(first ?? "", TEST_COST);
    expect(hash.startsWith("$2b$")).toBe(true);
    expect(hash).not.toContain(first);
    expect(await verifyBackupCode(first ?? "", hash)).toBe(true);
    expect(await verifyBackupCode(second ?? "", hash)).toBe(false);
  });

  it("refuses input that was not normalized first", async () => {
    await expect(hashBackupCode("AB3DE-FGH9K-MNP", TEST_COST)).rejects.toThrow(TypeError);
  });
});
