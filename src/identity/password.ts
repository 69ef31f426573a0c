import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import bcrypt from "bcrypt";

export const MIN_PASSWORD_LENGTH = 8;
/** bcrypt reads only the first 72 bytes; anything longer is refused rather than silently cut. */
export const MAX_PASSWORD_BYTES = 72;
export const DEFAULT_BCRYPT_COST = 12;

export type PasswordCheck =
  | { ok: true }
  | { ok: false; code: "too_short" | "too_long" | "common"; message: string };

/**
 * NFKC first (NIST SP 800-63B 5.1.1.2), so the same password typed on another keyboard or
 * operating system, which may compose "é" differently, still matches. Every function here
 * applies it, so length limits and hashes always see the same bytes.
 */
function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

function byteLengthOf(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

let commonPasswords: Set<string> | undefined;

/**
 * ~49k passwords from breach corpora, shipped lower-case in @zxcvbn-ts/language-common.
 * Decompressing it costs ~180 ms, so it is loaded on first use and not at import time
 * (a synchronous require keeps `checkNewPassword` synchronous).
 */
function loadCommonPasswords(): Set<string> {
  if (!commonPasswords) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require("@zxcvbn-ts/language-common") as {
      dictionary: { "passwords-common": string[] };
    };
    const list = dictionary["passwords-common"];
    if (!Array.isArray(list) || list.length < 10_000) {
      throw new Error("The common-password list from @zxcvbn-ts/language-common is missing or too short");
    }
    commonPasswords = new Set(list.map((entry) => entry.toLowerCase()));
  }
  return commonPasswords;
}

/** The number of passwords on the refusal list; also warms the list at start-up if called then. */
export function countCommonPasswords(): number {
  return loadCommonPasswords().size;
}

/** Rules for a password a person chooses: length and a breached-password list, no composition rules. */
export function checkNewPassword(password: string): PasswordCheck {
  const normalized = normalizePassword(password);
  if (byteLengthOf(normalized) > MAX_PASSWORD_BYTES) {
    return {
      ok: false,
      code: "too_long",
      message: `Use at most ${MAX_PASSWORD_BYTES} bytes — about ${MAX_PASSWORD_BYTES} letters without accents, fewer with accents, symbols or emoji.`,
    };
  }
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  if ([...normalized].length < MIN_PASSWORD_LENGTH) {
    return { ok: false, code: "too_short", message: `Use at least ${MIN_PASSWORD_LENGTH} characters.` };
  }
  if (loadCommonPasswords().has(normalized.toLowerCase())) {
    return {
      ok: false,
      code: "common",
      message: "This password is too common and appears in lists used by attackers. Choose another one.",
    };
  }
  return { ok: true };
}

function requireValidCost(cost: number): number {
  if (!Number.isInteger(cost) || cost < 4 || cost > 31) {
    throw new RangeError("bcrypt cost must be an integer from 4 to 31");
  }
  return cost;
}

export async function hashPassword(password: string, cost: number): Promise<string> {
  const normalized = normalizePassword(password);
  if (byteLengthOf(normalized) > MAX_PASSWORD_BYTES) {
    throw new RangeError(`A password longer than ${MAX_PASSWORD_BYTES} bytes cannot be hashed with bcrypt`);
  }
  return bcrypt.hash(normalized, requireValidCost(cost));
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * A hash of a random password nobody knows, one per cost, made on first use. Comparing against
 * it lets a sign-in for an unknown account cost as much as one for a known account. Call it at
 * start-up to keep the very first unknown-account sign-in from also paying for the hash.
 */
export function loadDummyPasswordHash(cost: number = DEFAULT_BCRYPT_COST): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = bcrypt.hash(randomBytes(32).toString("base64url"), requireValidCost(cost));
    dummyHashes.set(cost, hash);
  }
  return hash;
}

export type VerifyPasswordOptions = {
  /** The cost of the dummy hash used when `hash` is null; match the cost of stored hashes. */
  dummyCost?: number;
};

/**
 * Always runs exactly one bcrypt compare, so the response time does not reveal whether the
 * account exists (`hash` null) or whether the password was refused for being too long.
 */
export async function verifyPassword(
  password: string,
  hash: string | null,
  options: VerifyPasswordOptions = {},
): Promise<boolean> {
  const normalized = normalizePassword(password);
  const target = hash ?? (await loadDummyPasswordHash(options.dummyCost ?? DEFAULT_BCRYPT_COST));
  const matches = await bcrypt.compare(normalized, target);
  // Over 72 bytes bcrypt would compare only the prefix: "a"*72+"X" would open an "a"*72 account.
  const withinLimit = byteLengthOf(normalized) <= MAX_PASSWORD_BYTES;
  return hash !== null && withinLimit && matches;
}
