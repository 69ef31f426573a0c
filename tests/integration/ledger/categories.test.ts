// Categories: every new practice starts with the therapist chart mapped to Schedule C lines;
// Owners and Admins add their own, rename, re-map and archive; presets are never deleted, and a
// category in use is deleted only once its transactions have somewhere to go.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_FORBIDDEN } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  type Category,
  createLedgerFixture,
  expectError,
  expectJson,
  expense,
  type LedgerFixture,
  record,
  type Transaction,
} from "./ledger-support.js";

type CategoryJson = Category & {
  scheduleCLineLabel: string;
  transactionCount?: number;
  archivedAt: string | null;
};
type Listing = {
  categories: CategoryJson[];
  lines: { line: string; label: string; deductibleBasisPoints: number }[];
};

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

async function listing(query = ""): Promise<Listing> {
  return expectJson<Listing>(await f.user.client.get(`${f.base}/categories${query}`), 200);
}

async function addCategory(name: string, scheduleCLine: string): Promise<CategoryJson> {
  const res = await f.admin.client.post(`${f.base}/categories`, { name, scheduleCLine });
  return (await expectJson<{ category: CategoryJson }>(res, 201)).category;
}

describe("the preset chart", () => {
  it("a new practice has a preset on every line the issue names, each labelled with its line", async () => {
    const { categories, lines } = await listing();
    const presets = categories.filter((c) => c.isPreset);
    const lineOf = Object.fromEntries(presets.map((c) => [c.presetKey, c.scheduleCLine]));
    expect(lineOf).toMatchObject({
      advertising: "8",
      car_and_truck: "9",
      payment_processing_fees: "10",
      contract_labor: "11",
      depreciation: "13",
      liability_insurance: "15",
      interest: "16b",
      legal_professional: "17",
      office_expense: "18",
      office_rent: "20b",
      repairs: "21",
      supplies: "22",
      licenses: "23",
      travel: "24a",
      meals: "24b",
      utilities: "25",
      wages: "26",
      continuing_education: "27a",
      clinical_supervision: "27a",
      professional_memberships: "27a",
      ehr_software: "27a",
      telehealth_software: "27a",
      consultation: "27a",
    });
    const rent = presets.find((c) => c.presetKey === "office_rent");
    expect(rent?.scheduleCLineLabel).toBe("Line 20b — Rent or lease: Other business property");
    expect(lines.find((l) => l.line === "24b")).toEqual({
      line: "24b",
      label: "Deductible meals",
      deductibleBasisPoints: 5_000,
    });
  });

  it("a preset can be renamed, re-mapped and archived, but not deleted; restoring adds only what is missing", async () => {
    const id = f.category.ehr_software;
    const path = `${f.base}/categories/${id}`;
    const renamed = await expectJson<{ category: CategoryJson }>(
      await f.admin.client.send("PATCH", path, { name: "SimplePractice subscription", scheduleCLine: "18" }),
      200,
    );
    expect(renamed.category).toMatchObject({
      isPreset: true,
      presetKey: "ehr_software",
      scheduleCLine: "18",
    });
    const refused = await expectError(await f.admin.client.delete(path), 409, "conflict");
    expect(refused.message).toMatch(/archived/);
    await expectJson(await f.admin.client.send("PATCH", path, { archived: true }), 200);
    expect((await listing()).categories.map((c) => c.id)).not.toContain(id);
    expect((await listing("?includeArchived=true")).categories.map((c) => c.id)).toContain(id);
    const restored = await f.admin.client.post(`${f.base}/categories/presets`);
    expect(await expectJson(restored, 200)).toEqual({ added: 0 });
  });
});

describe("custom categories", () => {
  it("an Admin adds one on a Schedule C line; an unknown line or a taken name is refused", async () => {
    const category = await addCategory("Assessment kits", "22");
    expect(category).toMatchObject({
      isPreset: false,
      presetKey: null,
      scheduleCLineLabel: "Line 22 — Supplies",
    });
    await expectError(
      await f.admin.client.post(`${f.base}/categories`, { name: "X", scheduleCLine: "99" }),
      400,
    );
    await expectError(
      await f.admin.client.post(`${f.base}/categories`, { name: "X", scheduleCLine: "27b" }),
      400,
    );
    const taken = await f.admin.client.post(`${f.base}/categories`, {
      name: "OFFICE EXPENSE",
      scheduleCLine: "18",
    });
    await expectError(taken, 409, "conflict");
  });

  it("a User lists categories but cannot add, change, delete or restore them (403)", async () => {
    const attempts = [
      await f.user.client.post(`${f.base}/categories`, { name: "Mine", scheduleCLine: "18" }),
      await f.user.client.send("PATCH", `${f.base}/categories/${f.category.travel}`, { name: "Trips" }),
      await f.user.client.delete(`${f.base}/categories/${f.category.travel}`),
      await f.user.client.post(`${f.base}/categories/presets`),
    ];
    for (const res of attempts) expect((await expectError(res, 403)).message).toBe(ACCESS_FORBIDDEN);
  });

  it("another practice's category is 404 here, as a target or as a reassignment", async () => {
    const path = `${f.base}/categories/${f.other.categoryId}`;
    await expectError(await f.admin.client.send("PATCH", path, { name: "Mine now" }), 404, "not_found");
    const mine = await addCategory("Books", "27a");
    const res = await f.admin.client.delete(
      `${f.base}/categories/${mine.id}?reassignTo=${f.other.categoryId}`,
    );
    await expectError(res, 404, "not_found");
  });

  it("in use, deleting asks where its expenses go (409), then moves them all, splits included", async () => {
    const mine = await addCategory("Phone", "25");
    const single = await record(f.user, f, expense(f, -4_500, { categoryId: mine.id }));
    const split = await record(f.user, f, {
      date: "2025-07-01",
      amountCents: -10_000,
      classification: "expense",
      splits: [
        { amountCents: -6_000, categoryId: mine.id },
        { amountCents: -4_000, categoryId: f.category.supplies },
      ],
    });
    const path = `${f.base}/categories/${mine.id}`;
    expect((await expectError(await f.admin.client.delete(path), 409, "in_use")).details).toEqual({
      transactionCount: 2,
    });
    const moved = await f.admin.client.delete(`${path}?reassignTo=${f.category.utilities}`);
    expect(await expectJson(moved, 200)).toEqual({ reassigned: 2 });
    const get = async (id: string) =>
      (
        await expectJson<{ transaction: Transaction }>(
          await f.user.client.get(`${f.base}/transactions/${id}`),
          200,
        )
      ).transaction;
    expect((await get(single.id)).categoryId).toBe(f.category.utilities);
    expect((await get(split.id)).splits.map((s) => s.categoryId)).toEqual([
      f.category.utilities,
      f.category.supplies,
    ]);
    expect((await listing("?includeArchived=true")).categories.map((c) => c.id)).not.toContain(mine.id);
  });
});
