// The mileage log: trips in miles with at most two decimals, valued at the year's IRS rate, on
// Schedule C line 9 unless the year uses actual car expenses; closed years are fixed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
} from "../ledger/ledger-support.js";
import { profitAndLoss, recordExpense } from "./planning-support.js";

type Entry = {
  id: string;
  date: string;
  miles: number;
  hundredthsOfMiles: number;
  purpose: string;
  fromPlace: string | null;
  toPlace: string | null;
  createdBy: string | null;
};
type Log = {
  year: number;
  entries: Entry[];
  vehicleMethod: { year: number; method: string; isDefault: boolean };
  valuation: {
    hundredthsOfMiles: number;
    miles: number;
    totalCents: number;
    lines: {
      fromDate: string;
      millsPerMile: number;
      source: string;
      hundredthsOfMiles: number;
      valueCents: number;
    }[];
  } | null;
  deductionCents: number;
  note: string | null;
};

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const logTrip = async (body: Record<string, unknown>, who = f.user) =>
  (await expectJson<{ entry: Entry }>(await who.client.post(`${f.base}/mileage`, body), 201)).entry;
const readLog = async (query = "?year=2025") =>
  expectJson<Log>(await f.user.client.get(`${f.base}/mileage${query}`), 200);
const chooseMethod = (year: number, method: string, who = f.admin) =>
  who.client.send("PUT", `${f.base}/mileage/method/${year}`, { method });

describe("the mileage log", () => {
  it("logs, changes and deletes trips; the year's log is valued at 70¢ a mile in 2025", async () => {
    const visit = await logTrip({
      date: "2025-03-04",
      miles: 12.5,
      purpose: "Home visit",
      fromPlace: "Office",
      toPlace: "Client's home",
    });
    expect(visit).toMatchObject({
      date: "2025-03-04",
      miles: 12.5,
      hundredthsOfMiles: 1250,
      purpose: "Home visit",
      fromPlace: "Office",
      toPlace: "Client's home",
      createdBy: f.user.userId,
    });
    const training = await logTrip({ date: "2025-05-20", miles: 100.25, purpose: "CE training" });
    expect(training).toMatchObject({ fromPlace: null, toPlace: null });
    await logTrip({ date: "2026-01-02", miles: 3, purpose: "Bank deposit" });

    // 112.75 miles × 70¢ = $78.925, rounded half away from zero once for the year: $78.93.
    const log = await readLog();
    expect(log.entries.map((e) => e.id)).toEqual([training.id, visit.id]);
    expect(log.vehicleMethod).toMatchObject({ year: 2025, method: "standard_mileage", isDefault: true });
    expect(log.valuation).toEqual({
      hundredthsOfMiles: 11_275,
      miles: 112.75,
      totalCents: 7893,
      lines: [
        {
          fromDate: "2025-01-01",
          millsPerMile: 700,
          source: expect.stringMatching(/Notice 2025-5/),
          hundredthsOfMiles: 11_275,
          valueCents: 7893,
        },
      ],
    });
    expect(log.deductionCents).toBe(7893);

    const changed = await expectJson<{ entry: Entry }>(
      await f.user.client.send("PATCH", `${f.base}/mileage/${visit.id}`, { miles: 12.25, toPlace: null }),
      200,
    );
    expect(changed.entry).toMatchObject({
      miles: 12.25,
      hundredthsOfMiles: 1225,
      toPlace: null,
      fromPlace: "Office",
    });
    expect((await f.user.client.delete(`${f.base}/mileage/${training.id}`)).status).toBe(204);
    expect((await readLog()).valuation).toMatchObject({ hundredthsOfMiles: 1225, totalCents: 858 });
    await expectError(await f.user.client.delete(`${f.base}/mileage/${training.id}`), 404, "not_found");
  });

  it("refuses distances that are not positive with at most two decimals, and empty purposes (400)", async () => {
    const before = await snapshotDatabase(t.database.db);
    const bad = [
      { miles: -1 },
      { miles: 0 },
      { miles: 12.345 },
      { miles: 0.001 },
      { miles: "12.5" },
      { miles: 1_000_001 },
      { miles: 10, purpose: "   " },
      { miles: 10, date: "2025-02-30" },
    ];
    for (const body of bad) {
      const res = await f.user.client.post(`${f.base}/mileage`, {
        date: "2025-06-01",
        purpose: "Visit",
        ...body,
      });
      await expectError(res, 400, "validation_failed");
    }
    const { entry } = await expectJson<{ entry: Entry }>(
      await f.user.client.post(`${f.base}/mileage`, {
        date: "2025-06-01",
        miles: 0.01,
        purpose: "Short hop",
      }),
      201,
    );
    await expectError(
      await f.user.client.send("PATCH", `${f.base}/mileage/${entry.id}`, {}),
      400,
      "validation_failed",
    );
    await expectError(
      await f.user.client.send("PATCH", `${f.base}/mileage/${entry.id}`, { miles: 1.005 }),
      400,
      "validation_failed",
    );
    expect((await f.user.client.delete(`${f.base}/mileage/${entry.id}`)).status).toBe(204);
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("another practice's trips are 404; its log is not in this one's", async () => {
    const theirs = await expectJson<{ entry: Entry }>(
      await f.outsider.client.post(`${f.otherBase}/mileage`, {
        date: "2025-07-07",
        miles: 40,
        purpose: "Visit",
      }),
      201,
    );
    await expectError(
      await f.owner.client.send("PATCH", `${f.base}/mileage/${theirs.entry.id}`, { miles: 1 }),
      404,
      "not_found",
    );
    await expectError(await f.owner.client.delete(`${f.base}/mileage/${theirs.entry.id}`), 404, "not_found");
    expect((await readLog()).entries.map((e) => e.id)).not.toContain(theirs.entry.id);
  });

  it("a closed year's trips and vehicle method cannot change (409 period_closed)", async () => {
    const inside = await logTrip({ date: "2024-11-11", miles: 8, purpose: "Visit" });
    const outside = await logTrip({ date: "2025-01-03", miles: 9, purpose: "Visit" });
    await expectJson(await f.admin.client.post(`${f.base}/closed-years/2024`), 201);
    const before = await snapshotDatabase(t.database.db);
    const attempts = [
      await f.user.client.post(`${f.base}/mileage`, { date: "2024-06-01", miles: 1, purpose: "Late entry" }),
      await f.user.client.send("PATCH", `${f.base}/mileage/${inside.id}`, { purpose: "Fixed" }),
      await f.user.client.send("PATCH", `${f.base}/mileage/${outside.id}`, { date: "2024-12-31" }),
      await f.user.client.delete(`${f.base}/mileage/${inside.id}`),
      await chooseMethod(2024, "actual_expenses"),
    ];
    for (const res of attempts) {
      const error = await expectError(res, 409, "period_closed");
      expect(error.message).toMatch(/^2024 is closed/);
      expect(error.details).toEqual({ closedYears: [2024] });
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
    // 2024 has no standard rate in the data file: the log says so instead of guessing.
    const old = await readLog("?year=2024");
    expect(old.valuation).toBeNull();
    expect(old.note).toMatch(/No standard mileage rate for 2024/);
    await expectError(await f.user.client.get(`${f.base}/mileage?year=2024&x=1`), 400, "validation_failed");
  });
});

describe("the vehicle method", () => {
  it("switching to actual expenses takes the log off line 9 of the P&L; switching back restores it", async () => {
    const g = await createLedgerFixture(t);
    const base = g.base;
    await expectJson(
      await g.user.client.post(`${base}/mileage`, { date: "2025-04-01", miles: 200, purpose: "Visits" }),
      201,
    );
    await recordExpense(g, "2025-04-02", 30_000, "car_and_truck");
    // Standard rate (the default): line 9 = 200 × 70¢ = $140 from the log + $300 of car expenses.
    expect(
      (await profitAndLoss(g.owner, g, "2025-01-01", "2025-12-31")).lines.find((l) => l.line === "9"),
    ).toMatchObject({ deductibleCents: 14_000 + 30_000 });

    // Choosing the method is a tax election like closing a year: Owners and Admins, not Users.
    await expectError(
      await g.user.client.send("PUT", `${base}/mileage/method/2025`, { method: "actual_expenses" }),
      403,
      "forbidden",
    );
    const chosen = await expectJson<{ vehicleMethod: { method: string; isDefault: boolean } }>(
      await g.admin.client.send("PUT", `${base}/mileage/method/2025`, { method: "actual_expenses" }),
      200,
    );
    expect(chosen.vehicleMethod).toMatchObject({ method: "actual_expenses", isDefault: false });
    const pl = await profitAndLoss(g.owner, g, "2025-01-01", "2025-12-31");
    expect(pl.lines.find((l) => l.line === "9")).toMatchObject({ deductibleCents: 30_000 });
    const log = await expectJson<Log>(await g.user.client.get(`${base}/mileage?year=2025`), 200);
    expect(log).toMatchObject({ deductionCents: 0, valuation: { totalCents: 14_000 } });
    expect(log.note).toMatch(/Actual car expenses/);
    const read = await expectJson<{ vehicleMethod: { method: string } }>(
      await g.user.client.get(`${base}/mileage/method/2025`),
      200,
    );
    expect(read.vehicleMethod.method).toBe("actual_expenses");

    await expectJson(
      await g.owner.client.send("PUT", `${base}/mileage/method/2025`, { method: "standard_mileage" }),
      200,
    );
    expect(
      (await profitAndLoss(g.owner, g, "2025-01-01", "2025-12-31")).lines.find((l) => l.line === "9"),
    ).toMatchObject({ deductibleCents: 44_000 });
    await expectError(
      await g.owner.client.send("PUT", `${base}/mileage/method/2025`, { method: "lease" }),
      400,
      "validation_failed",
    );
  });
});
