// Connecting and disconnecting identities, and app two-factor after SSO. Attacks covered: an SSO
// sign-in skipping the app second factor the person turned on, a connection finished in a browser
// that is no longer signed in as who asked, an identity moved from one account to another, and an
// account left with no way to sign in.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessions } from "../../../src/db/schema/identity.js";
import { registerAccount, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  countSessions,
  deliverCallback,
  googleUser,
  identitiesOf,
  microsoftUser,
  type Providers,
  runSso,
  sessionsOf,
  signUpWithSso,
  ssoConfigFor,
  startProviders,
  startSso,
} from "./sso-support.js";

let t: TestApp;
let p: Providers;

beforeAll(async () => {
  p = await startProviders();
  t = await createTestApp({ config: { sso: ssoConfigFor(p) } });
});
afterAll(async () => {
  await t?.close();
  await p?.google.close();
  await p?.microsoft.close();
});

type Identity = { id: string; provider: string; email: string | null; createdAt: string };

async function listIdentities(client: TestClient): Promise<Identity[]> {
  const res = await client.get("/api/me/identities");
  expect(res.status).toBe(200);
  return ((await res.json()) as { identities: Identity[] }).identities;
}

describe("app two-factor after SSO", () => {
  it("a user with app 2FA gets a pending session from SSO, and finishes with a code", async () => {
    const user = googleUser();
    const first = new TestClient(t);
    const created = await signUpWithSso(first, p.google, user);
    const { secret } = await turnOnTwoFactor(first);

    const client = new TestClient(t);
    const flow = await runSso(client, p.google, user);
    expect(flow.location).toBe("/sign-in/two-factor");
    const pending = await client.get("/api/me");
    expect(pending.status).toBe(403);
    expect(((await pending.json()) as { error: { code: string } }).error.code).toBe("mfa_required");
    const rows = await sessionsOf(t, created.id);
    expect(rows.map((r) => [r.state, r.method]).sort()).toEqual([
      ["active", "google"],
      ["pending_mfa", "google"],
    ]);

    const mfa = await client.post("/api/auth/mfa", { code: totpCode(secret, 1) });
    expect(mfa.status, await mfa.clone().text()).toBe(200);
    expect((await client.get("/api/me")).status).toBe(200);
  });
});

describe("connecting an identity from settings", () => {
  it("a password account connects Google, then signs in with it", async () => {
    const account = await registerAccount(t);
    // Google's address may even equal the account's: connecting is what lets it in.
    const user = googleUser({ email: account.email });
    const flow = await runSso(account.client, p.google, user, "link");
    expect(flow.location).toBe("/account/sign-in-methods?sso=connected");
    const identities = await listIdentities(account.client);
    expect(identities.map((i) => [i.provider, i.email])).toEqual([["google", account.email]]);

    const client = new TestClient(t);
    expect((await runSso(client, p.google, user)).location).toBe("/app");
    const me = (await (await client.get("/api/me")).json()) as { user: { id: string } };
    expect(me.user.id).toBe(account.userId);
  });

  it("needs an active session to start", async () => {
    const res = await new TestClient(t).get("/api/auth/sso/google/start?intent=link");
    expect(res.status).toBe(401);
  });

  // Attack: a stolen session cookie used to plant the thief's own Google account as a way back in.
  it("needs a recent sign-in: an older session is asked to sign in again", async () => {
    const account = await registerAccount(t);
    await t.database.db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 11 * 60_000) })
      .where(eq(sessions.userId, account.userId));
    const res = await account.client.get("/api/auth/sso/google/start?intent=link");
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("reauthentication_required");
    expect(res.headers.getSetCookie().some((line) => line.startsWith("tl_sso="))).toBe(false);
  });

  it("refuses an identity that belongs to another account, and moves nothing", async () => {
    const owner = await signUpWithSso(new TestClient(t), p.microsoft, microsoftUser());
    const [ownerIdentity] = await identitiesOf(t, owner.id);
    const other = await registerAccount(t);
    const taken = microsoftUser({ tid: ownerIdentity?.issuer.split("/")[3], oid: ownerIdentity?.subject });
    const flow = await runSso(other.client, p.microsoft, taken, "link");
    expect(flow.location).toBe("/account/sign-in-methods?sso=identity-in-use");
    expect(await identitiesOf(t, other.userId)).toEqual([]);
    expect(await identitiesOf(t, owner.id)).toHaveLength(1);
  });

  it("refuses a connection finished after the browser signed out and in as someone else", async () => {
    const first = await registerAccount(t);
    p.google.setUser(googleUser());
    const callbackUrl = await p.google.authorize((await startSso(first.client, "google", "link")).href);
    // Signed out, and someone else signs in within the same browser.
    expect((await first.client.post("/api/auth/logout")).status).toBe(204);
    const second = await registerAccount(t, { client: first.client });
    const res = await deliverCallback(first.client, callbackUrl);
    expect(res.headers.get("location")).toBe("/account/sign-in-methods?sso=session-changed");
    expect(await identitiesOf(t, first.userId)).toEqual([]);
    expect(await identitiesOf(t, second.userId)).toEqual([]);
  });
});

describe("disconnecting", () => {
  it("is refused for the last way to sign in of an account without a password", async () => {
    const client = new TestClient(t);
    const created = await signUpWithSso(client, p.google, googleUser());
    const [only] = await listIdentities(client);
    const res = await client.delete(`/api/me/identities/${only?.id}`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("last_sign_in_method");
    expect(await identitiesOf(t, created.id)).toHaveLength(1);
  });

  it("is allowed once another identity is connected, and the disconnected one no longer signs in", async () => {
    const client = new TestClient(t);
    const google = googleUser();
    const created = await signUpWithSso(client, p.google, google);
    expect((await runSso(client, p.microsoft, microsoftUser(), "link")).location).toBe(
      "/account/sign-in-methods?sso=connected",
    );
    const identities = await listIdentities(client);
    const googleIdentity = identities.find((i) => i.provider === "google");
    expect((await client.delete(`/api/me/identities/${googleIdentity?.id}`)).status).toBe(204);
    expect((await identitiesOf(t, created.id)).map((i) => i.provider)).toEqual(["microsoft"]);
    const [last] = await listIdentities(client);
    expect((await client.delete(`/api/me/identities/${last?.id}`)).status).toBe(409);

    // Google now finds no identity: its address has an account, so it is told to connect first.
    const before = await countSessions(t);
    const again = new TestClient(t);
    expect((await runSso(again, p.google, google)).location).toBe("/sign-in?sso=link-required");
    expect(await countSessions(t)).toBe(before);
  });

  it("is allowed for a password account's only identity, and 404 for someone else's", async () => {
    const account = await registerAccount(t);
    await runSso(account.client, p.google, googleUser(), "link");
    const [identity] = await listIdentities(account.client);
    const stranger = await registerAccount(t);
    expect((await stranger.client.delete(`/api/me/identities/${identity?.id}`)).status).toBe(404);
    expect((await account.client.delete(`/api/me/identities/${identity?.id}`)).status).toBe(204);
    expect(await listIdentities(account.client)).toEqual([]);
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, account.userId));
    expect(rows).toHaveLength(1); // disconnecting leaves the signed-in session alone
  });
});
