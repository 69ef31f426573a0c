import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount, signIn, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("account journey through the API", () => {
  it("registers, reads /me, turns on 2FA, signs out and back in with a code", async () => {
    const account = await registerAccount(t);
    const me = await account.client.get("/api/me");
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(account.email);
    const { secret } = await turnOnTwoFactor(account.client);
    expect((await account.client.post("/api/auth/logout")).status).toBe(204);
    expect((await account.client.get("/api/me")).status).toBe(401);
    const { client, res } = await signIn(t, account.email, account.password);
    expect(await res.json()).toEqual({ mfaRequired: true, enrolmentRequired: false });
    const pending = await client.get("/api/me");
    expect(pending.status).toBe(403);
    expect(((await pending.json()) as { error: { code: string } }).error.code).toBe("mfa_required");
    const mfa = await client.post("/api/auth/mfa", { code: totpCode(secret, 1) });
    expect(mfa.status, await mfa.clone().text()).toBe(200);
    expect((await client.get("/api/me")).status).toBe(200);
  });
});
