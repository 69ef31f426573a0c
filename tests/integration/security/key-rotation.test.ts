import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { createFieldCipher } from "../../../src/identity/field-encryption.js";
import { EMAIL_PAYLOAD_CONTEXT } from "../../../src/services/mailer.js";
import { rotateFieldKeys } from "../../../src/services/rotate-field-keys.js";
import { registerAccount, turnOnTwoFactor } from "../../support/accounts.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function envelopes() {
  const users = await queryRows<{
    id: string;
    totp_secret: string | null;
    pending_totp_secret: string | null;
  }>(t.database.db, sql`select id, totp_secret, pending_totp_secret from users`);
  const jobs = await queryRows<{ sealed: string }>(
    t.database.db,
    sql`select payload->>'sealed' as sealed from jobs where kind = 'email.send'`,
  );
  return { users, jobs };
}

describe("field key rotation", () => {
  // A leaked or retired key must stop mattering: rotation leaves nothing encrypted under it.
  it("re-encrypts every stored envelope under the current key, and a second run finds nothing", async () => {
    const account = await registerAccount(t);
    await turnOnTwoFactor(account.client);
    const enrolling = await registerAccount(t);
    expect((await enrolling.client.post("/api/me/two-factor/setup")).status).toBe(200);
    const old = t.deps.secrets.fieldKeys;
    const before = await envelopes();
    expect(before.users.some((u) => u.totp_secret?.startsWith(`v1.${old[0]?.id}.`))).toBe(true);
    expect(before.jobs.length).toBeGreaterThan(0);

    const newKey = { id: "k2", key: randomBytes(32) };
    const rotating = createFieldCipher([newKey, ...old]);
    const report = await rotateFieldKeys(t.database.db, rotating);
    expect(report.reduce((n, r) => n + r.reencrypted, 0)).toBeGreaterThan(0);

    const onlyNew = createFieldCipher([newKey]);
    const after = await envelopes();
    expect(after.users.filter((u) => u.pending_totp_secret)).toHaveLength(1);
    for (const user of after.users) {
      for (const column of ["totp_secret", "pending_totp_secret"] as const) {
        const value = user[column];
        if (!value) continue;
        expect(onlyNew.keyIdOf(value)).toBe("k2");
        const context = { table: "users", column, rowId: user.id };
        const was = before.users.find((u) => u.id === user.id)?.[column];
        expect(onlyNew.decrypt(value, context)).toBe(rotating.decrypt(was ?? "", context));
      }
    }
    for (const job of after.jobs)
      expect(() => onlyNew.decrypt(job.sealed, EMAIL_PAYLOAD_CONTEXT)).not.toThrow();

    const again = await rotateFieldKeys(t.database.db, rotating);
    expect(again.every((r) => r.reencrypted === 0)).toBe(true);
  });
});
