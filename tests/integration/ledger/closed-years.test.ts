// Closing a year: once an Owner or Admin closes it, no transaction dated in it can be added,
// changed, split, moved in or out, or deleted, until they reopen it; both are practice events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { ACCESS_FORBIDDEN, practiceEvents } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  income,
  type LedgerFixture,
  patch,
  record,
  type Transaction,
} from "./ledger-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const yearPath = (year: number | string) => `${f.base}/closed-years/${year}`;

describe("closed years", () => {
  it("closed, a year refuses every change to its transactions (409) and nothing changes", async () => {
    const inside = await record(f.user, f, income(f, 5_000, { date: "2024-12-31" }));
    const outside = await record(f.user, f, income(f, 6_000, { date: "2025-01-01" }));
    const closed = await expectJson<{ closedYear: { year: number } }>(
      await f.admin.client.post(yearPath(2024)),
      201,
    );
    expect(closed.closedYear.year).toBe(2024);

    const before = await snapshotDatabase(t.database.db);
    const attempts = [
      await f.user.client.post(`${f.base}/transactions`, {
        accountId: f.accountId,
        ...income(f, 1, { date: "2024-06-01" }),
      }),
      await patch(f.user, f, inside.id, { memo: "late fix" }),
      await patch(f.user, f, inside.id, { date: "2025-01-02" }),
      await patch(f.user, f, outside.id, { date: "2024-12-30" }),
      await f.user.client.send("PUT", `${f.base}/transactions/${inside.id}/splits`, {
        splits: [
          { amountCents: 2_000, payerId: f.aetnaId },
          { amountCents: 3_000, payerId: f.privatePayId },
        ],
      }),
      await f.owner.client.delete(`${f.base}/transactions/${inside.id}`),
    ];
    for (const res of attempts) {
      const error = await expectError(res, 409, "period_closed");
      expect(error.message).toMatch(/2024 is closed/);
      expect(error.details).toEqual({ closedYears: [2024] });
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
    // The open year next door is unaffected.
    expect((await patch(f.user, f, outside.id, { memo: "fine" })).status).toBe(200);
  });

  it("reopened, the year takes changes again; both acts are practice events naming who", async () => {
    const inside = await record(f.user, f, income(f, 7_000, { date: "2023-03-03" }));
    await expectJson(await f.owner.client.post(yearPath(2023)), 201);
    await expectError(await patch(f.user, f, inside.id, { memo: "x" }), 409, "period_closed");
    expect((await f.owner.client.delete(yearPath(2023))).status).toBe(204);
    const res = await patch(f.user, f, inside.id, { memo: "x" });
    expect((await expectJson<{ transaction: Transaction }>(res, 200)).transaction.memo).toBe("x");
    const events = (await practiceEvents(f.owner, f.practiceId)).filter((e) => e.type.startsWith("year_"));
    expect(events).toEqual([
      expect.objectContaining({ type: "year_closed", actorEmail: f.admin.email }),
      expect.objectContaining({ type: "year_closed", actorEmail: f.owner.email }),
      expect.objectContaining({ type: "year_reopened", actorEmail: f.owner.email }),
    ]);
  });

  it("everyone sees which years are closed; only Owners and Admins close or reopen them", async () => {
    const { closedYears } = await expectJson<{ closedYears: { year: number }[] }>(
      await f.user.client.get(`${f.base}/closed-years`),
      200,
    );
    expect(closedYears.map((y) => y.year)).toEqual([2024]);
    for (const res of [
      await f.user.client.post(yearPath(2022)),
      await f.user.client.delete(yearPath(2024)),
    ]) {
      expect((await expectError(res, 403)).message).toBe(ACCESS_FORBIDDEN);
    }
  });

  it("refuses closing twice, closing a year not yet ended, reopening an open year and nonsense years", async () => {
    expect((await expectError(await f.owner.client.post(yearPath(2024)), 409, "conflict")).message).toMatch(
      /already/,
    );
    const thisYear = new Date().getUTCFullYear();
    await expectError(await f.owner.client.post(yearPath(thisYear + 1)), 409, "conflict");
    await expectError(await f.owner.client.delete(yearPath(2019)), 404, "not_found");
    for (const year of ["abc", "1800", "20245", "2024.5"]) {
      await expectError(await f.owner.client.post(yearPath(year)), 400, "validation_failed");
    }
  });
});
