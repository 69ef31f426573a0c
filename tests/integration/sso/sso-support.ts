import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { expect } from "vitest";
import { sessions, users } from "../../../src/db/schema/identity.js";
import { userIdentities } from "../../../src/db/schema/practices.js";
import type { SsoConfig } from "../../../src/server/config.js";
import {
  type FakeOidcProvider,
  type FakeOidcUser,
  startFakeOidcProvider,
} from "../../fakes/oidc-provider.js";
import type { TestClient } from "../../support/http-client.js";
import type { TestApp } from "../../support/test-app.js";

export type Providers = { google: FakeOidcProvider; microsoft: FakeOidcProvider };

export async function startProviders(): Promise<Providers> {
  const [google, microsoft] = await Promise.all([
    startFakeOidcProvider({ flavour: "google" }),
    startFakeOidcProvider({ flavour: "microsoft" }),
  ]);
  return { google, microsoft };
}

/**
 * The app's SSO settings for the fakes: Google at the fake's own URL, Microsoft under its real
 * authority with the back channel carried to the fake (see tests/fakes/oidc-provider.ts).
 */
export function ssoConfigFor(p: Providers): SsoConfig {
  return {
    google: { clientId: p.google.clientId, clientSecret: p.google.clientSecret, issuer: p.google.url },
    microsoft: {
      clientId: p.microsoft.clientId,
      clientSecret: p.microsoft.clientSecret,
      tenant: "organizations",
      authorityUrl: "https://login.microsoftonline.com",
      fetch: p.microsoft.fetch,
    },
  };
}

export function googleUser(overrides: Partial<FakeOidcUser> = {}): FakeOidcUser {
  const id = randomUUID().slice(0, 8);
  return {
    sub: `1${Date.now()}${id}`,
    email: `g.${id}@gmail.test`,
    email_verified: true,
    name: "G",
    ...overrides,
  };
}

export function microsoftUser(overrides: Partial<FakeOidcUser> = {}): FakeOidcUser {
  const id = randomUUID().slice(0, 8);
  return {
    sub: `pairwise-${randomUUID()}`,
    tid: randomUUID(),
    oid: randomUUID(),
    email: `m.${id}@contoso.test`,
    preferred_username: `m.${id}@contoso.test`,
    name: "M",
    ...overrides,
  };
}

export type Flow = {
  /** The authorization URL the app sent the browser to. */
  authorizationUrl: URL;
  /** Where the provider sent the browser back (the app's callback, with code and state). */
  callbackUrl: URL;
  /** The app's answer to the callback. */
  res: Response;
  location: string;
};

/** Starts an SSO attempt; returns the provider URL the app redirected to. */
export async function startSso(
  client: TestClient,
  provider: "google" | "microsoft",
  intent: "signin" | "link" = "signin",
): Promise<URL> {
  const res = await client.get(`/api/auth/sso/${provider}/start?intent=${intent}`);
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

/** Delivers the provider's redirect to the app, as the browser would follow it. */
export async function deliverCallback(client: TestClient, callbackUrl: URL): Promise<Response> {
  return client.get(`${callbackUrl.pathname}${callbackUrl.search}`);
}

/** The whole round trip: start, approve at the fake, come back to the callback. */
export async function runSso(
  client: TestClient,
  fake: FakeOidcProvider,
  user: FakeOidcUser,
  intent: "signin" | "link" = "signin",
): Promise<Flow> {
  fake.setUser(user);
  const provider = fake.flavour;
  const authorizationUrl = await startSso(client, provider, intent);
  const callbackUrl = await fake.authorize(authorizationUrl.href);
  const res = await deliverCallback(client, callbackUrl);
  expect(res.status, await res.clone().text()).toBe(302);
  return { authorizationUrl, callbackUrl, res, location: res.headers.get("location") ?? "" };
}

/** A first sign-in through SSO carried to its end: the Terms accepted, the account created. */
export async function signUpWithSso(client: TestClient, fake: FakeOidcProvider, user: FakeOidcUser) {
  const flow = await runSso(client, fake, user);
  expect(flow.location).toBe("/sso/accept-terms");
  const res = await client.post("/api/auth/sso/complete", { acceptTerms: true });
  expect(res.status, await res.clone().text()).toBe(201);
  const body = (await res.json()) as { user: { id: string; email: string; emailVerified: boolean } };
  return body.user;
}

export async function countSessions(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(sessions);
  return row?.n ?? 0;
}

export async function countUsers(t: TestApp): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

export async function identitiesOf(t: TestApp, userId: string) {
  return t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, userId));
}

export async function sessionsOf(t: TestApp, userId: string) {
  return t.database.db.select().from(sessions).where(eq(sessions.userId, userId));
}

export function ssoCookie(client: TestClient): string | undefined {
  return client.cookies.get("tl_sso") ?? client.cookies.get("__Host-tl_sso");
}
