import { randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import { expect } from "vitest";
import { TestClient } from "./http-client.js";
import type { TestApp } from "./test-app.js";

export const GOOD_PASSWORD = "correct horse battery staple";

export function uniqueEmail(prefix = "therapist"): string {
  return `${prefix}.${randomBytes(4).toString("hex")}@example.com`;
}

export type Account = { client: TestClient; email: string; password: string; userId: string };

/** Registers through the API, as the sign-up page does, and returns the signed-in client. */
export async function registerAccount(
  t: Pick<TestApp, "request">,
  options: { email?: string; password?: string; client?: TestClient } = {},
): Promise<Account> {
  const client = options.client ?? new TestClient(t);
  const email = options.email ?? uniqueEmail();
  const password = options.password ?? GOOD_PASSWORD;
  const res = await client.post("/api/auth/register", { email, password, acceptTerms: true });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { user: { id: string } };
  return { client, email, password, userId: body.user.id };
}

/** The TOTP code for `secret` at `nowMs`, shifted by `stepOffset` 30-second steps. */
export function totpCode(secret: string, stepOffset = 0, nowMs = Date.now()): string {
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: "SHA1",
  });
  return totp.generate({ timestamp: nowMs + stepOffset * 30_000 });
}

/** Turns on two-factor for a signed-in client; the enabling code uses the previous step. */
export async function turnOnTwoFactor(
  client: TestClient,
): Promise<{ secret: string; backupCodes: string[] }> {
  const setup = await client.post("/api/me/two-factor/setup");
  expect(setup.status).toBe(200);
  const { secret } = (await setup.json()) as { secret: string };
  const enable = await client.post("/api/me/two-factor/enable", { code: totpCode(secret, -1) });
  expect(enable.status, await enable.clone().text()).toBe(200);
  const { backupCodes } = (await enable.json()) as { backupCodes: string[] };
  return { secret, backupCodes };
}

export async function signIn(
  t: Pick<TestApp, "request">,
  email: string,
  password: string,
  client = new TestClient(t),
): Promise<{ client: TestClient; res: Response }> {
  const res = await client.post("/api/auth/login", { email, password });
  return { client, res };
}
