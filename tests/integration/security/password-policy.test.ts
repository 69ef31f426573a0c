// Attack: cracking a stolen hash table, or signing in with a weak, breached or bcrypt-truncated password.
import { createRequire } from "node:module";
import bcrypt from "bcrypt";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "../../../src/db/schema/identity.js";
import { readConfig } from "../../../src/server/config.js";
import { GOOD_PASSWORD, registerAccount, signIn, uniqueEmail } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import { errorOf, SLOW } from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
let strong: TestApp | undefined;
const seen = new SecretsSeen();

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text(), strong?.logs.text() ?? "");
  } finally {
    await t?.close();
    await strong?.close();
  }
});

async function storedHash(app: TestApp, email: string): Promise<string | null | undefined> {
  const [row] = await app.database.db.select().from(users).where(eq(users.email, email));
  return row?.passwordHash;
}

/** Tries to register with `password`; answers the status and whether a user row was written. */
async function tryRegister(password: string) {
  seen.add("password", password);
  const email = uniqueEmail("policy");
  const res = await new TestClient(t).post("/api/auth/register", { email, password, acceptTerms: true });
  const created = (await storedHash(t, email)) !== undefined;
  return { res, status: res.status, created, email };
}

const COMMON = createRequire(import.meta.url)("@zxcvbn-ts/language-common") as {
  dictionary: { "passwords-common": string[] };
};
const commonList = new Set(COMMON.dictionary["passwords-common"].map((p) => p.toLowerCase()));

describe("bcrypt cost 12, min 8 characters", () => {
  it("stores a bcrypt hash at the real cost 12 ($2b$12$), and that hash signs in", SLOW, async () => {
    strong = await createTestApp({ config: { bcryptCost: 12 } });
    seen.add("password", GOOD_PASSWORD);
    const account = await registerAccount(strong);
    seen.client(account.client);
    const hash = await storedHash(strong, account.email);
    expect(hash).toMatch(/^\$2b\$12\$[./A-Za-z0-9]{53}$/);
    expect(bcrypt.getRounds(hash ?? "")).toBe(12);
    expect(hash).not.toContain(account.password);
    const { res, client } = await signIn(strong, account.email, account.password);
    seen.client(client);
    expect(res.status).toBe(200);
  });

  it("the configuration defaults to cost 12 and refuses less outside tests", () => {
    expect(readConfig({ NODE_ENV: "test" }).bcryptCost).toBe(12);
    expect(() => readConfig({ NODE_ENV: "development", BCRYPT_COST: "10" })).toThrow(/at least 12/);
  });

  it("7 characters → 400 and no account; 8 and 64 characters → accepted", async () => {
    const seven = await tryRegister("wqkzpvt");
    expect(seven.status).toBe(400);
    expect(await errorOf(seven.res)).toMatchObject({ code: "validation_failed" });
    expect(seven.created).toBe(false);
    for (const length of [8, 64]) {
      const password = "wqkzpvtxhmbr".repeat(6).slice(0, length);
      expect(password).toHaveLength(length);
      const ok = await tryRegister(password);
      expect(ok.status, `${length} characters`).toBe(201);
      expect(ok.created).toBe(true);
    }
  });

  it("length counts characters, not bytes or UTF-16 units: 8 emoji or accented letters are enough", async () => {
    expect((await tryRegister("🐢🦊🐙🦉🐝🦋🐞🦀")).status).toBe(201); // 8 characters, 16 UTF-16 units
    expect((await tryRegister("🐢🦊🐙🦉🐝🦋🐞")).status).toBe(400); // 7 characters
    expect((await tryRegister("éàüöçñøå")).status).toBe(201); // 8 characters, 16 bytes
  });

  it("more than 72 bytes → 400, even when fewer than 72 characters", async () => {
    expect((await tryRegister("k".repeat(72))).status).toBe(201);
    const tooLong = await tryRegister(`${"k".repeat(72)}X`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.created).toBe(false);
    // 37 two-byte characters: 74 bytes.
    const accented = await tryRegister("é".repeat(37));
    expect(accented.status).toBe(400);
    expect(accented.created).toBe(false);
  });

  it('an "a"*72 account does not open with "a"*72 + "X" (no silent truncation at sign-in)', async () => {
    const base = "a".repeat(72);
    seen.add("password", base, `${base}X`);
    const account = await registerAccount(t, { password: base });
    seen.client(account.client);
    const longer = await signIn(t, account.email, `${base}X`);
    expect(longer.res.status).toBe(401);
    expect(longer.client.sessionCookie()).toBeUndefined();
    const exact = await signIn(t, account.email, base);
    seen.client(exact.client);
    expect(exact.res.status).toBe(200);
  });

  it("a password from the shipped breached-password list → 400, in any letter case", async () => {
    for (const password of ["PASSWORD", "iloveyou", "12345678", "qwerty123456", "Password1", "FOOTBALL1"]) {
      expect(commonList.has(password.toLowerCase()), password).toBe(true);
      const res = await tryRegister(password);
      expect(res.status, password).toBe(400);
      expect(res.created).toBe(false);
      expect((await errorOf(res.res)).message).toMatch(/too common/);
    }
  });

  it("no composition rules: lower-case only, digits only and spaces are all accepted", async () => {
    for (const password of ["zqxjvkwpt", "9183746502", "plain words with spaces"]) {
      expect(commonList.has(password), password).toBe(false);
      expect((await tryRegister(password)).status, password).toBe(201);
    }
  });

  it("the same rules hold when changing and when resetting a password", async () => {
    const account = await registerAccount(t);
    seen.client(account.client);
    for (const newPassword of ["short7c", "passw0rd", `${"k".repeat(72)}X`]) {
      seen.add("password", newPassword);
      const res = await account.client.post("/api/me/password", {
        currentPassword: account.password,
        newPassword,
      });
      expect(res.status, newPassword).toBe(400);
      expect(await errorOf(res)).toMatchObject({ code: "validation_failed" });
    }
    expect(await storedHash(t, account.email)).toMatch(/^\$2b\$04\$/);
    expect((await signIn(t, account.email, account.password)).res.status).toBe(200);
    // A reset is refused for the password itself before the token is even looked at.
    const reset = await new TestClient(t).post("/api/auth/password/reset", {
      token: "x".repeat(43),
      password: "short7c",
    });
    expect(reset.status).toBe(400);
    expect(await errorOf(reset)).toMatchObject({ code: "validation_failed" });
  });
});
