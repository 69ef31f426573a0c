// Attacks stopped: guessing a password-reset, verification or invitation link (256 random bits),
// using such links from a database leak (only SHA-256 hashes are stored), and learning a stored
// hash byte by byte from comparison timing.
import { describe, expect, it } from "vitest";
import { createOpaqueToken, hashToken, timingSafeEqualHex } from "../../../src/identity/random-token.js";

describe("createOpaqueToken", () => {
  it("encodes 32 random bytes as base64url by default", () => {
    const token = createOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(createOpaqueToken(48)).toHaveLength(64);
  });

  it("never repeats", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createOpaqueToken()));
    expect(tokens.size).toBe(1000);
  });

  it("refuses fewer than 16 bytes", () => {
    expect(() => createOpaqueToken(15)).toThrow(RangeError);
    expect(() => createOpaqueToken(16.5)).toThrow(RangeError);
  });
});

describe("hashToken", () => {
  it("is SHA-256 in hex", () => {
    // FIPS 180-2 test vector for "abc".
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const token = createOpaqueToken();
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});

describe("timingSafeEqualHex", () => {
  it("compares hex strings", () => {
    const hash = hashToken(createOpaqueToken());
    expect(timingSafeEqualHex(hash, hash)).toBe(true);
    expect(timingSafeEqualHex(hash, hash.toUpperCase())).toBe(true);
    expect(timingSafeEqualHex(hash, hashToken(createOpaqueToken()))).toBe(false);
  });

  it("answers false for different lengths or non-hex input instead of throwing", () => {
    expect(timingSafeEqualHex("abcd", "abcdef")).toBe(false);
    expect(timingSafeEqualHex("zz", "zz")).toBe(false);
    expect(timingSafeEqualHex("abc", "abc")).toBe(false); // odd length: Buffer would drop a digit
    expect(timingSafeEqualHex("", "")).toBe(true);
  });
});
