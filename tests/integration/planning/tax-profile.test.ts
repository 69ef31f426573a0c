// The tax profile is the Owner's personal data: only the Owner reads or writes it, or sees the
// payments and the plan built on it, and a new Owner starts from their own empty profile.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { ACCESS_FORBIDDEN } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
} from "../ledger/ledger-support.js";
import { putProfile, saveProfile, type TaxProfile } from "./planning-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const FULL_PROFILE = {
  filingStatus: "married_joint",
  w2WagesCents: 0,
  spouseW2WagesCents: 6_000_000,
  otherIncomeCents: -150_000,
  withholdingCents: 450_000,
  selfEmployedHealthInsuranceCents: 600_000,
  retirementContributionsCents: 1_000_000,
  homeOfficeMethod: "simplified",
  homeOfficeSquareFeet: 180,
  homeOfficeExpensesCents: null,
  stateRateBasisPoints: 495,
  priorYearTaxCents: 2_100_000,
  priorYearAgiCents: 16_000_000,
};

describe("the tax profile", () => {
  it("starts empty (profile: null), saves every field, and PUT replaces the whole profile", async () => {
    const empty = await expectJson<{ year: number; profile: null }>(
      await f.owner.client.get(`${f.base}/tax/profile/2025`),
      200,
    );
    expect(empty).toEqual({ year: 2025, profile: null });

    const saved = await saveProfile(f.owner, f, 2025, FULL_PROFILE);
    expect(saved).toEqual({ year: 2025, ...FULL_PROFILE, updatedAt: expect.any(String) });
    const read = await expectJson<{ profile: TaxProfile }>(
      await f.owner.client.get(`${f.base}/tax/profile/2025`),
      200,
    );
    expect(read.profile).toEqual(saved);

    // Fields left out fall back to their defaults: a PUT is the whole profile, not a patch.
    const replaced = await saveProfile(f.owner, f, 2025, { filingStatus: "single" });
    expect(replaced).toMatchObject({
      filingStatus: "single",
      spouseW2WagesCents: 0,
      homeOfficeMethod: "none",
      homeOfficeSquareFeet: null,
      stateRateBasisPoints: 0,
      priorYearTaxCents: null,
    });
    // Another year is another profile.
    expect(
      (await expectJson<{ profile: null }>(await f.owner.client.get(`${f.base}/tax/profile/2026`), 200))
        .profile,
    ).toBeNull();
  });

  it("refuses inconsistent or out-of-range figures with 400, naming the field, and saves nothing", async () => {
    await saveProfile(f.owner, f, 2026, { filingStatus: "single", stateRateBasisPoints: 300 });
    const before = await snapshotDatabase(t.database.db);
    const cases: [Record<string, unknown>, string][] = [
      [{ filingStatus: "single", homeOfficeMethod: "simplified" }, "homeOfficeSquareFeet"],
      [{ filingStatus: "single", homeOfficeMethod: "actual" }, "homeOfficeExpensesCents"],
      [{ filingStatus: "single", homeOfficeSquareFeet: 100 }, "homeOfficeSquareFeet"],
      [
        {
          filingStatus: "single",
          homeOfficeMethod: "simplified",
          homeOfficeSquareFeet: 100,
          homeOfficeExpensesCents: 5,
        },
        "homeOfficeExpensesCents",
      ],
      [{ filingStatus: "single", spouseW2WagesCents: 100 }, "spouseW2WagesCents"],
      [{ filingStatus: "single", priorYearTaxCents: 100 }, "priorYearAgiCents"],
      [{ filingStatus: "single", priorYearAgiCents: 100 }, "priorYearTaxCents"],
      [{ filingStatus: "single", stateRateBasisPoints: 2001 }, "stateRateBasisPoints"],
      [{ filingStatus: "single", stateRateBasisPoints: -1 }, "stateRateBasisPoints"],
      [{ filingStatus: "single", w2WagesCents: -1 }, "w2WagesCents"],
      [{ filingStatus: "single", withholdingCents: 10.5 }, "withholdingCents"],
      [{ filingStatus: "single", retirementContributionsCents: "100" }, "retirementContributionsCents"],
      [{ filingStatus: "s_corporation" }, "filingStatus"],
      [{}, "filingStatus"],
      [{ filingStatus: "single", userId: f.admin.userId }, "userId"],
    ];
    for (const [body, field] of cases) {
      const error = await expectError(await putProfile(f.owner, f, 2026, body), 400, "validation_failed");
      expect(JSON.stringify(error.details), JSON.stringify(body)).toContain(field);
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("a year without tax figures is refused with 422 and a message naming the supported years", async () => {
    for (const res of [
      await f.owner.client.get(`${f.base}/tax/profile/2024`),
      await putProfile(f.owner, f, 2031, { filingStatus: "single" }),
      await f.owner.client.get(`${f.base}/tax/plan/2024`),
    ]) {
      const error = await expectError(res, 422, "validation_failed");
      expect(error.message).toMatch(/No tax figures for 20(24|31).*2025 and 2026/);
      expect(error.details).toMatchObject({ supportedYears: [2025, 2026] });
    }
  });

  it("is the Owner's alone: Admins and Users get 403 on the profile, the payments and the plan", async () => {
    await saveProfile(f.owner, f, 2025, { filingStatus: "single" });
    const before = await snapshotDatabase(t.database.db);
    for (const who of [f.admin, f.user]) {
      const attempts = [
        await who.client.get(`${f.base}/tax/profile/2025`),
        await putProfile(who, f, 2025, { filingStatus: "single" }),
        await who.client.get(`${f.base}/tax/payments`),
        await who.client.post(`${f.base}/tax/payments`, { date: "2025-04-15", amountCents: 100 }),
        await who.client.delete(`${f.base}/tax/payments/${crypto.randomUUID()}`),
        await who.client.get(`${f.base}/tax/plan/2025`),
      ];
      for (const res of attempts)
        expect((await expectError(res, 403, "forbidden")).message).toBe(ACCESS_FORBIDDEN);
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });
});

describe("a change of Owner", () => {
  it("gives the new Owner their own empty profile and payments; the old Owner loses access", async () => {
    const g = await createLedgerFixture(t);
    await saveProfile(g.owner, g, 2025, FULL_PROFILE);
    await expectJson(
      await g.owner.client.post(`${g.base}/tax/payments`, { date: "2025-06-16", amountCents: 300_000 }),
      201,
    );

    const transferred = await g.owner.client.post(`${g.base}/transfer-ownership`, { userId: g.admin.userId });
    expect(transferred.status, await transferred.clone().text()).toBe(204);

    const mine = await expectJson<{ profile: null }>(
      await g.admin.client.get(`${g.base}/tax/profile/2025`),
      200,
    );
    expect(mine.profile).toBeNull();
    const payments = await expectJson<{ payments: unknown[]; totalCents: number }>(
      await g.admin.client.get(`${g.base}/tax/payments?year=2025`),
      200,
    );
    expect(payments).toEqual({ payments: [], totalCents: 0 });
    await expectError(await g.admin.client.get(`${g.base}/tax/plan/2025`), 409, "conflict");
    // The former Owner, now an Admin, can no longer reach even their own profile here.
    await expectError(await g.owner.client.get(`${g.base}/tax/profile/2025`), 403, "forbidden");

    // The new Owner's profile is theirs, and the old one is still there, untouched, under its owner.
    await saveProfile(g.admin, g, 2025, { filingStatus: "head_of_household" });
    const back = await g.admin.client.post(`${g.base}/transfer-ownership`, { userId: g.owner.userId });
    expect(back.status).toBe(204);
    const original = await expectJson<{ profile: TaxProfile }>(
      await g.owner.client.get(`${g.base}/tax/profile/2025`),
      200,
    );
    expect(original.profile.filingStatus).toBe("married_joint");
  });
});
