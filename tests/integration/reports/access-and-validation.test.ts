// Who may read reports (everyone in the practice; nobody outside it) and which ranges are refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
  record,
} from "../ledger/ledger-support.js";

let t: TestApp;
let f: LedgerFixture;
const REPORTS = ["profit-and-loss", "income-by-payer", "expenses-by-category", "monthly", "year-over-year"];

beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
  await record(f.owner, f, {
    date: "2025-03-01",
    amountCents: 15_000,
    classification: "income",
    payerId: f.aetnaId,
  });
});
afterAll(async () => t?.close());

describe("access", () => {
  it("a User (and an Admin) reads every report in JSON, CSV and PDF", async () => {
    for (const who of [f.user, f.admin]) {
      for (const report of REPORTS) {
        for (const format of ["json", "csv", "pdf"]) {
          const res = await who.client.get(
            `${f.base}/reports/${report}?from=2025-01-01&to=2025-12-31&format=${format}`,
          );
          expect(res.status, `${report} ${format}: ${await res.clone().text()}`).toBe(200);
        }
      }
    }
    const body = await expectJson<{ profitAndLoss: { grossReceiptsCents: number } }>(
      await f.user.client.get(`${f.base}/reports/profit-and-loss?from=2025-01-01&to=2025-12-31`),
      200,
    );
    expect(body.profitAndLoss.grossReceiptsCents).toBe(15_000);
  });

  it("another practice's reports answer 404, and its figures never leak into ours", async () => {
    for (const report of REPORTS) {
      await expectError(
        await f.user.client.get(`${f.otherBase}/reports/${report}?from=2025-01-01&to=2025-12-31`),
        404,
        "not_found",
      );
      await expectError(
        await f.outsider.client.get(`${f.base}/reports/${report}?from=2025-01-01&to=2025-12-31`),
        404,
        "not_found",
      );
    }
    const theirs = await expectJson<{ profitAndLoss: { grossReceiptsCents: number } }>(
      await f.outsider.client.get(`${f.otherBase}/reports/profit-and-loss?from=2025-01-01&to=2025-12-31`),
      200,
    );
    expect(theirs.profitAndLoss.grossReceiptsCents).toBe(0);
  });

  it("signed out → 401", async () => {
    const res = await t.request(`${f.base}/reports/monthly?from=2025-01-01&to=2025-12-31`);
    expect(res.status).toBe(401);
  });
});

describe("validation", () => {
  const get = (query: string) => f.user.client.get(`${f.base}/reports/profit-and-loss?${query}`);

  it.each([
    ["from after to", "from=2025-12-31&to=2025-01-01", "to"],
    ["an impossible date", "from=2025-02-30&to=2025-12-31", "from"],
    ["not a date", "from=yesterday&to=2025-12-31", "from"],
    ["a date with a time", "from=2025-01-01T00:00:00Z&to=2025-12-31", "from"],
    ["missing to", "from=2025-01-01", "to"],
    ["more than 20 years", "from=2000-01-01&to=2020-01-01", "to"],
    ["an unknown format", "from=2025-01-01&to=2025-12-31&format=xlsx", "format"],
    ["an unknown parameter", "from=2025-01-01&to=2025-12-31&year=2025", ""],
  ])("%s → 400 validation_failed", async (_label, query, path) => {
    const error = await expectError(await get(query), 400, "validation_failed");
    const details = error.details as { path: string }[];
    if (path) expect(details.map((d) => d.path)).toContain(path);
  });

  it("no query at all → 400; exactly 20 years and a single day are accepted", async () => {
    await expectError(await f.user.client.get(`${f.base}/reports/monthly`), 400, "validation_failed");
    await expectJson(await get("from=2000-01-01&to=2019-12-31"), 200);
    await expectJson(await get("from=2025-03-01&to=2025-03-01"), 200);
  });
});
