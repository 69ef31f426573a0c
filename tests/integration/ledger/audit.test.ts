// The audit trail: every change to a transaction says who, when, how, before and after; it
// outlives the transaction; Owners and Admins read it, Users do not, other practices cannot.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transactionAudit } from "../../../src/db/schema/ledger.js";
import { ACCESS_FORBIDDEN, ACCESS_NOT_FOUND } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  income,
  type LedgerFixture,
  patch,
  record,
} from "./ledger-support.js";

type Entry = {
  id: number;
  transactionId: string;
  action: string;
  origin: string;
  changedBy: string | null;
  changedByEmail: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: string;
};

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const trailOf = async (id: string, reader = f.owner) =>
  (await expectJson<{ entries: Entry[] }>(await reader.client.get(`${f.base}/transactions/${id}/audit`), 200))
    .entries;

describe("the audit trail", () => {
  it("records create, update and delete with who, when, before and after, and outlives the transaction", async () => {
    const started = Date.now();
    const tx = await record(f.user, f, income(f, 10_000, { memo: "first" }));
    await patch(f.admin, f, tx.id, { amountCents: 10_500, memo: "corrected" });
    expect((await f.user.client.delete(`${f.base}/transactions/${tx.id}`)).status).toBe(204);

    const entries = await trailOf(tx.id);
    expect(entries.map((e) => [e.action, e.changedByEmail, e.origin])).toEqual([
      ["delete", f.user.email, "user"],
      ["update", f.admin.email, "user"],
      ["create", f.user.email, "user"],
    ]);
    const [deleted, updated, created] = entries;
    expect(created?.before).toBeNull();
    expect(created?.after).toMatchObject({
      id: tx.id,
      amountCents: 10_000,
      memo: "first",
      payerId: f.aetnaId,
    });
    expect(updated?.before).toMatchObject({
      amountCents: 10_000,
      memo: "first",
      lockedFields: tx.lockedFields,
    });
    expect(updated?.after).toMatchObject({ amountCents: 10_500, memo: "corrected" });
    expect(deleted?.before).toMatchObject({ amountCents: 10_500, memo: "corrected" });
    expect(deleted?.after).toBeNull();
    for (const e of entries) {
      expect(e.changedBy).not.toBeNull();
      expect(Date.parse(e.createdAt)).toBeGreaterThanOrEqual(started - 1_000);
      expect(Date.parse(e.createdAt)).toBeLessThanOrEqual(Date.now() + 1_000);
    }
    // In the table the deleted transaction's entries keep its id only as a plain copy.
    const rows = await t.database.db
      .select({ transactionId: transactionAudit.transactionId })
      .from(transactionAudit)
      .where(eq(transactionAudit.transactionRef, tx.id));
    expect(rows).toEqual([{ transactionId: null }, { transactionId: null }, { transactionId: null }]);
  });

  it("keeps the splits before and after a split is replaced", async () => {
    const tx = await record(f.user, f, income(f, 9_000));
    await f.user.client.send("PUT", `${f.base}/transactions/${tx.id}/splits`, {
      splits: [
        { amountCents: 4_000, payerId: f.aetnaId },
        { amountCents: 5_000, payerId: f.privatePayId },
      ],
    });
    const [split] = await trailOf(tx.id, f.admin);
    expect(split?.before).toMatchObject({ payerId: f.aetnaId, splits: [] });
    expect(split?.after).toMatchObject({
      payerId: null,
      splits: [
        expect.objectContaining({ amountCents: 4_000 }),
        expect.objectContaining({ amountCents: 5_000 }),
      ],
    });
  });

  it("Owners and Admins read it; a User gets 403; another practice's owner gets 404", async () => {
    const tx = await record(f.user, f, income(f, 1_000));
    for (const path of [`${f.base}/transactions/${tx.id}/audit`, `${f.base}/audit`]) {
      expect((await expectError(await f.user.client.get(path), 403)).message).toBe(ACCESS_FORBIDDEN);
      expect((await expectError(await f.outsider.client.get(path), 404)).message).toBe(ACCESS_NOT_FOUND);
      expect((await f.admin.client.get(path)).status).toBe(200);
    }
    const theirs = await expectJson<{ transaction: { id: string } }>(
      await f.outsider.client.post(`${f.otherBase}/transactions`, {
        accountId: f.other.accountId,
        date: "2025-02-02",
        amountCents: 100,
      }),
      201,
    );
    await expectError(
      await f.owner.client.get(`${f.base}/transactions/${theirs.transaction.id}/audit`),
      404,
      "not_found",
    );
  });

  it("the practice-wide trail pages newest first and holds only this practice's entries", async () => {
    const seen: Entry[] = [];
    let before: number | null = null;
    do {
      const query: string = before === null ? "limit=3" : `limit=3&before=${before}`;
      const page: { entries: Entry[]; nextBefore: number | null } = await expectJson(
        await f.owner.client.get(`${f.base}/audit?${query}`),
        200,
      );
      seen.push(...page.entries);
      before = page.nextBefore;
    } while (before !== null);
    const ids = seen.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const all = await t.database.db
      .select({ id: transactionAudit.id })
      .from(transactionAudit)
      .where(eq(transactionAudit.practiceId, f.practiceId));
    expect(new Set(ids)).toEqual(new Set(all.map((r) => r.id)));
  });
});
