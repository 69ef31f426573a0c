// Attacks stopped: guessing with breached or very short passwords, the bcrypt 72-byte truncation
// ("a"*72+"X" opening an "a"*72 account), and account enumeration through the faster answer for
// an unknown email (no bcrypt compare when the user does not exist).
import bcrypt from "bcrypt";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  checkNewPassword,
  countCommonPasswords,
  hashPassword,
  loadDummyPasswordHash,
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  verifyPassword,
} from "../../../src/identity/password.js";

// The cheapest cost bcrypt allows; only the dedicated test below pays for cost 12.
const TEST_COST = 4;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("checkNewPassword", () => {
  it("refuses 7 characters and accepts 8", () => {
    expect(MIN_PASSWORD_LENGTH).toBe(8);
    expect(checkNewPassword("Tq7#vLm")).toEqual({
      ok: false,
      code: "too_short",
      message: "Use at least 8 characters.",
    });
    expect(checkNewPassword("Tq7#vLmz")).toEqual({ ok: true });
  });

  it("counts code points, not UTF-16 units", () => {
    // Seven emoji are fourteen UTF-16 units but seven characters to the person typing them.
    expect(checkNewPassword("🦊".repeat(7))).toMatchObject({ ok: false, code: "too_short" });
    expect(checkNewPassword("🦊".repeat(8))).toEqual({ ok: true });
  });

  it("accepts 64 characters and exactly 72 bytes", () => {
    expect(checkNewPassword("kettle-orbit-".repeat(5).slice(0, 64))).toEqual({ ok: true });
    expect(checkNewPassword("z".repeat(72))).toEqual({ ok: true });
    expect(checkNewPassword("€".repeat(24))).toEqual({ ok: true }); // 24 × 3 bytes = 72
  });

  it("refuses more than 72 bytes rather than truncating", () => {
    expect(MAX_PASSWORD_BYTES).toBe(72);
    const tooLong = checkNewPassword("z".repeat(73));
    expect(tooLong).toMatchObject({ ok: false, code: "too_long" });
    expect(tooLong.ok === false && tooLong.message).toMatch(/^Use at most 72 bytes — /);
    expect(checkNewPassword(`${"a".repeat(72)}X`)).toMatchObject({ ok: false, code: "too_long" });
    // 25 characters only, but 75 bytes in UTF-8.
    expect(checkNewPassword("€".repeat(25))).toMatchObject({ ok: false, code: "too_long" });
  });

  it("refuses common passwords from the shipped list, in any case", () => {
    expect(countCommonPasswords()).toBeGreaterThanOrEqual(10_000);
    for (const password of ["password1", "qwerty123", "iloveyou", "PASSWORD1", "QwErTy123", "ILoveYou"]) {
      expect(checkNewPassword(password)).toMatchObject({ ok: false, code: "common" });
    }
    const result = checkNewPassword("password1");
    expect(result.ok === false && result.message).toMatch(/^This password is too common/);
  });

  it("has no composition rules", () => {
    expect(checkNewPassword("correct horse battery staple")).toEqual({ ok: true });
    expect(checkNewPassword("glimmeringtoadstool")).toEqual({ ok: true });
  });
});

describe("hashPassword and verifyPassword", () => {
  it("hashes at the real cost 12 with $2b$", async () => {
    const hash = await hashPassword("Tq7#vLmz-wide", 12);
    expect(hash.startsWith("$2b$12$")).toBe(true);
    expect(await verifyPassword("Tq7#vLmz-wide", hash)).toBe(true);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("river-lantern-42", TEST_COST);
    expect(hash.startsWith(`$2b$0${TEST_COST}$`)).toBe(true);
    expect(await verifyPassword("river-lantern-42", hash)).toBe(true);
    expect(await verifyPassword("river-lantern-43", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("refuses to hash more than 72 bytes", async () => {
    await expect(hashPassword(`${"a".repeat(72)}X`, TEST_COST)).rejects.toThrow(RangeError);
    await expect(hashPassword("€".repeat(25), TEST_COST)).rejects.toThrow(RangeError);
  });

  it("does not let a longer password match through bcrypt's truncation", async () => {
    const hash = await hashPassword("a".repeat(72), TEST_COST);
    expect(await verifyPassword("a".repeat(72), hash)).toBe(true);
    expect(await verifyPassword(`${"a".repeat(72)}X`, hash)).toBe(false);
  });

  it("matches the same password written with composed or decomposed accents", async () => {
    const composed = "caf\u00e9-au-lait";
    const decomposed = "cafe\u0301-au-lait";
    const hash = await hashPassword(composed, TEST_COST);
    expect(await verifyPassword(decomposed, hash)).toBe(true);
  });

  it("still runs one bcrypt compare for an unknown account, and answers false", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    expect(await verifyPassword("river-lantern-42", null, { dummyCost: TEST_COST })).toBe(false);
    expect(compare).toHaveBeenCalledTimes(1);
    const target = compare.mock.calls[0]?.[1];
    expect(target).toBe(await loadDummyPasswordHash(TEST_COST));
    expect(target?.startsWith(`$2b$0${TEST_COST}$`)).toBe(true);
  });

  it("runs one compare too when the submitted password is over 72 bytes", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    const hash = await hashPassword("a".repeat(72), TEST_COST);
    expect(await verifyPassword("a".repeat(100), hash)).toBe(false);
    expect(await verifyPassword("a".repeat(100), null, { dummyCost: TEST_COST })).toBe(false);
    expect(compare).toHaveBeenCalledTimes(2);
  });

  it("makes the dummy hash once per cost", async () => {
    const first = await loadDummyPasswordHash(TEST_COST);
    expect(await loadDummyPasswordHash(TEST_COST)).toBe(first);
    expect((await loadDummyPasswordHash(5)).startsWith("$2b$05$")).toBe(true);
  });

  it("refuses an invalid cost", async () => {
    await expect(hashPassword("river-lantern-42", 3)).rejects.toThrow(RangeError);
    await expect(hashPassword("river-lantern-42", 12.5)).rejects.toThrow(RangeError);
  });
});
