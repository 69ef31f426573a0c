// Acceptance 4 of issue 6: a large file previews and commits streamed, in batches, with progress
// lines the page can show (application/x-ndjson); 100,000 rows commit on PostgreSQL (the speed
// is measured by bench/imports.ts, not asserted here); two commits of the same file at once add
// its rows once.
import { count, eq, sql, sum as sqlSum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transactions } from "../../../src/db/schema/ledger.js";
import { generateLargeCsv } from "../../fixtures/statements/generate-large-csv.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createTestDatabase, usingPostgres } from "../../support/test-database.js";
import { createLedgerFixture, expectError, type LedgerFixture } from "../ledger/ledger-support.js";
import {
  addAccount,
  type Commit,
  commit,
  csv,
  fixture,
  ndjsonLines,
  preview,
  sendFile,
} from "./import-support.js";

const NDJSON = { accept: "application/x-ndjson" };

async function accountTotals(t: TestApp, accountId: string) {
  const [row] = await t.database.db
    .select({ n: count(), cents: sqlSum(transactions.amountCents) })
    .from(transactions)
    .where(eq(transactions.accountId, accountId));
  return { rows: row?.n ?? 0, cents: Number(row?.cents ?? 0) };
}

describe("progress as NDJSON", () => {
  let t: TestApp;
  let f: LedgerFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createLedgerFixture(t);
  });
  afterAll(async () => t?.close());

  it("a commit streams progress lines (reading the upload, then deciding and writing), then the result", async () => {
    const accountId = await addAccount(f, "Streamed", "checking");
    const file = generateLargeCsv(5000, 7);
    const res = await sendFile(f.user, f, accountId, "", csv(file.text()), {
      fileName: "large.csv",
      ...NDJSON,
    });
    expect(res.status).toBe(200);
    const lines = await ndjsonLines(res);
    const progress = lines.filter((l) => l.type === "progress");
    expect(progress[0]).toEqual({ type: "progress", phase: "parse", rows: 0, totalRows: null });
    const phases = [...new Set(progress.map((l) => l.phase))];
    expect(phases).toEqual(["parse", "insert"]);
    for (const phase of phases) {
      const rows = progress.filter((l) => l.phase === phase).map((l) => Number(l.rows));
      expect(rows).toEqual([...rows].sort((a, b) => a - b));
    }
    expect(progress.filter((l) => l.phase === "insert").at(-1)).toMatchObject({
      rows: 5000,
      totalRows: 5000,
    });
    const result = lines.at(-1) as { type: string; status: number } & Commit;
    expect(result).toMatchObject({
      type: "result",
      status: 201,
      import: { rowCount: 5000, importedCount: 5000 },
    });
    expect(lines.filter((l) => l.type === "result" || l.type === "error")).toHaveLength(1);
    expect(await accountTotals(t, accountId)).toEqual({ rows: 5000, cents: file.totalCents });
  });

  it("a preview streams too; a refused file ends with an error line in the usual error shape", async () => {
    const accountId = await addAccount(f, "Streamed preview", "checking");
    const previewed = await ndjsonLines(
      await sendFile(f.user, f, accountId, "/preview", fixture("chase-checking.csv"), NDJSON),
    );
    expect(previewed.map((l) => l.phase ?? l.type)).toEqual(
      expect.arrayContaining(["parse", "dedupe", "result"]),
    );
    expect(previewed.at(-1)).toMatchObject({ type: "result", status: 200, preview: { ready: true } });
    const refused = await ndjsonLines(
      await sendFile(f.user, f, accountId, "", fixture("malformed-amount.csv"), NDJSON),
    );
    expect(refused.at(-1)).toMatchObject({
      type: "error",
      status: 422,
      error: { code: "statement_invalid", details: { problems: [{ line: 14 }, { line: 17 }] } },
    });
    // What is wrong before any work starts is an ordinary answer, even when a stream was asked for.
    await expectError(
      await sendFile(f.user, f, f.other.accountId, "", fixture("chase-checking.csv"), NDJSON),
      404,
    );
  });

  it("5,000 rows preview in full totals but list the first 500", async () => {
    const accountId = await addAccount(f, "Big preview", "checking");
    const file = generateLargeCsv(5000, 11);
    const seen = await preview(f.user, f, accountId, csv(file.text()));
    expect(seen.rows).toHaveLength(500);
    expect(seen.rowsOmitted).toBe(4500);
    expect(seen.totals).toMatchObject({ rows: 5000, toImport: 5000, amountCents: file.totalCents });
  });
});

// PGlite serialises every query, so only PostgreSQL shows real concurrency and real size.
describe.runIf(usingPostgres)("on PostgreSQL", () => {
  let pg: TestApp;
  let f: LedgerFixture;
  beforeAll(async () => {
    pg = await createTestApp({ database: await createTestDatabase({ poolSize: 12 }) });
    f = await createLedgerFixture(pg);
  });
  afterAll(async () => pg?.close());

  it("100,000 rows commit in one import, every cent and every row there", async () => {
    const accountId = await addAccount(f, "Hundred thousand", "checking");
    const file = generateLargeCsv(100_000, 20_260_101);
    const done = await commit(f.user, f, accountId, csv(file.text()), { fileName: "large.csv" });
    expect(done.import).toMatchObject({ rowCount: 100_000, importedCount: 100_000, duplicateCount: 0 });
    expect(await accountTotals(pg, accountId)).toEqual({ rows: 100_000, cents: file.totalCents });
    const again = await commit(f.user, f, accountId, csv(file.text()), { fileName: "large.csv" });
    expect(again.import).toMatchObject({ importedCount: 0, duplicateCount: 100_000 });
  }, 600_000);

  it("the same file committed twice at once is imported once", async () => {
    const accountId = await addAccount(f, "At once", "checking");
    await Promise.all(Array.from({ length: 12 }, () => pg.database.db.execute(sql`select pg_sleep(0.05)`)));
    const bytes = fixture("chase-checking.csv");
    const answers = await Promise.all([
      sendFile(f.user, f, accountId, "", bytes),
      sendFile(f.admin, f, accountId, "", bytes),
      sendFile(f.owner, f, accountId, "", bytes),
    ]);
    expect(answers.map((r) => r.status)).toEqual([201, 201, 201]);
    const results = (await Promise.all(answers.map((r) => r.json()))) as Commit[];
    expect(results.map((r) => r.import.importedCount).sort((a, b) => a - b)).toEqual([0, 0, 20]);
    expect(await accountTotals(pg, accountId)).toEqual({ rows: 20, cents: -450_866 });
  });
});
