// Attack: reading backup codes from the database, reusing one, or keeping a replaced sheet working.
import bcrypt from "bcrypt";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupCodes, securityEvents } from "../../../src/db/schema/identity.js";
import { type Account, registerAccount, totpCode, turnOnTwoFactor } from "../../support/accounts.js";
import {
  createConcurrencyApp,
  dumpDatabase,
  errorOf,
  outboxFor,
  SLOW,
  signInPending,
} from "../../support/security/helpers.js";
import { SecretsSeen } from "../../support/security/secrets-seen.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { usingPostgres } from "../../support/test-database.js";

const CODE_PATTERN = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{3}$/;

let t: TestApp;
const seen = new SecretsSeen();
const logTexts: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  try {
    seen.expectAbsentFrom(t.logs.text(), ...logTexts);
  } finally {
    await t?.close();
  }
});

type TwoFactorAccount = Account & { secret: string; codes: string[] };

async function twoFactorAccount(app: TestApp): Promise<TwoFactorAccount> {
  const account = await registerAccount(app);
  const { secret, backupCodes: codes } = await turnOnTwoFactor(account.client);
  seen.add("password", account.password);
  seen.add("totp secret", secret);
  seen.backupCodes(codes);
  seen.client(account.client);
  return { ...account, secret, codes };
}

async function signInWithBackupCode(app: TestApp, account: Account, code: string): Promise<Response> {
  const pending = await signInPending(app, account.email, account.password);
  seen.client(pending);
  const res = await pending.post("/api/auth/mfa", { code });
  seen.client(pending);
  return res;
}

async function storedCodes(app: TestApp, userId: string) {
  return app.database.db.select().from(backupCodes).where(eq(backupCodes.userId, userId));
}

function containsAnyCode(text: string, codes: string[]): string[] {
  return codes.filter((c) => text.includes(c) || text.includes(c.replaceAll("-", "")));
}

describe("ten single-use backup codes, bcrypt-hashed", () => {
  it("ten distinct codes are shown once, when two-factor is turned on, and nowhere after", async () => {
    const account = await twoFactorAccount(t);
    expect(account.codes).toHaveLength(10);
    expect(new Set(account.codes).size).toBe(10);
    for (const code of account.codes) expect(code).toMatch(CODE_PATTERN);
    const again = await account.client.post("/api/me/two-factor/enable", {
      code: totpCode(account.secret, 0),
    });
    expect(again.status).toBe(409);
    const later = [
      await again.text(),
      await (await account.client.get("/api/me")).text(),
      await (await account.client.get("/api/me/security-events")).text(),
      await (await account.client.get("/api/me/sessions")).text(),
      JSON.stringify(await outboxFor(t, account.email)),
    ];
    expect(containsAnyCode(later.join("\n"), account.codes)).toEqual([]);
  });

  it("the database holds only bcrypt hashes of the codes ($2b$), never the codes", async () => {
    const account = await twoFactorAccount(t);
    const rows = await storedCodes(t, account.userId);
    expect(rows).toHaveLength(10);
    const cost = String(t.deps.config.bcryptCost).padStart(2, "0");
    for (const row of rows) expect(row.codeHash).toMatch(new RegExp(`^\\$2b\\$${cost}\\$[./A-Za-z0-9]{53}$`));
    // Each hash is the hash of one of the codes shown (dashes are not part of the code).
    for (const code of account.codes) {
      const matches = await Promise.all(
        rows.map((r) => bcrypt.compare(code.replaceAll("-", ""), r.codeHash)),
      );
      expect(matches.filter(Boolean)).toHaveLength(1);
    }
    expect(containsAnyCode(await dumpDatabase(t), account.codes)).toEqual([]);
  });

  it("each code works once; it may be typed in capitals with spaces", async () => {
    const account = await twoFactorAccount(t);
    const [first = "", second = ""] = account.codes;
    expect((await signInWithBackupCode(t, account, first)).status).toBe(200);
    const used = await t.database.db
      .select()
      .from(backupCodes)
      .where(and(eq(backupCodes.userId, account.userId), isNotNull(backupCodes.usedAt)));
    expect(used).toHaveLength(1);
    const [event] = await t.database.db
      .select()
      .from(securityEvents)
      .where(and(eq(securityEvents.userId, account.userId), eq(securityEvents.type, "backup_code_used")));
    expect(event?.details).toEqual({ remaining: 9 });

    const replay = await signInWithBackupCode(t, account, first);
    expect(replay.status).toBe(401);
    expect((await errorOf(replay)).code).toBe("invalid_code");
    const typed = second.toUpperCase().replaceAll("-", " ");
    seen.add("backup code", typed);
    expect((await signInWithBackupCode(t, account, typed)).status).toBe(200);
    expect((await signInWithBackupCode(t, account, second)).status).toBe(401);
  });

  it("regenerating replaces the whole set: old codes stop working, new ones work", async () => {
    const account = await twoFactorAccount(t);
    const wrong = await account.client.post("/api/me/two-factor/backup-codes", { code: "zzzzz-zzzzz-zzz" });
    expect(wrong.status).toBe(400);
    const res = await account.client.post("/api/me/two-factor/backup-codes", {
      code: totpCode(account.secret, 0),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { backupCodes: fresh } = (await res.json()) as { backupCodes: string[] };
    seen.backupCodes(fresh);
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => account.codes.includes(c))).toEqual([]);
    const rows = await storedCodes(t, account.userId);
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.usedAt === null)).toBe(true);

    for (const old of account.codes.slice(0, 2)) {
      expect((await signInWithBackupCode(t, account, old)).status).toBe(401);
    }
    expect((await signInWithBackupCode(t, account, fresh[0] ?? "")).status).toBe(200);
  });
});

// PGlite serialises every query, so parallel requests there prove nothing: PostgreSQL only.
describe.runIf(usingPostgres)("backup codes under concurrency (PostgreSQL)", () => {
  let pg: TestApp;
  beforeAll(async () => {
    pg = await createConcurrencyApp();
  });
  afterAll(async () => {
    logTexts.push(pg.logs.text());
    await pg?.close();
  });

  it("one code submitted at once from five pending sign-ins → exactly one success", SLOW, async () => {
    const account = await twoFactorAccount(pg);
    const clients = [];
    for (let i = 0; i < 5; i += 1) {
      const client = await signInPending(pg, account.email, account.password);
      await client.csrf();
      seen.client(client);
      clients.push(client);
    }
    const code = account.codes[0] ?? "";
    const results = await Promise.all(clients.map((client) => client.post("/api/auth/mfa", { code })));
    for (const client of clients) seen.client(client);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401, 401]);
    const unused = await pg.database.db
      .select()
      .from(backupCodes)
      .where(and(eq(backupCodes.userId, account.userId), isNull(backupCodes.usedAt)));
    expect(unused).toHaveLength(9);
  });
});
