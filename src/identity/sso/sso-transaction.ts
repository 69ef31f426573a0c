import { hkdfSync } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import { z } from "zod";
import { SSO_PROVIDERS } from "../../db/schema/practices.js";

/**
 * The state of one SSO attempt, kept in the browser in an encrypted, short-lived `sso` cookie
 * (JWE dir + A256GCM) rather than in a table: it is bound to the browser that started it, no
 * other site can read or forge it, and nothing lingers on the server.
 *
 * - `authorize`: between the redirect to the provider and its callback: the `state`, `nonce`
 *   and PKCE verifier the callback must match, and for `link`, who asked to connect.
 * - `sign_up`: a verified identity with no account yet, waiting for the Terms to be accepted.
 */
export const SSO_TRANSACTION_TTL_SECONDS = 10 * 60;

const ISSUER = "therapyledger";
const AUDIENCE = "therapyledger-sso";
const KEY_LABEL = "therapyledger sso-transaction v1";

const AuthorizeSchema = z.strictObject({
  kind: z.literal("authorize"),
  provider: z.enum(SSO_PROVIDERS),
  intent: z.enum(["signin", "link"]),
  state: z.string().min(32),
  nonce: z.string().min(32),
  codeVerifier: z.string().min(43).max(128),
  /** For `link`: the account and the session that asked; the callback must come from it. */
  linkUserId: z.string().optional(),
  linkSessionId: z.string().optional(),
  createdAt: z.number().int(),
});

const SignUpSchema = z.strictObject({
  kind: z.literal("sign_up"),
  provider: z.enum(SSO_PROVIDERS),
  issuer: z.string().min(1),
  subject: z.string().min(1),
  email: z.string().min(3),
  emailVerified: z.boolean(),
  createdAt: z.number().int(),
});

const TransactionSchema = z.discriminatedUnion("kind", [AuthorizeSchema, SignUpSchema]);

export type AuthorizeTransaction = z.infer<typeof AuthorizeSchema>;
export type SignUpTransaction = z.infer<typeof SignUpSchema>;
export type SsoTransaction = z.infer<typeof TransactionSchema>;

/** A key of its own, derived from the session key, so an sso cookie never opens as a session. */
export function deriveSsoTransactionKey(sessionKey: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", sessionKey, new Uint8Array(0), KEY_LABEL, 32));
}

export async function sealSsoTransaction(key: Uint8Array, transaction: SsoTransaction): Promise<string> {
  const nowSeconds = Math.floor(transaction.createdAt / 1000);
  return new EncryptJWT({ ...transaction })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt(nowSeconds)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(nowSeconds + SSO_TRANSACTION_TTL_SECONDS)
    .encrypt(key);
}

/** The transaction, or null when the value is missing, tampered with, foreign or expired. */
export async function openSsoTransaction(
  key: Uint8Array,
  token: string | undefined,
): Promise<SsoTransaction | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtDecrypt(token, key, {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTolerance: 0,
      maxTokenAge: SSO_TRANSACTION_TTL_SECONDS,
    });
    const { iss: _iss, aud: _aud, iat: _iat, exp: _exp, ...claims } = payload;
    const parsed = TransactionSchema.safeParse(claims);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
