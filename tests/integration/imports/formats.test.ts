// Acceptance 1 and 9 of issue 6: every sample statement imports with the right count and total
// (CSV with and without a header, a summary block, the three amount layouts, US and ISO dates,
// separators and symbols, quoted fields, UTF-8 with and without BOM, Windows-1252; OFX 1 and 2
// and QFX); the columns of a bank are remembered per account; a malformed file or row refuses
// the whole file with the line and the problem, and imports nothing.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importBatches, importMappings } from "../../../src/db/schema/imports.js";
import { transactions } from "../../../src/db/schema/ledger.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createLedgerFixture, expectError, type LedgerFixture } from "../ledger/ledger-support.js";
import {
  accountRows,
  addAccount,
  commit,
  csv,
  csvOf,
  fixture,
  preview,
  sendFile,
  sum,
} from "./import-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

async function rowsInDatabase(): Promise<number> {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(transactions)
    .where(eq(transactions.practiceId, f.practiceId));
  return row?.n ?? 0;
}

async function batchesInDatabase(): Promise<number> {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(importBatches)
    .where(eq(importBatches.practiceId, f.practiceId));
  return row?.n ?? 0;
}

describe("every sample statement", () => {
  it.each<[string, "checking" | "credit_card" | "savings", string, number, number]>([
    ["chase-checking.csv", "checking", "csv", 20, -450_866],
    ["chase-card.csv", "credit_card", "csv", 9, 37_771],
    ["bofa-checking-with-summary.csv", "checking", "csv", 11, -383_660],
    ["wells-fargo-no-header.csv", "checking", "csv", 10, -460_479],
    ["capital-one-debit-credit.csv", "credit_card", "csv", 7, 24_339],
    ["amex-charges-positive.csv", "credit_card", "csv", 8, -7133],
    ["credit-union-withdrawals-deposits.csv", "checking", "csv", 8, -259_208],
    ["utf8-bom.csv", "checking", "csv", 3, 28_190],
    ["windows-1252.csv", "checking", "csv", 5, -18_515],
    ["quoted-newlines.csv", "checking", "csv", 4, -63_359],
    ["jan-feb.csv", "checking", "csv", 11, -424_548],
    ["feb-mar.csv", "checking", "csv", 10, -319_808],
    ["bank-ofx1.ofx", "checking", "ofx", 11, -346_945],
    ["bank.qfx", "savings", "qfx", 4, 50_387],
    ["card-ofx2.ofx", "credit_card", "ofx", 7, 43_943],
  ])("%s (%s): %s, %i rows totalling %i cents", async (name, kind, format, rows, cents) => {
    const accountId = await addAccount(f, `Account for ${name}`, kind);
    const seen = await preview(f.user, f, accountId, fixture(name), { fileName: name });
    expect(seen).toMatchObject({ format, ready: true, problems: [] });
    expect(seen.totals).toMatchObject({ rows, new: rows, toImport: rows, duplicates: 0, amountCents: cents });
    expect(seen.rows).toHaveLength(rows);

    const done = await commit(f.user, f, accountId, fixture(name), { fileName: name });
    expect(done.import).toMatchObject({ fileName: name, format, rowCount: rows, importedCount: rows });
    expect(done.import.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(done.import.createdBy).toBe(f.user.userId);
    const stored = await accountRows(f.user, f, accountId);
    expect(stored).toHaveLength(rows);
    expect(sum(stored)).toBe(cents);
    expect(stored.every((r) => r.source === "import" && r.importBatchId === done.import.id)).toBe(true);
    expect(stored.every((r) => (format === "csv" ? r.bankId === null : r.bankId !== null))).toBe(true);
  });

  it("keeps the text as the bank wrote it: Windows-1252 and a BOM decoded, quoted line breaks folded", async () => {
    const accountId = await addAccount(f, "Text checks", "checking");
    await commit(f.user, f, accountId, fixture("windows-1252.csv"));
    await commit(f.user, f, accountId, fixture("utf8-bom.csv"));
    await commit(f.user, f, accountId, fixture("quoted-newlines.csv"));
    const descriptions = (await accountRows(f.user, f, accountId)).map((r) => r.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        "Blue Door Café Austin TX",
        "PSYCHOTHERAPY NETWORKER’S SYMPOSIUM",
        "CAFÉ MOZART – CONSULT GROUP",
        "STRIPE TRANSFER, ST-A1B2C3 PAYOUT FOR SESSIONS JAN 1-4",
        'SUNRISE OFFICE SUITES, LLC "JANUARY RENT"',
      ]),
    );
  });
});

describe("the columns of a CSV", () => {
  it("are guessed for a new bank, shown for the mapping screen, and remembered for the account", async () => {
    const accountId = await addAccount(f, "Remembered checking", "checking");
    const first = await preview(f.user, f, accountId, fixture("bofa-checking-with-summary.csv"));
    expect(first.mappingSource).toBe("guessed");
    expect(first.columns).toEqual(["Date", "Description", "Amount", "Running Bal."]);
    expect(first.notes.join(" ")).toContain("The header is on line 7");
    expect(first.sample[0]).toEqual({ line: 1, cells: ["Description", "", "Summary Amt."] });
    const done = await commit(f.user, f, accountId, fixture("bofa-checking-with-summary.csv"));
    expect(done.mappingSaved).toBe(true);
    const [saved] = await t.database.db
      .select()
      .from(importMappings)
      .where(eq(importMappings.accountId, accountId));
    expect(saved?.mapping).toEqual(first.mapping);
    expect(saved?.updatedBy).toBe(f.user.userId);

    const next = csv(
      'Description,,Summary Amt.\nBeginning balance as of 02/01/2026,,"8,643.55"\n\n' +
        'Date,Description,Amount,Running Bal.\n02/03/2026,"OPTUM BANK DES:HCCLAIMPMT","385.50","9,029.05"\n',
    );
    const second = await preview(f.user, f, accountId, next);
    expect(second.mappingSource).toBe("saved");
    expect(second.totals).toMatchObject({ rows: 1, amountCents: 38_550 });
  });

  it("a file without a header is read by what its columns hold", async () => {
    const accountId = await addAccount(f, "Wells", "checking");
    const seen = await preview(f.user, f, accountId, fixture("wells-fargo-no-header.csv"));
    expect(seen.mapping?.header).toEqual({ kind: "none", skipRecords: 0 });
    expect(seen.columns).toEqual(["Column 1", "Column 2", "Column 3", "Column 4", "Column 5"]);
    expect(seen.notes.join(" ")).toContain("no header row");
  });

  it("a saved mapping that no longer fits is guessed again, with a note", async () => {
    const accountId = await addAccount(f, "Changed bank", "credit_card");
    await commit(f.user, f, accountId, fixture("chase-card.csv"));
    const seen = await preview(f.user, f, accountId, fixture("capital-one-debit-credit.csv"));
    expect(seen.mappingSource).toBe("guessed");
    expect(seen.notes[0]).toContain("do not fit this file");
    expect(seen.totals.amountCents).toBe(24_339);
  });

  it("a mapping sent with the file is the one used (here: charges written as positive amounts)", async () => {
    const accountId = await addAccount(f, "Chosen columns", "credit_card");
    const seen = await preview(f.user, f, accountId, fixture("chase-card.csv"));
    const mapping = { ...seen.mapping, amount: { kind: "signed-charges-positive", column: 5 } };
    const chosen = await preview(f.user, f, accountId, fixture("chase-card.csv"), { mapping });
    expect(chosen.mappingSource).toBe("request");
    expect(chosen.totals.amountCents).toBe(-37_771);
    const done = await commit(f.user, f, accountId, fixture("chase-card.csv"), { mapping });
    expect(done.totals.amountCents).toBe(-37_771);
  });

  it("columns that cannot be recognised: the preview shows the file to map, the commit refuses", async () => {
    const accountId = await addAccount(f, "Unknown export", "checking");
    const odd = csv("Reference,Notes\nA1,first\nA2,second\n");
    const seen = await preview(f.user, f, accountId, odd, { fileName: "export.csv" });
    expect(seen).toMatchObject({ format: "csv", mapping: null, ready: false, rows: [] });
    expect(seen.sample.map((s) => s.cells)).toEqual([
      ["Reference", "Notes"],
      ["A1", "first"],
      ["A2", "second"],
    ]);
    expect(seen.notes.join(" ")).toContain("Choose the columns");
    await expectError(await sendFile(f.user, f, accountId, "", odd), 422, "statement_invalid");
  });

  it("a mapping that is not valid is refused with 400 naming it", async () => {
    const accountId = await addAccount(f, "Bad mapping", "checking");
    const res = await sendFile(f.user, f, accountId, "/preview", fixture("chase-card.csv"), {
      mapping: { version: 1, dateColumn: 0 },
    });
    const error = await expectError(res, 400, "validation_failed");
    expect(JSON.stringify(error.details)).toContain("mapping");
  });
});

describe("a malformed file imports nothing", () => {
  it("bad rows: every problem with its line, 422, no transaction and no batch", async () => {
    const accountId = await addAccount(f, "Malformed", "checking");
    const rowsBefore = await rowsInDatabase();
    const batchesBefore = await batchesInDatabase();
    const res = await sendFile(f.user, f, accountId, "", fixture("malformed-amount.csv"));
    const error = await expectError(res, 422, "statement_invalid");
    const { problems } = error.details as { problems: { line: number; message: string }[] };
    expect(problems.map((p) => p.line)).toEqual([14, 17]);
    expect(error.message).toContain('Line 14: the amount "12.3.4" is not a number');
    expect(error.message).toContain('Line 17: the date "02/30/2026" does not exist');
    expect(await rowsInDatabase()).toBe(rowsBefore);
    expect(await batchesInDatabase()).toBe(batchesBefore);

    const seen = await preview(f.user, f, accountId, fixture("malformed-amount.csv"));
    expect(seen.ready).toBe(false);
    expect(seen.problems.map((p) => p.line)).toEqual([14, 17]);
  });

  it("a quote that never closes names the line it opened on", async () => {
    const accountId = await addAccount(f, "Unclosed", "checking");
    const error = await expectError(
      await sendFile(f.user, f, accountId, "", fixture("unclosed-quote.csv")),
      422,
      "statement_invalid",
    );
    expect(error.message).toContain("Line 4:");
    expect(await accountRows(f.user, f, accountId)).toEqual([]);
  });

  it("a bad LAST row of 2,500 leaves no row and no batch (all or nothing)", async () => {
    const accountId = await addAccount(f, "Last row bad", "checking");
    const rows: [string, string, string][] = Array.from({ length: 2500 }, (_, i) => [
      "03/02/2026",
      `CARD PURCHASE ${i}`,
      "-1.00",
    ]);
    rows.push(["03/03/2026", "THE LAST ONE", "one dollar"]);
    const batchesBefore = await batchesInDatabase();
    const error = await expectError(await sendFile(f.user, f, accountId, "", csvOf(rows)), 422);
    expect(error.message).toContain("Line 2502:");
    expect(await accountRows(f.user, f, accountId)).toEqual([]);
    expect(await batchesInDatabase()).toBe(batchesBefore);
  });

  it("a last row in a closed year rolls back the rows already written: 409 period_closed naming the year", async () => {
    const accountId = await addAccount(f, "Closed year at the end", "checking");
    const rows: [string, string, string][] = Array.from({ length: 2500 }, (_, i) => [
      "03/02/2026",
      `CARD PURCHASE ${i}`,
      "-1.00",
    ]);
    rows.push(["12/30/2020", "AN OLD ONE", "-1.00"]);
    const closed = await f.owner.client.post(`${f.base}/closed-years/2020`);
    expect([201, 409]).toContain(closed.status);
    const batchesBefore = await batchesInDatabase();
    const seen = await preview(f.user, f, accountId, csvOf(rows));
    expect(seen.totals).toMatchObject({ closedYearRows: 1, closedYears: [2020] });
    const error = await expectError(
      await sendFile(f.user, f, accountId, "", csvOf(rows)),
      409,
      "period_closed",
    );
    expect(error.message).toContain("2020 is closed");
    expect(await accountRows(f.user, f, accountId)).toEqual([]);
    expect(await batchesInDatabase()).toBe(batchesBefore);
  });

  it("not a statement: an empty file, a PDF, an OFX without transactions list", async () => {
    const accountId = await addAccount(f, "Not statements", "checking");
    const empty = await expectError(await sendFile(f.user, f, accountId, "", new Uint8Array()), 422);
    expect(empty.message).toBe("The file is empty.");
    const pdf = await expectError(
      await sendFile(f.user, f, accountId, "/preview", csv("%PDF-1.7\n%âãÏÓ\n"), { fileName: "jan.pdf" }),
      422,
      "statement_invalid",
    );
    expect(pdf.message).toContain("This is a PDF");
    const ofx = await expectError(
      await sendFile(f.user, f, accountId, "", csv("OFXHEADER:100\n\n<OFX>\n</OFX>\n"), {
        fileName: "x.ofx",
      }),
      422,
      "statement_invalid",
    );
    expect(ofx.message).toContain("no bank or credit card statement");
  });
});

describe("the upload itself", () => {
  it("must be the file's bytes: JSON is 415, a missing file name 400", async () => {
    const accountId = await addAccount(f, "Framing", "checking");
    const json = await sendFile(f.user, f, accountId, "", csv("{}"), { contentType: "application/json" });
    await expectError(json, 415, "unsupported_media_type");
    const token = await f.user.client.csrf();
    const unnamed = await f.user.client.fetch(`${f.base}/accounts/${accountId}/imports`, {
      method: "POST",
      headers: { "x-csrf-token": token, "content-type": "application/octet-stream" },
      body: fixture("chase-card.csv"),
    });
    await expectError(unnamed, 400, "validation_failed");
  });

  it("over 50 MB is 413: declared, or streamed without a length", async () => {
    const accountId = await addAccount(f, "Too large", "checking");
    const token = await f.user.client.csrf();
    const url = `${f.base}/accounts/${accountId}/imports?fileName=big.csv`;
    const headers = { "x-csrf-token": token, "content-type": "application/octet-stream" };
    const declared = await f.user.client.fetch(url, {
      method: "POST",
      headers: { ...headers, "content-length": String(50 * 1024 * 1024 + 1) },
      body: csv("Date,Description,Amount\n"),
    });
    await expectError(declared, 413, "payload_too_large");
    const chunk = new Uint8Array(1024 * 1024).fill(0x41);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 51) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const streamed = await f.user.client.fetch(url, {
      method: "POST",
      headers,
      body,
      duplex: "half",
    } as RequestInit);
    await expectError(streamed, 413, "payload_too_large");
    expect(await accountRows(f.user, f, accountId)).toEqual([]);
  });

  it("an archived account takes no import (409); another practice's account is 404", async () => {
    const accountId = await addAccount(f, "Archived one", "checking");
    const archived = await f.owner.client.send("PATCH", `${f.base}/accounts/${accountId}`, {
      archived: true,
    });
    expect(archived.status).toBe(200);
    await expectError(await sendFile(f.user, f, accountId, "", fixture("chase-card.csv")), 409, "conflict");
    await expectError(
      await sendFile(f.user, f, f.other.accountId, "", fixture("chase-card.csv")),
      404,
      "not_found",
    );
  });
});
