// Attacks on the SSO callback, the one GET that changes state: login CSRF with a forged or
// swapped `state`, a stolen code redeemed without the browser's PKCE verifier, id_tokens minted
// for another client, by another issuer, for another sign-in (nonce), expired, or signed by a key
// the provider never published, and a replayed code. Every refusal ends on the sign-in page, the
// sso cookie is spent, and no session row is created.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { IdTokenFault } from "../../fakes/oidc-provider.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  countSessions,
  countUsers,
  deliverCallback,
  googleUser,
  microsoftUser,
  type Providers,
  runSso,
  ssoConfigFor,
  ssoCookie,
  startProviders,
  startSso,
} from "./sso-support.js";

let t: TestApp;
let p: Providers;
let sessionsBefore = 0;
let usersBefore = 0;

beforeAll(async () => {
  p = await startProviders();
  t = await createTestApp({ config: { sso: ssoConfigFor(p) } });
});
afterAll(async () => {
  await t?.close();
  await p?.google.close();
  await p?.microsoft.close();
  expect([...p.google.unexpected, ...p.microsoft.unexpected]).toEqual([]);
});
beforeEach(async () => {
  sessionsBefore = await countSessions(t);
  usersBefore = await countUsers(t);
});

async function expectNothingCreated(client: TestClient, location: string | null, reason: string) {
  expect(location).toBe(`/sign-in?sso=${reason}`);
  expect(client.sessionCookie()).toBeUndefined();
  expect(ssoCookie(client)).toBeUndefined();
  expect(await countSessions(t)).toBe(sessionsBefore);
  expect(await countUsers(t)).toBe(usersBefore);
}

describe("the callback refuses", () => {
  it("a wrong state (a callback from someone else's attempt)", async () => {
    const client = new TestClient(t);
    p.google.setUser(googleUser());
    const authorizationUrl = await startSso(client, "google");
    const callbackUrl = await p.google.authorize(authorizationUrl.href);
    callbackUrl.searchParams.set("state", "forged-state-forged-state-forged-state-000");
    const res = await deliverCallback(client, callbackUrl);
    await expectNothingCreated(client, res.headers.get("location"), "failed");
    // The code was never sent to the token endpoint.
    const code = callbackUrl.searchParams.get("code");
    expect(p.google.tokenRequests.filter((r) => r.code === code)).toEqual([]);
  });

  it("a callback in a browser that did not start it (no verifier, no cookie): login CSRF", async () => {
    const attacker = new TestClient(t);
    p.google.setUser(googleUser());
    const callbackUrl = await p.google.authorize((await startSso(attacker, "google")).href);
    const victim = new TestClient(t);
    const res = await deliverCallback(victim, callbackUrl);
    await expectNothingCreated(victim, res.headers.get("location"), "expired");
  });

  it("a callback of one provider with the other provider's transaction", async () => {
    const client = new TestClient(t);
    const microsoftState = (await startSso(client, "microsoft")).searchParams.get("state") ?? "";
    p.google.setUser(googleUser());
    const googleReturn = await p.google.authorize((await startSso(new TestClient(t), "google")).href);
    googleReturn.searchParams.set("state", microsoftState);
    const res = await deliverCallback(client, googleReturn);
    await expectNothingCreated(client, res.headers.get("location"), "expired");
  });

  it("a tampered sso cookie", async () => {
    const client = new TestClient(t);
    p.google.setUser(googleUser());
    const callbackUrl = await p.google.authorize((await startSso(client, "google")).href);
    const cookie = ssoCookie(client) ?? "";
    const flipped = `${cookie.slice(0, -3)}${cookie.endsWith("A") ? "B" : "A"}${cookie.slice(-2)}`;
    client.cookies.set("tl_sso", flipped);
    const res = await deliverCallback(client, callbackUrl);
    await expectNothingCreated(client, res.headers.get("location"), "expired");
  });

  const faults: [IdTokenFault, RegExp][] = [
    ["wrong-aud", /"aud"/],
    ["wrong-iss", /"iss"/],
    ["wrong-nonce", /"nonce"/],
    ["expired", /"exp"/],
    ["bad-signature", /signature/i],
  ];
  for (const provider of ["google", "microsoft"] as const) {
    for (const [fault, logged] of faults) {
      it(`${provider}: an id_token with ${fault}`, async () => {
        const fake = p[provider];
        const client = new TestClient(t);
        fake.faultNextIdToken(fault);
        const flow = await runSso(client, fake, provider === "google" ? googleUser() : microsoftUser());
        await expectNothingCreated(client, flow.location, "failed");
        // The code was redeemed, so it was the id_token check that refused.
        const code = flow.callbackUrl.searchParams.get("code");
        expect(fake.tokenRequests.find((r) => r.code === code)?.error).toBeUndefined();
        const refusal = t.logs.lines.filter((l) => l.includes("sso callback refused")).at(-1) ?? "{}";
        expect((JSON.parse(refusal) as { detail?: string }).detail).toMatch(logged);
      });
    }
  }

  it("a replayed callback (its URL and a copy of the sso cookie)", async () => {
    const client = new TestClient(t);
    const user = googleUser();
    p.google.setUser(user);
    const callbackUrl = await p.google.authorize((await startSso(client, "google")).href);
    const copied = ssoCookie(client) ?? "";
    const first = await deliverCallback(client, callbackUrl);
    expect(first.headers.get("location")).toBe("/sso/accept-terms");
    sessionsBefore = await countSessions(t);
    const replay = new TestClient(t);
    replay.cookies.set("tl_sso", copied);
    const res = await deliverCallback(replay, callbackUrl);
    await expectNothingCreated(replay, res.headers.get("location"), "expired");
  });

  it("a replayed code under a fresh transaction: the provider refuses it, so does the app", async () => {
    const client = new TestClient(t);
    const used = await runSso(client, p.google, googleUser());
    expect(used.location).toBe("/sso/accept-terms");
    const oldCode = used.callbackUrl.searchParams.get("code") ?? "";
    sessionsBefore = await countSessions(t);
    usersBefore = await countUsers(t);
    const replay = new TestClient(t);
    const fresh = await p.google.authorize((await startSso(replay, "google")).href);
    fresh.searchParams.set("code", oldCode);
    const res = await deliverCallback(replay, fresh);
    await expectNothingCreated(replay, res.headers.get("location"), "failed");
    expect(p.google.tokenRequests.filter((r) => r.code === oldCode).map((r) => r.error)).toEqual([
      undefined,
      "code already redeemed",
    ]);
  });

  it("an unknown code", async () => {
    const client = new TestClient(t);
    const callbackUrl = await p.google.authorize((await startSso(client, "google")).href);
    callbackUrl.searchParams.set("code", "made-up-code");
    const res = await deliverCallback(client, callbackUrl);
    await expectNothingCreated(client, res.headers.get("location"), "failed");
  });
});
