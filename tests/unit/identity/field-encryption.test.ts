// Attacks stopped: reading TOTP secrets or bank tokens from a database dump; tampering with a
// stored ciphertext (bit flips in IV, ciphertext or tag); moving a ciphertext to another row,
// column or table to have it decrypted there; and key rotation leaving old fields unreadable.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFieldCipher, FieldDecryptionError } from "../../../src/identity/field-encryption.js";

const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };
const context = { table: "users", column: "totp_secret", rowId: "3f1c0b4e-0000-4000-8000-000000000001" };
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/** Flips one bit of the given envelope part (2 = IV, 3 = ciphertext, 4 = tag). */
function flipBit(envelope: string, partIndex: number, bit = 0): string {
  const parts = envelope.split(".");
  const bytes = Buffer.from(parts[partIndex] ?? "", "base64url");
  bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  parts[partIndex] = bytes.toString("base64url");
  return parts.join(".");
}

function decryptionFailure(run: () => unknown): FieldDecryptionError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldDecryptionError);
    return error as FieldDecryptionError;
  }
  throw new Error("expected decryption to fail");
}

describe("createFieldCipher", () => {
  const cipher = createFieldCipher([k1]);

  it("round-trips and writes a versioned envelope with the key id", () => {
    const envelope = cipher.encrypt(SECRET, context);
    expect(envelope).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(envelope).not.toContain(SECRET);
    expect(cipher.decrypt(envelope, context)).toBe(SECRET);
    expect(cipher.decrypt(cipher.encrypt("", context), context)).toBe("");
  });

  it("uses a fresh 12-byte IV every time", () => {
    expect(cipher.encrypt(SECRET, context)).not.toBe(cipher.encrypt(SECRET, context));
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i += 1) {
      const iv = cipher.encrypt(SECRET, context).split(".")[2] ?? "";
      expect(Buffer.from(iv, "base64url")).toHaveLength(12);
      ivs.add(iv);
    }
    expect(ivs.size).toBe(1000);
  });

  it("refuses a flipped bit in the IV, the ciphertext or the tag", () => {
    const envelope = cipher.encrypt(SECRET, context);
    for (const part of [2, 3, 4]) {
      for (const bit of [0, 7, 37, 95]) {
        const failure = decryptionFailure(() => cipher.decrypt(flipBit(envelope, part, bit), context));
        expect(failure.reason).toBe("authentication_failed");
      }
    }
  });

  it("refuses the envelope in another row, column or table", () => {
    const envelope = cipher.encrypt(SECRET, context);
    for (const moved of [
      { ...context, rowId: "3f1c0b4e-0000-4000-8000-000000000002" },
      { ...context, column: "plaid_access_token" },
      { ...context, table: "bank_items" },
    ]) {
      decryptionFailure(() => cipher.decrypt(envelope, moved));
    }
  });

  it("refuses a relabelled key id, a truncated tag and malformed envelopes", () => {
    const envelope = cipher.encrypt(SECRET, context);
    const ring = createFieldCipher([k1, { id: "k9", key: k1.key }]);
    // Same key under another id: the key id is in the associated data, so the label cannot change.
    expect(decryptionFailure(() => ring.decrypt(envelope.replace("v1.k1.", "v1.k9."), context)).reason).toBe(
      "authentication_failed",
    );
    const parts = envelope.split(".");
    const shortTag = [...parts.slice(0, 4), parts[4]?.slice(0, 11)].join(".");
    expect(decryptionFailure(() => cipher.decrypt(shortTag, context)).reason).toBe("malformed");
    for (const bad of [
      "",
      "v1",
      envelope.replace("v1.", "v2."),
      `${envelope}.x`,
      envelope.replace(/.$/, "+"),
    ]) {
      expect(decryptionFailure(() => cipher.decrypt(bad, context)).reason).toBe("malformed");
    }
  });

  it("refuses an unknown key id", () => {
    const envelope = cipher.encrypt(SECRET, context);
    const other = createFieldCipher([k2]);
    expect(decryptionFailure(() => other.decrypt(envelope, context)).reason).toBe("unknown_key");
  });

  it("never puts plaintext or key material in the error message", () => {
    const envelope = cipher.encrypt(SECRET, context);
    const failure = decryptionFailure(() => cipher.decrypt(flipBit(envelope, 3), context));
    for (const secretText of [SECRET, k1.key.toString("base64"), k1.key.toString("hex"), envelope]) {
      expect(failure.message).not.toContain(secretText);
    }
    expect(String(failure.stack)).not.toContain(SECRET);
  });

  it("round-trips arbitrary Unicode text", () => {
    // Any code point but a lone surrogate, built by hand: fast-check's "binary" unit spends
    // seconds building its tables on first use.
    const codePoint = fc
      .integer({ min: 0, max: 0x10ffff })
      .filter((c) => c < 0xd800 || c > 0xdfff)
      .map((c) => String.fromCodePoint(c));
    const anyText = fc.oneof(fc.string({ unit: codePoint, maxLength: 200 }), fc.string({ unit: "grapheme" }));
    fc.assert(
      fc.property(anyText, fc.string({ minLength: 1 }), (text, rowId) => {
        const at = { ...context, rowId };
        expect(cipher.decrypt(cipher.encrypt(text, at), at)).toBe(text);
      }),
    );
  });

  it("refuses text with a lone surrogate, which would not come back as written", () => {
    expect(() => cipher.encrypt("ab\uD800cd", context)).toThrow(TypeError);
  });
});

describe("key ring", () => {
  it("rotates: old envelopes still decrypt, and are flagged for re-encryption", () => {
    const old = createFieldCipher([k1]).encrypt(SECRET, context);
    const rotated = createFieldCipher([k2, k1]);
    expect(rotated.decrypt(old, context)).toBe(SECRET);
    expect(rotated.keyIdOf(old)).toBe("k1");
    expect(rotated.needsReencryption(old)).toBe(true);
    const fresh = rotated.encrypt(SECRET, context);
    expect(rotated.keyIdOf(fresh)).toBe("k2");
    expect(rotated.needsReencryption(fresh)).toBe(false);
  });

  it("refuses keys that are not exactly 32 bytes, and bad rings", () => {
    expect(() => createFieldCipher([{ id: "short", key: randomBytes(31) }])).toThrow(/32 bytes/);
    expect(() => createFieldCipher([{ id: "long", key: randomBytes(33) }])).toThrow(/32 bytes/);
    expect(() => createFieldCipher([])).toThrow(/empty/);
    expect(() => createFieldCipher([k1, { id: "k1", key: randomBytes(32) }])).toThrow(/twice/);
    expect(() => createFieldCipher([{ id: "k.1", key: randomBytes(32) }])).toThrow(/key id/);
  });
});
