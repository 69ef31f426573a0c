import { timingSafeEqual } from "node:crypto";
import { HOTP, Secret, TOTP } from "otpauth";

/** RFC 6238 with the parameters every authenticator app supports. */
export const TOTP_ALGORITHM = "SHA1";
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** 160 bits, the HMAC-SHA-1 block-size recommendation of RFC 4226 section 4. */
export const TOTP_SECRET_BYTES = 20;
/** One step either side tolerates ~30 s of clock drift and the time to type the code. */
export const TOTP_WINDOW_STEPS = 1;
/** A larger window would multiply an attacker's odds per guess; refuse it outright. */
const MAX_WINDOW_STEPS = 2;

/** A base32 secret for a new authenticator enrolment. */
export function createTotpSecret(): string {
  return new Secret({ size: TOTP_SECRET_BYTES }).base32;
}

export type OtpauthUriInput = { secret: string; accountName: string; issuer: string };

/** The `otpauth://totp/…` URI an authenticator app reads from a QR code. */
export function buildOtpauthUri({ secret, accountName, issuer }: OtpauthUriInput): string {
  // The Key URI format separates issuer and account with a colon in the label.
  if (accountName.includes(":") || issuer.includes(":")) {
    throw new TypeError("Neither the TOTP account name nor the issuer may contain a colon");
  }
  return new TOTP({
    issuer,
    label: accountName,
    secret: Secret.fromBase32(secret),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  }).toString();
}

/** The time step (RFC 6238 T) of an instant: floor(unix seconds / 30). */
export function findTimeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** Removes the spaces apps show between digit groups; null unless exactly six digits remain. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/\s+/g, "");
  return /^[0-9]{6}$/.test(code) ? code : null;
}

export type FindTotpStepInput = {
  secret: string;
  code: string;
  nowMs: number;
  window?: number;
  /** Steps at or below this one are not considered (already used). */
  afterStep?: number;
};

/** The step in T-window … T+window whose code equals `code`, or null. */
export function findTotpStep({
  secret,
  code,
  nowMs,
  window = TOTP_WINDOW_STEPS,
  afterStep,
}: FindTotpStepInput): number | null {
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW_STEPS) {
    throw new RangeError(`TOTP window must be an integer from 0 to ${MAX_WINDOW_STEPS}`);
  }
  const token = normalizeTotpCode(code);
  if (token === null) return null;
  const key = Secret.fromBase32(secret);
  const current = findTimeStep(nowMs);
  let matched: number | null = null;
  // Every candidate is computed and compared in constant time, so timing does not reveal which
  // step (or whether any) matched; the earliest unused match wins.
  for (let step = current - window; step <= current + window; step += 1) {
    const expected = HOTP.generate({
      secret: key,
      algorithm: TOTP_ALGORITHM,
      digits: TOTP_DIGITS,
      counter: step,
    });
    const equal = timingSafeEqual(Buffer.from(expected), Buffer.from(token));
    const usable = afterStep === undefined || step > afterStep;
    if (equal && usable && matched === null) matched = step;
  }
  return matched;
}

export type VerifyTotpOnceInput = {
  secret: string;
  code: string;
  nowMs: number;
  /** The last step accepted for this account, or null if none yet. */
  lastUsedStep: number | null;
};

/**
 * Accepts a code only for a step later than the last one used, so a code seen over a shoulder
 * or replayed from a log is worthless once used. The caller must store the returned step with a
 * conditional update (`… where last_step < $step`) so two concurrent submits cannot both win.
 */
export function verifyTotpOnce({ secret, code, nowMs, lastUsedStep }: VerifyTotpOnceInput): {
  step: number;
} | null {
  const step = findTotpStep({ secret, code, nowMs, afterStep: lastUsedStep ?? undefined });
  return step === null ? null : { step };
}
