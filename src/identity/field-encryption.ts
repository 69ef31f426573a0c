import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { KeyRingEntry } from "../server/secrets.js";

export type FieldContext = { table: string; column: string; rowId: string };

export type FieldCipher = {
  encrypt(plaintext: string, context: FieldContext): string;
  decrypt(envelope: string, context: FieldContext): string;
  keyIdOf(envelope: string): string;
  needsReencryption(envelope: string): boolean;
};

const ENVELOPE_VERSION = "v1";
const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
/** 96 bits, the IV size GCM is designed for (NIST SP 800-38D 8.2); random, never reused. */
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Ids become part of the dotted envelope, so they must not contain a dot. */
const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

export type FieldDecryptionFailure = "malformed" | "unknown_key" | "authentication_failed";

/**
 * The one error decryption throws. Its message names the failure kind only: never plaintext,
 * key material or ciphertext, so it is safe to log.
 */
export class FieldDecryptionError extends Error {
  override readonly name = "FieldDecryptionError";
  constructor(readonly reason: FieldDecryptionFailure) {
    super(`Encrypted field could not be decrypted (${reason})`);
  }
}

type ParsedEnvelope = { keyId: string; iv: Buffer; ciphertext: Buffer; tag: Buffer };

function parseEnvelope(envelope: string): ParsedEnvelope {
  const parts = envelope.split(".");
  if (parts.length !== 5) throw new FieldDecryptionError("malformed");
  const [version, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  const encodedOk = [iv, ciphertext, tag].every((part) => BASE64URL_PATTERN.test(part));
  if (version !== ENVELOPE_VERSION || !KEY_ID_PATTERN.test(keyId) || !encodedOk) {
    throw new FieldDecryptionError("malformed");
  }
  const parsed = {
    keyId,
    iv: Buffer.from(iv, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
    tag: Buffer.from(tag, "base64url"),
  };
  // Node would accept a truncated tag, which weakens authentication: insist on the full 16 bytes.
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) {
    throw new FieldDecryptionError("malformed");
  }
  return parsed;
}

/**
 * Binds a ciphertext to where it is stored: copied to another row, column or table, or relabelled
 * with another key id or version, it no longer authenticates. JSON keeps the fields unambiguous
 * ("a.b" + "c" never equals "a" + "b.c").
 */
function associatedDataOf(keyId: string, context: FieldContext): Buffer {
  const { table, column, rowId } = context;
  return Buffer.from(JSON.stringify([ENVELOPE_VERSION, keyId, table, column, rowId]), "utf8");
}

type UsableKeyRing = { current: KeyRingEntry; keys: Map<string, Buffer> };

function requireKeyRing(keyRing: readonly KeyRingEntry[]): UsableKeyRing {
  const keys = new Map<string, Buffer>();
  for (const { id, key } of keyRing) {
    if (!KEY_ID_PATTERN.test(id)) throw new Error("A field-encryption key id must match [A-Za-z0-9_-]{1,32}");
    if (key.length !== KEY_BYTES) throw new Error(`Field-encryption key ${id} must be ${KEY_BYTES} bytes`);
    if (keys.has(id)) throw new Error(`Field-encryption key id ${id} appears twice`);
    // A copy, so later changes to the caller's buffer cannot change the key in use.
    keys.set(id, Buffer.from(key));
  }
  const [first] = keyRing;
  const firstKey = first && keys.get(first.id);
  if (!first || !firstKey) throw new Error("The field-encryption key ring is empty");
  return { current: { id: first.id, key: firstKey }, keys };
}

/** AES-256-GCM for single database fields. The first key of the ring encrypts; all decrypt. */
export function createFieldCipher(keyRing: readonly KeyRingEntry[]): FieldCipher {
  const { current, keys } = requireKeyRing(keyRing);

  function keyIdOf(envelope: string): string {
    return parseEnvelope(envelope).keyId;
  }

  return {
    encrypt(plaintext, context) {
      // A lone surrogate would be replaced by U+FFFD on encoding and not come back as written.
      if (/\p{Surrogate}/u.test(plaintext)) throw new TypeError("Plaintext is not well-formed Unicode");
      const keyId = current.id;
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, current.key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedDataOf(keyId, context));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [ENVELOPE_VERSION, keyId, iv, ciphertext, tag]
        .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
        .join(".");
    },

    decrypt(envelope, context) {
      const { keyId, iv, ciphertext, tag } = parseEnvelope(envelope);
      const key = keys.get(keyId);
      if (!key) throw new FieldDecryptionError("unknown_key");
      try {
        const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(associatedDataOf(keyId, context));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
      } catch {
        // Node's own message is discarded on purpose: one error type, nothing sensitive in it.
        throw new FieldDecryptionError("authentication_failed");
      }
    },

    keyIdOf,

    /** True when the field was written with an older key and should be rewritten with the current one. */
    needsReencryption(envelope) {
      return keyIdOf(envelope) !== current.id;
    },
  };
}
