// Attack: reading users' TOTP secrets out of a stolen database dump or backup.
import { eq } from "drizzle-orm";
import { Secret } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/db/schema/identity.js";
import { pendingTotpSecretContext, totpSecretContext } from "../../../src/services/auth/second-factor.js";
import { type Account, registerAccount, totpCode } from "../../support/accounts.js";
import { dumpDatabase } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
const seen = new SecretsSeen();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text());
  } finally {
    await t?.close();
  }
});

/** Every spelling of a TOTP secret a dump could hold it in: base32 either case, hex, base64(url). */
function spellingsOf(secret: string): string[] {
  const raw = Buffer.from(Secret.fromBase32(secret).bytes);
  return [
    secret,
    secret.toLowerCase(),
    raw.toString("hex"),
    raw.toString("base64").replace(/=+$/, ""),
    raw.toString("base64url"),
  ];
}

function leaks(dump: string, secret: string): string[] {
  return spellingsOf(secret).filter((s) => dump.includes(s));
}

async function userRow(userId: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.id, userId));
  if (!row) throw new Error("no user row");
  return row;
}

async function startSetup(account: Account): Promise<string> {
  const res = await account.client.post("/api/me/two-factor/setup");
  expect(res.status).toBe(200);
  const { secret, otpauthUri } = (await res.json()) as { secret: string; otpauthUri: string };
  seen.add("totp secret", secret, otpauthUri);
  return secret;
}

async function newAccount(): Promise<Account> {
  const account = await registerAccount(t);
  seen.add("password", account.password);
  seen.client(account.client);
  return account;
}

describe("AES-256-GCM field encryption: the database dump", () => {
  it("while two-factor is being set up, the dump holds no plaintext of the pending secret", async () => {
    const account = await newAccount();
    const secret = await startSetup(account);
    expect(leaks(await dumpDatabase(t), secret)).toEqual([]);
    const row = await userRow(account.userId);
    expect(row.pendingTotpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).toBeNull();
  });

  it("after two-factor is on, no table of the dump holds the TOTP secret in any spelling", async () => {
    const accounts = [await newAccount(), await newAccount()];
    const secrets: string[] = [];
    for (const account of accounts) {
      const secret = await startSetup(account);
      const code = totpCode(secret, -1);
      seen.add("totp code", code);
      const res = await account.client.post("/api/me/two-factor/enable", { code });
      expect(res.status, await res.clone().text()).toBe(200);
      seen.backupCodes(((await res.json()) as { backupCodes: string[] }).backupCodes);
      secrets.push(secret);
    }
    const dump = await dumpDatabase(t);
    expect(dump).toContain(accounts[0]?.email); // the dump does cover the users table
    for (const secret of secrets) expect(leaks(dump, secret)).toEqual([]);
  });

  it("the stored value is a versioned AES-256-GCM envelope that opens only for its own row and column", async () => {
    const account = await newAccount();
    const secret = await startSetup(account);
    const code = totpCode(secret, -1);
    seen.add("totp code", code);
    expect((await account.client.post("/api/me/two-factor/enable", { code })).status).toBe(200);
    const row = await userRow(account.userId);
    expect(row.pendingTotpSecret).toBeNull();
    const envelope = row.totpSecret ?? "";
    const [version, keyId, iv = "", ciphertext = "", tag = ""] = envelope.split(".");
    expect(version).toBe("v1");
    expect(keyId).toBe(t.deps.secrets.fieldKeys[0]?.id); // the current key of the ring
    expect(Buffer.from(iv, "base64url")).toHaveLength(12);
    expect(Buffer.from(tag, "base64url")).toHaveLength(16);
    expect(Buffer.from(ciphertext, "base64url")).toHaveLength(Buffer.byteLength(secret));

    expect(t.deps.cipher.decrypt(envelope, totpSecretContext(account.userId))).toBe(secret);
    const other = await newAccount();
    expect(() => t.deps.cipher.decrypt(envelope, totpSecretContext(other.userId))).toThrow();
    expect(() => t.deps.cipher.decrypt(envelope, pendingTotpSecretContext(account.userId))).toThrow();
  });
});
