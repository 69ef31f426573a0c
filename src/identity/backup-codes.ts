import { randomBytes } from "node:crypto";
import bcrypt from "bcrypt";

export const BACKUP_CODE_COUNT = 10;
/** Crockford base32, lower-case: no i, l, o or u, so nothing reads as another symbol. */
export const BACKUP_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const BACKUP_CODE_LENGTH = 13;
/** 13 symbols × 5 bits = 65 bits: out of reach of online guessing even without a rate limit. */
export const BACKUP_CODE_ENTROPY_BITS = BACKUP_CODE_LENGTH * Math.log2(BACKUP_CODE_ALPHABET.length);
/** Shown as xxxxx-xxxxx-xxx: short groups are easier to copy from paper. */
const GROUP_SIZES = [5, 5, 3] as const;
const NORMALIZED_PATTERN = new RegExp(`^[${BACKUP_CODE_ALPHABET}]{${BACKUP_CODE_LENGTH}}$`);
const LOOK_ALIKES: Record<string, string> = { o: "0", i: "1", l: "1" };

function createNormalizedCode(): string {
  // 256 is a multiple of 32, so the low five bits of each byte are uniform: no modulo bias.
  const bytes = randomBytes(BACKUP_CODE_LENGTH);
  let code = "";
  for (const byte of bytes) code += BACKUP_CODE_ALPHABET[byte & 0x1f];
  return code;
}

/** Inserts the dashes of the printed form into a normalized code. */
export function formatBackupCode(normalized: string): string {
  const groups: string[] = [];
  let start = 0;
  for (const size of GROUP_SIZES) {
    groups.push(normalized.slice(start, start + size));
    start += size;
  }
  return groups.join("-");
}

/** Ten fresh codes in their printed form (xxxxx-xxxxx-xxx), all different. */
export function createBackupCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < BACKUP_CODE_COUNT) codes.add(createNormalizedCode());
  return [...codes].map(formatBackupCode);
}

/**
 * The canonical 13-symbol form of what a person typed — any case, spaces and dashes ignored,
 * o read as 0 and i/l as 1 — or null when it cannot be a backup code.
 */
export function normalizeBackupCode(input: string): string | null {
  const compact = input
    .toLowerCase()
    // Hyphens and the dashes that word processors substitute for them.
    .replace(/[\s\-\u2010-\u2015]+/g, "")
    .replace(/[oil]/g, (c) => LOOK_ALIKES[c] ?? c);
  return NORMALIZED_PATTERN.test(compact) ? compact : null;
}

/** True for a backup code; a six-digit TOTP code never qualifies (wrong length). */
export function looksLikeBackupCode(input: string): boolean {
  return normalizeBackupCode(input) !== null;
}

function requireNormalized(normalized: string): string {
  if (!NORMALIZED_PATTERN.test(normalized)) {
    throw new TypeError("Expected a normalized backup code (see normalizeBackupCode)");
  }
  return normalized;
}

/** bcrypt, like passwords: a stolen database must not yield usable codes. */
export async function hashBackupCode(normalized: string, cost: number): Promise<string> {
  return bcrypt.hash(requireNormalized(normalized), cost);
}

export async function verifyBackupCode(normalized: string, hash: string): Promise<boolean> {
  return bcrypt.compare(requireNormalized(normalized), hash);
}
