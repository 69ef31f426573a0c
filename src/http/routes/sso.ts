import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { SSO_PROVIDERS, type SsoProvider } from "../../db/schema/practices.js";
import {
  findSsoProviderSettings,
  listConfiguredSsoProviders,
  type SsoProviderSettings,
} from "../../identity/sso/oidc-client.js";
import {
  deriveSsoTransactionKey,
  openSsoTransaction,
  SSO_TRANSACTION_TTL_SECONDS,
  type SsoTransaction,
  sealSsoTransaction,
} from "../../identity/sso/sso-transaction.js";
import {
  beginSsoAuthorization,
  finishSsoAuthorization,
  requireSessionThatMayConnect,
  type SsoIntent,
} from "../../services/auth/sso-authorization.js";
import { disconnectIdentity, listIdentities } from "../../services/auth/sso-identities.js";
import type { SsoCallbackOutcome, SsoRefusal } from "../../services/auth/sso-sign-in.js";
import { completeSsoSignUp } from "../../services/auth/sso-sign-up.js";
import { describeUser } from "../../services/auth/users.js";
import { appBaseUrl } from "../../services/mailer.js";
import type { AppEnv } from "../app-env.js";
import { clearCookie, readCookie, writeCookie } from "../cookies.js";
import { defineRoute } from "../define-route.js";
import { ApiError } from "../errors.js";
import { authContextOf, requireSession } from "../route-context.js";
import { errorResponses, jsonBody, jsonResponse, noContent } from "../schemas.js";
import { UserSchema } from "./me.js";

const tags = ["sso"];

/** The web pages an SSO navigation ends on; the API answers them with a redirect. */
export const SSO_PAGES = {
  signedIn: "/app",
  secondFactor: "/sign-in/two-factor",
  acceptTerms: "/sso/accept-terms",
  connected: "/account/sign-in-methods?sso=connected",
  refusedSignIn: (reason: SsoRefusal) => `/sign-in?sso=${reason}`,
  refusedConnect: (reason: SsoRefusal) => `/account/sign-in-methods?sso=${reason}`,
};

const ProviderParams = z.strictObject({ provider: z.enum(SSO_PROVIDERS) });
const redirectResponse = (description: string) => ({
  302: { description, headers: z.object({ location: z.string() }) },
});
// The browser arrives here by navigation from the provider and these steps may still owe MFA.
const publicEvenPending = { access: "public", allowPending: true } as const;

const providersRoute = defineRoute({
  method: "get",
  path: "/auth/sso/providers",
  tags,
  summary: "The single sign-on providers configured here (none: hide the buttons)",
  "x-access": publicEvenPending,
  request: {},
  responses: {
    200: jsonResponse(z.object({ providers: z.array(z.enum(SSO_PROVIDERS)) }), "Providers"),
    ...errorResponses(),
  },
});

const startRoute = defineRoute({
  method: "get",
  path: "/auth/sso/{provider}/start",
  tags,
  summary: "Redirect to the provider to sign in, or (intent=link, signed in) to connect it",
  "x-access": publicEvenPending,
  request: {
    params: ProviderParams,
    query: z.strictObject({ intent: z.enum(["signin", "link"]).default("signin") }),
  },
  responses: {
    ...redirectResponse("To the provider's authorization endpoint (PKCE S256, state, nonce)"),
    404: jsonResponse(z.unknown(), "The provider is not configured"),
    ...errorResponses(),
  },
});

// Providers add parameters of their own (Google: scope, authuser, hd, prompt; Microsoft:
// session_state), so unknown keys are dropped here rather than refused.
const CallbackQuery = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(256).optional(),
  error_description: z.string().max(4096).optional(),
});

/*
 * The callback is the one GET that changes state (it signs in, connects an identity or begins an
 * account), because the provider sends the browser back with a top-level GET. What a CSRF token
 * does elsewhere is done here by the transaction in the browser's encrypted, SameSite=Lax `sso`
 * cookie: `state` must match it, the code is redeemed only with its PKCE verifier, the id_token
 * must carry its `nonce`, and the state is claimed once in the database. A forged link carries
 * none of these.
 */
const callbackRoute = defineRoute({
  method: "get",
  path: "/auth/sso/{provider}/callback",
  tags,
  summary: "Where the provider returns; always answers with a redirect to a page",
  "x-access": publicEvenPending,
  request: { params: ProviderParams, query: CallbackQuery },
  responses: {
    ...redirectResponse("To the app, the second-factor step, the Terms, or `/sign-in?sso=<reason>`"),
    404: jsonResponse(z.unknown(), "The provider is not configured"),
    ...errorResponses(),
  },
});

const PendingSignUpSchema = z.object({ provider: z.enum(SSO_PROVIDERS), email: z.string() });

const pendingSignUpRoute = defineRoute({
  method: "get",
  path: "/auth/sso/sign-up",
  tags,
  summary: "The verified identity waiting for the Terms before its account is created",
  "x-access": publicEvenPending,
  request: {},
  responses: {
    200: jsonResponse(PendingSignUpSchema, "The pending sign-up"),
    404: jsonResponse(z.unknown(), "No sign-up is pending in this browser"),
    ...errorResponses(),
  },
});

const completeSignUpRoute = defineRoute({
  method: "post",
  path: "/auth/sso/complete",
  tags,
  summary: "Accept the Terms and create the account of a first SSO sign-in; signs in",
  "x-access": publicEvenPending,
  request: {
    body: jsonBody(
      z.strictObject({
        acceptTerms: z.literal(true, {
          message: "Accept the Terms of Service and Privacy Policy to continue.",
        }),
      }),
    ),
  },
  responses: {
    201: jsonResponse(z.object({ user: UserSchema }), "Created and signed in"),
    409: jsonResponse(z.unknown(), "The email or the identity already has an account"),
    ...errorResponses(),
  },
});

const IdentitySchema = z.object({
  id: z.uuid(),
  provider: z.enum(SSO_PROVIDERS),
  email: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});

const identitiesRoute = defineRoute({
  method: "get",
  path: "/me/identities",
  tags: ["me"],
  summary: "The Google and Microsoft accounts connected to this account",
  "x-access": { access: "session" },
  request: {},
  responses: {
    200: jsonResponse(z.object({ identities: z.array(IdentitySchema) }), "Connected identities"),
    ...errorResponses(),
  },
});

const disconnectRoute = defineRoute({
  method: "delete",
  path: "/me/identities/{id}",
  tags: ["me"],
  summary: "Disconnect an identity; refused when it is the last way to sign in",
  "x-access": { access: "session" },
  request: { params: z.strictObject({ id: z.uuid() }) },
  responses: {
    ...noContent("Disconnected"),
    404: jsonResponse(z.unknown(), "No such connected identity"),
    409: jsonResponse(z.unknown(), "It is the account's last way to sign in"),
    ...errorResponses(),
  },
});

function transactionKey(c: Context<AppEnv>): Uint8Array {
  return deriveSsoTransactionKey(c.get("deps").secrets.sessionKey);
}

async function readTransaction(c: Context<AppEnv>): Promise<SsoTransaction | null> {
  return openSsoTransaction(transactionKey(c), readCookie(c, "sso"));
}

async function keepTransaction(c: Context<AppEnv>, transaction: SsoTransaction): Promise<void> {
  const sealed = await sealSsoTransaction(transactionKey(c), transaction);
  writeCookie(c, "sso", sealed, { maxAgeSeconds: SSO_TRANSACTION_TTL_SECONDS, sameSite: "Lax" });
}

function requireProvider(c: Context<AppEnv>, provider: SsoProvider): SsoProviderSettings {
  const entry = findSsoProviderSettings(c.get("deps").config.sso, provider);
  if (!entry) throw new ApiError(404, "not_found", "This sign-in provider is not set up here.");
  return entry;
}

function refusalPage(intent: SsoIntent, reason: SsoRefusal): string {
  return intent === "link" ? SSO_PAGES.refusedConnect(reason) : SSO_PAGES.refusedSignIn(reason);
}

function redirectUriOf(c: Context<AppEnv>, provider: SsoProvider): string {
  return `${appBaseUrl(c.get("deps").config)}/api/auth/sso/${provider}/callback`;
}

export function ssoRoutes() {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(providersRoute, (c) =>
    c.json({ providers: listConfiguredSsoProviders(c.get("deps").config.sso) }, 200),
  );

  app.openapi(startRoute, async (c) => {
    const { provider } = c.req.valid("param");
    const { intent } = c.req.valid("query");
    const entry = requireProvider(c, provider);
    const session = c.get("session");
    if (intent === "link") requireSessionThatMayConnect(session);
    const begun = await beginSsoAuthorization(entry, {
      redirectUri: redirectUriOf(c, provider),
      intent,
      session,
    });
    if (!begun.ok) {
      c.get("log").warn({ err: begun.error, provider }, "sso discovery failed");
      return c.redirect(refusalPage(intent, "unavailable"), 302);
    }
    await keepTransaction(c, begun.transaction);
    return c.redirect(begun.url.href, 302);
  });

  app.openapi(callbackRoute, async (c) => {
    const { provider } = c.req.valid("param");
    const query = c.req.valid("query");
    const entry = requireProvider(c, provider);
    const log = c.get("log");
    const transaction = await readTransaction(c);
    clearCookie(c, "sso"); // single use, whatever follows
    const intent = transaction?.kind === "authorize" ? transaction.intent : "signin";
    const callbackUrl = new URL(redirectUriOf(c, provider));
    callbackUrl.search = new URL(c.req.url).search;
    let outcome: SsoCallbackOutcome;
    try {
      outcome = await finishSsoAuthorization(c, authContextOf(c), { entry, transaction, query, callbackUrl });
    } catch (error) {
      // A page, never a JSON 500, for a browser that arrived by navigation.
      log.error({ err: error, provider }, "sso callback failed");
      outcome = { kind: "refused", reason: "failed" };
    }
    switch (outcome.kind) {
      case "signed_in":
        return c.redirect(outcome.mfaRequired ? SSO_PAGES.secondFactor : SSO_PAGES.signedIn, 302);
      case "connected":
        return c.redirect(SSO_PAGES.connected, 302);
      case "sign_up":
        await keepTransaction(c, outcome.transaction);
        return c.redirect(SSO_PAGES.acceptTerms, 302);
      case "refused":
        if (outcome.detail)
          log.warn({ provider, reason: outcome.reason, detail: outcome.detail }, "sso callback refused");
        return c.redirect(refusalPage(intent, outcome.reason), 302);
    }
  });

  app.openapi(pendingSignUpRoute, async (c) => {
    const transaction = await readTransaction(c);
    if (transaction?.kind !== "sign_up") {
      throw new ApiError(404, "sso_expired", "No sign-up is waiting. Start again with Google or Microsoft.");
    }
    return c.json({ provider: transaction.provider, email: transaction.email }, 200);
  });

  app.openapi(completeSignUpRoute, async (c) => {
    const transaction = await readTransaction(c);
    if (transaction?.kind !== "sign_up") {
      throw new ApiError(
        400,
        "sso_expired",
        "This sign-up has expired. Start again with Google or Microsoft.",
      );
    }
    clearCookie(c, "sso");
    const user = await completeSsoSignUp(c, authContextOf(c), transaction);
    return c.json({ user: describeUser(user) }, 201);
  });

  app.openapi(identitiesRoute, async (c) => {
    const rows = await listIdentities(c.get("deps").database.db, requireSession(c).userId);
    return c.json(
      {
        identities: rows.map((r) => ({
          ...r,
          createdAt: r.createdAt.toISOString(),
          lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
        })),
      },
      200,
    );
  });

  app.openapi(disconnectRoute, async (c) => {
    await disconnectIdentity(authContextOf(c), requireSession(c).userId, c.req.valid("param").id);
    return c.body(null, 204);
  });

  return app;
}
