// Sign-in with Google through the whole OIDC round trip against a local stand-in for Google.
// Attacks covered here: an account found by email instead of by (issuer, subject), an unverified
// Google email taken as proof of an address, an account created without the Terms accepted.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consents, securityEvents, users } from "../../../src/db/schema/identity.js";
import { GOOD_PASSWORD, registerAccount, uniqueEmail } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  countSessions,
  countUsers,
  googleUser,
  identitiesOf,
  type Providers,
  runSso,
  sessionsOf,
  signUpWithSso,
  ssoConfigFor,
  ssoCookie,
  startProviders,
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
  expect(p.google.unexpected).toEqual([]);
});

describe("Google sign-in", () => {
  it("lists the configured providers", async () => {
    const res = await t.request("/api/auth/sso/providers");
    expect(await res.json()).toEqual({ providers: ["google", "microsoft"] });
  });

  it("sends the browser to Google with PKCE S256, state, nonce and the openid email profile scope", async () => {
    const client = new TestClient(t);
    const res = await client.get("/api/auth/sso/google/start");
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get("location") ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(`${p.google.url}/o/oauth2/v2/auth`);
    const q = url.searchParams;
    expect(q.get("client_id")).toBe(p.google.clientId);
    expect(q.get("response_type")).toBe("code");
    expect(q.get("scope")).toBe("openid email profile");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get("state")?.length).toBeGreaterThanOrEqual(32);
    expect(q.get("nonce")?.length).toBeGreaterThanOrEqual(32);
    expect(q.get("redirect_uri")).toBe("http://localhost:3000/api/auth/sso/google/callback");
    // The transaction rides in an encrypted cookie, not in the URL: no verifier, no nonce in clear.
    const cookie = res.headers.getSetCookie().find((line) => line.startsWith("tl_sso="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(ssoCookie(client)).not.toContain(q.get("nonce"));
  });

  it("a first sign-in asks for the Terms, then creates the account with consent, identity and session", async () => {
    const client = new TestClient(t);
    const user = googleUser();
    const usersBefore = await countUsers(t);
    const flow = await runSso(client, p.google, user);
    expect(flow.location).toBe("/sso/accept-terms");
    // Nothing exists until the Terms are accepted.
    expect(await countUsers(t)).toBe(usersBefore);
    expect(client.sessionCookie()).toBeUndefined();
    const pending = await client.get("/api/auth/sso/sign-up");
    expect(await pending.json()).toEqual({ provider: "google", email: user.email });

    const refused = await client.post("/api/auth/sso/complete", { acceptTerms: false });
    expect(refused.status).toBe(400);
    expect(await countUsers(t)).toBe(usersBefore);

    const res = await client.post("/api/auth/sso/complete", { acceptTerms: true });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as { user: { id: string; emailVerified: boolean; hasPassword: boolean } };
    expect(body.user).toMatchObject({ emailVerified: true, hasPassword: false });
    const [row] = await t.database.db.select().from(users).where(eq(users.id, body.user.id));
    expect(row?.passwordHash).toBeNull();
    expect(row?.emailVerifiedAt).not.toBeNull();
    expect(await t.database.db.select().from(consents).where(eq(consents.userId, body.user.id))).toHaveLength(
      1,
    );
    const identities = await identitiesOf(t, body.user.id);
    expect(identities.map((i) => [i.provider, i.issuer, i.subject])).toEqual([
      ["google", p.google.url, user.sub],
    ]);
    expect((await sessionsOf(t, body.user.id)).map((s) => [s.state, s.method])).toEqual([
      ["active", "google"],
    ]);
    expect((await client.get("/api/me")).status).toBe(200);
    // The pending sign-up was single use.
    expect((await client.post("/api/auth/sso/complete", { acceptTerms: true })).status).toBe(400);
  });

  it("a later sign-in finds the account by (issuer, subject) and opens a new session", async () => {
    const signUp = new TestClient(t);
    const user = googleUser();
    const created = await signUpWithSso(signUp, p.google, user);
    const client = new TestClient(t);
    const flow = await runSso(client, p.google, user);
    expect(flow.location).toBe("/app");
    const me = await client.get("/api/me");
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(created.id);
    expect(await sessionsOf(t, created.id)).toHaveLength(2);
    const events = await t.database.db
      .select({ type: securityEvents.type })
      .from(securityEvents)
      .where(eq(securityEvents.userId, created.id));
    expect(events.map((e) => e.type)).toContain("sso_sign_in");
  });

  it("a changed email claim still reaches the same account: the email is not the key", async () => {
    const user = googleUser();
    const created = await signUpWithSso(new TestClient(t), p.google, user);
    const client = new TestClient(t);
    const renamed = { ...user, email: uniqueEmail("renamed") };
    expect((await runSso(client, p.google, renamed)).location).toBe("/app");
    const me = (await (await client.get("/api/me")).json()) as { user: { id: string } };
    expect(me.user.id).toBe(created.id);
    const [identity] = await identitiesOf(t, created.id);
    expect(identity?.email).toBe(renamed.email);
  });

  it("a Google identity with a password account's email does not enter it: link required", async () => {
    const account = await registerAccount(t);
    const sessionsBefore = await countSessions(t);
    const client = new TestClient(t);
    const flow = await runSso(client, p.google, googleUser({ email: account.email }));
    expect(flow.location).toBe("/sign-in?sso=link-required");
    expect(client.sessionCookie()).toBeUndefined();
    expect(ssoCookie(client)).toBeUndefined();
    expect(await countSessions(t)).toBe(sessionsBefore);
    expect(await identitiesOf(t, account.userId)).toEqual([]);
    // And no sign-up can be completed from it.
    expect((await client.post("/api/auth/sso/complete", { acceptTerms: true })).status).toBe(400);
  });

  it("an unverified Google email never enters the account that has that address", async () => {
    const account = await registerAccount(t);
    const sessionsBefore = await countSessions(t);
    const usersBefore = await countUsers(t);
    const client = new TestClient(t);
    const flow = await runSso(client, p.google, googleUser({ email: account.email, email_verified: false }));
    expect(flow.location).toMatch(/^\/sign-in\?sso=/);
    expect(client.sessionCookie()).toBeUndefined();
    expect(await countSessions(t)).toBe(sessionsBefore);
    expect(await countUsers(t)).toBe(usersBefore);
    expect(await identitiesOf(t, account.userId)).toEqual([]);
  });

  it("an unverified Google email cannot found an account either", async () => {
    const client = new TestClient(t);
    const usersBefore = await countUsers(t);
    const flow = await runSso(client, p.google, googleUser({ email_verified: false }));
    expect(flow.location).toBe("/sign-in?sso=email-missing");
    expect(await countUsers(t)).toBe(usersBefore);
  });

  it("a sign-up whose address got an account in the meantime is refused at the Terms step", async () => {
    const client = new TestClient(t);
    const user = googleUser();
    expect((await runSso(client, p.google, user)).location).toBe("/sso/accept-terms");
    await registerAccount(t, { email: user.email ?? "", password: GOOD_PASSWORD });
    const res = await client.post("/api/auth/sso/complete", { acceptTerms: true });
    expect(res.status).toBe(409);
    expect(client.sessionCookie()).toBeUndefined();
  });

  it("the person cancelling at Google ends on the sign-in page with no session", async () => {
    const client = new TestClient(t);
    p.google.denyNext();
    const before = await countSessions(t);
    const flow = await runSso(client, p.google, googleUser());
    expect(flow.location).toBe("/sign-in?sso=denied");
    expect(await countSessions(t)).toBe(before);
  });
});

describe("without SSO settings", () => {
  let bare: TestApp;
  // Its own app, built in a hook: a second database can take longer than a test's time limit.
  beforeAll(async () => {
    bare = await createTestApp();
  });
  afterAll(async () => bare?.close());

  it("lists no provider, and the start of an unconfigured provider is 404", async () => {
    expect(await (await bare.request("/api/auth/sso/providers")).json()).toEqual({ providers: [] });
    expect((await bare.request("/api/auth/sso/google/start")).status).toBe(404);
    expect((await bare.request("/api/auth/sso/microsoft/callback?code=x&state=y")).status).toBe(404);
  });
});
