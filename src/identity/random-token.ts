import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const DEFAULT_TOKEN_BYTES = 32;
/** Below 128 bits a token could be guessed online given enough time; refuse to make one. */
const MIN_TOKEN_BYTES = 16;
const HEX_PATTERN = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * An unguessable token for a link (email verification, password reset, invitation). Only
 * `hashToken(token)` is stored, so a database leak does not hand out working links.
 */
export function createOpaqueToken(bytes: number = DEFAULT_TOKEN_BYTES): string {
  if (!Number.isInteger(bytes) || bytes < MIN_TOKEN_BYTES) {
    throw new RangeError(`A token needs at least ${MIN_TOKEN_BYTES} random bytes`);
  }
  return randomBytes(bytes).toString("base64url");
}

/**
 * SHA-256, unsalted on purpose: the token already carries 256 bits of randomness, so there is
 * nothing to brute-force, and an unsalted hash lets the database look the token up by its hash.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Compares two hex strings (such as token hashes) in time independent of where they differ.
 * Different lengths or non-hex input answer false; the length itself is not secret.
 */
export function timingSafeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length || !HEX_PATTERN.test(a) || !HEX_PATTERN.test(b)) return false;
  return timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));
}
