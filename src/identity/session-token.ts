import { EncryptJWT, jwtDecrypt } from "jose";

/**
 * The session cookie's value: a JWE (dir + A256GCM) that names a server-side session row.
 * Encrypted and authenticated, so the browser can neither read nor forge it; the row makes it
 * revocable. Anything that fails to decrypt, any other algorithm and an expired token read as
 * no session at all.
 */
export type SessionClaims = { sid: string };

const ISSUER = "therapyledger";
const AUDIENCE = "therapyledger-session";

export async function sealSessionToken(key: Uint8Array, sessionId: string, expiresAt: Date): Promise<string> {
  return new EncryptJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .encrypt(key);
}

export async function openSessionToken(key: Uint8Array, token: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtDecrypt(token, key, {
      keyManagementAlgorithms: ["dir"],
      contentEncryptionAlgorithms: ["A256GCM"],
      issuer: ISSUER,
      audience: AUDIENCE,
      clockTolerance: 0,
    });
    return typeof payload.sid === "string" ? { sid: payload.sid } : null;
  } catch {
    return null;
  }
}
