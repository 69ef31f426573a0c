import { Secret, TOTP } from "otpauth";

/** The parameters the server enrols with (src/identity/totp.ts): SHA-1, 6 digits, 30 s. */
const PERIOD_SECONDS = 30;

/** The last time step each secret produced a code for; the server refuses a step twice. */
const lastUsedStep = new Map<string, number>();

function stepAt(nowMs: number): number {
  return Math.floor(nowMs / 1000 / PERIOD_SECONDS);
}

function normalize(secret: string): string {
  return secret.replace(/\s+/g, "").toUpperCase();
}

/**
 * A TOTP code for the current 30-second step, as an authenticator app would show it. The
 * server accepts each step once (RFC 6238 replay protection), so when this secret already
 * gave a code in the current step, it waits for the next one, as a person would.
 */
export async function freshTotpCode(secret: string): Promise<string> {
  const key = normalize(secret);
  const last = lastUsedStep.get(key);
  let step = stepAt(Date.now());
  if (last !== undefined && step <= last) {
    const nextStepStartsAt = (last + 1) * PERIOD_SECONDS * 1000;
    // A little past the boundary, so the server's clock is surely in the new step too.
    await new Promise((resolve) => setTimeout(resolve, nextStepStartsAt - Date.now() + 250));
    step = stepAt(Date.now());
  }
  lastUsedStep.set(key, step);
  const totp = new TOTP({
    secret: Secret.fromBase32(key),
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD_SECONDS,
  });
  return totp.generate({ timestamp: step * PERIOD_SECONDS * 1000 });
}
