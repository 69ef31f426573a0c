// Sign-in with Microsoft Entra ID (multi-tenant) against a local stand-in reached under the real
// authority URL, so openid-client's own Entra issuer handling runs. Attacks covered: one tenant
// speaking for another (a token whose `iss` is not its own `tid`'s issuer), an account found by
// a tenant-controlled `email`/`preferred_username` (the "nOAuth" takeover), and a same-email
// identity from the other provider entering an account without being connected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SsoConfig } from "../../../src/server/config.js";
import { type FakeOidcProvider, startFakeOidcProvider } from "../../fakes/oidc-provider.js";
import { TestClient } from "../../support/http-client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  countSessions,
  countUsers,
  googleUser,
  identitiesOf,
  microsoftUser,
  type Providers,
  runSso,
  signUpWithSso,
  ssoConfigFor,
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
  expect(p.microsoft.unexpected).toEqual([]);
});

async function userIdOf(client: TestClient): Promise<string> {
  const res = await client.get("/api/me");
  expect(res.status).toBe(200);
  return ((await res.json()) as { user: { id: string } }).user.id;
}

describe("Microsoft Entra sign-in", () => {
  it("goes to the organizations authority with PKCE, state and nonce", async () => {
    const res = await new TestClient(t).get("/api/auth/sso/microsoft/start");
    const url = new URL(res.headers.get("location") ?? "");
    expect(`${url.origin}${url.pathname}`).toBe(
      "https://login.microsoftonline.com/organizations/oauth2/v2.0/authorize",
    );
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("scope")).toBe("openid email profile");
  });

  it("keys the identity on (tenant, object id) and stores the tenant's concrete issuer", async () => {
    const user = microsoftUser();
    const created = await signUpWithSso(new TestClient(t), p.microsoft, user);
    expect(created.emailVerified).toBe(false); // Entra's email is display only
    const identities = await identitiesOf(t, created.id);
    expect(identities.map((i) => [i.provider, i.issuer, i.subject])).toEqual([
      ["microsoft", `https://login.microsoftonline.com/${user.tid}/v2.0`, user.oid],
    ]);
    // A later sign-in with a new pairwise `sub`, email and username is still the same person.
    const client = new TestClient(t);
    const changed = {
      ...user,
      sub: "another-pairwise-sub",
      email: "x@y.test",
      preferred_username: "x@y.test",
    };
    expect((await runSso(client, p.microsoft, changed)).location).toBe("/app");
    expect(await userIdOf(client)).toBe(created.id);
  });

  it("the same object id in another tenant is another identity", async () => {
    const user = microsoftUser();
    const first = await signUpWithSso(new TestClient(t), p.microsoft, user);
    const client = new TestClient(t);
    const otherTenant = microsoftUser({ oid: user.oid });
    const flow = await runSso(client, p.microsoft, otherTenant);
    expect(flow.location).toBe("/sso/accept-terms");
    expect(client.sessionCookie()).toBeUndefined();
    const second = await client.post("/api/auth/sso/complete", { acceptTerms: true });
    const body = (await second.json()) as { user: { id: string } };
    expect(body.user.id).not.toBe(first.id);
  });

  it("a tenant that sets a victim's address as email or username does not enter the victim's account", async () => {
    const victim = await signUpWithSso(new TestClient(t), p.microsoft, microsoftUser());
    const sessionsBefore = await countSessions(t);
    const attacker = new TestClient(t);
    const flow = await runSso(
      attacker,
      p.microsoft,
      microsoftUser({ email: victim.email, preferred_username: victim.email }),
    );
    expect(flow.location).toBe("/sign-in?sso=link-required");
    expect(attacker.sessionCookie()).toBeUndefined();
    expect(await countSessions(t)).toBe(sessionsBefore);
    expect(await identitiesOf(t, victim.id)).toHaveLength(1);
  });

  it("the same email from Google does not enter a Microsoft-created account", async () => {
    const account = await signUpWithSso(new TestClient(t), p.microsoft, microsoftUser());
    const sessionsBefore = await countSessions(t);
    const client = new TestClient(t);
    const flow = await runSso(client, p.google, googleUser({ email: account.email, email_verified: true }));
    expect(flow.location).toBe("/sign-in?sso=link-required");
    expect(client.sessionCookie()).toBeUndefined();
    expect(await countSessions(t)).toBe(sessionsBefore);
  });

  it("the same email from Microsoft does not enter a Google-created account", async () => {
    const account = await signUpWithSso(new TestClient(t), p.google, googleUser());
    const sessionsBefore = await countSessions(t);
    const client = new TestClient(t);
    const flow = await runSso(client, p.microsoft, microsoftUser({ email: account.email }));
    expect(flow.location).toBe("/sign-in?sso=link-required");
    expect(await countSessions(t)).toBe(sessionsBefore);
  });

  it("a token whose issuer is another tenant's is refused", async () => {
    const client = new TestClient(t);
    const sessionsBefore = await countSessions(t);
    const usersBefore = await countUsers(t);
    p.microsoft.faultNextIdToken("wrong-iss");
    const flow = await runSso(client, p.microsoft, microsoftUser());
    expect(flow.location).toBe("/sign-in?sso=failed");
    expect(await countSessions(t)).toBe(sessionsBefore);
    expect(await countUsers(t)).toBe(usersBefore);
  });

  it("an id_token without oid is refused rather than keyed on anything else", async () => {
    const client = new TestClient(t);
    const flow = await runSso(client, p.microsoft, { ...microsoftUser(), oid: undefined });
    expect(flow.location).toBe("/sign-in?sso=failed");
  });
});

describe("Microsoft with one tenant configured (per-tenant issuer at the fake's own URL)", () => {
  const tenant = microsoftUser().tid ?? "";
  let fake: FakeOidcProvider;
  let single: TestApp;
  // Its own app, built in a hook: a second database can take longer than a test's time limit.
  beforeAll(async () => {
    fake = await startFakeOidcProvider({ flavour: "microsoft", publicBase: "self" });
    const sso: SsoConfig = {
      google: undefined,
      microsoft: { clientId: fake.clientId, clientSecret: fake.clientSecret, tenant, authorityUrl: fake.url },
    };
    single = await createTestApp({ config: { sso } });
  });
  afterAll(async () => {
    await single?.close();
    await fake?.close();
  });

  it("admits that tenant and refuses another", async () => {
    const ok = await runSso(new TestClient(single), fake, microsoftUser({ tid: tenant }));
    expect(ok.location).toBe("/sso/accept-terms");
    const refused = await runSso(new TestClient(single), fake, microsoftUser());
    expect(refused.location).toBe("/sign-in?sso=failed");
    expect(await countSessions(single)).toBe(0);
    expect(fake.unexpected).toEqual([]);
  });
});
