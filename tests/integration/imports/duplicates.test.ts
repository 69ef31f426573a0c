// Acceptance 2 of issue 6, duplicates: the same bank id on the same account is never imported
// twice; without bank ids rows are matched by (date, amount, description) counting occurrences,
// so two identical rows in one file are both kept and an overlapping file adds only what is new;
// a similar row within three days is a PROBABLE duplicate, skipped unless the person includes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createLedgerFixture, expectJson, type LedgerFixture } from "../ledger/ledger-support.js";
import { accountRows, addAccount, commit, csv, fixture, preview, sum } from "./import-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

const decoder = new TextDecoder("latin1");
const encoder = new TextEncoder();

/** bank-ofx1.ofx with its text changed, as a later download of the same account would be. */
function editedOfx(edit: (text: string) => string): Uint8Array {
  return encoder.encode(edit(decoder.decode(fixture("bank-ofx1.ofx"))));
}

const extraTransaction = (fitId: string, amount: string, name: string) =>
  `<STMTTRN>\n<TRNTYPE>DEBIT\n<DTPOSTED>20260131120000\n<TRNAMT>${amount}\n<FITID>${fitId}\n<NAME>${name}\n</STMTTRN>\n</BANKTRANLIST>`;

describe("the same file twice", () => {
  it("adds nothing the second time; the preview says each row is a duplicate of which transaction", async () => {
    const accountId = await addAccount(f, "Twice", "checking");
    const first = await commit(f.user, f, accountId, fixture("chase-checking.csv"));
    expect(first.import.importedCount).toBe(20);
    const seen = await preview(f.user, f, accountId, fixture("chase-checking.csv"));
    expect(seen.totals).toMatchObject({ rows: 20, new: 0, duplicates: 20, toImport: 0 });
    expect(seen.sameFileImportedAt).toEqual([first.import.createdAt]);
    const ids = new Set((await accountRows(f.user, f, accountId)).map((r) => r.id));
    expect(seen.rows.every((r) => r.status === "duplicate" && r.duplicateReason === "same_row")).toBe(true);
    expect(new Set(seen.rows.map((r) => r.duplicateOf))).toEqual(ids);
    const second = await commit(f.user, f, accountId, fixture("chase-checking.csv"));
    expect(second.import).toMatchObject({ rowCount: 20, importedCount: 0, duplicateCount: 20 });
    expect(await accountRows(f.user, f, accountId)).toHaveLength(20);
  });
});

describe("without bank ids: (date, amount, description), counting occurrences", () => {
  it("an overlapping file adds only the new rows; the two identical rows of one file are both kept", async () => {
    const accountId = await addAccount(f, "Overlap", "checking");
    const janFeb = await commit(f.user, f, accountId, fixture("jan-feb.csv"));
    expect(janFeb.import.importedCount).toBe(11);
    const zoom = (await accountRows(f.user, f, accountId)).filter(
      (r) => r.date === "2026-02-10" && r.amountCents === -1599,
    );
    expect(zoom).toHaveLength(2);

    const febMar = await commit(f.user, f, accountId, fixture("feb-mar.csv"));
    expect(febMar.import).toMatchObject({ rowCount: 10, importedCount: 3, duplicateCount: 7 });
    const rows = await accountRows(f.user, f, accountId);
    expect(rows).toHaveLength(14);
    expect(
      rows
        .filter((r) => r.importBatchId === febMar.import.id)
        .map((r) => r.date)
        .sort(),
    ).toEqual(["2026-03-02", "2026-03-06", "2026-03-16"]);
    expect(sum(rows)).toBe(-424_548 + (-185_000 + 81_240 - 200_000));
  });

  it("a row the ledger holds once but the file twice is added once more", async () => {
    const accountId = await addAccount(f, "One zoom", "checking");
    const one = csv(
      "Date, Time, Amount, Type, Description\n2026-02-10,00:00:00,-15.99,Withdrawal,ZOOM.US 888-799-9666\n",
    );
    expect((await commit(f.user, f, accountId, one)).import.importedCount).toBe(1);
    const done = await commit(f.user, f, accountId, fixture("jan-feb.csv"));
    expect(done.import).toMatchObject({ importedCount: 10, duplicateCount: 1 });
    const zoom = (await accountRows(f.user, f, accountId)).filter((r) => r.amountCents === -1599);
    expect(zoom).toHaveLength(2);
  });
});

describe("bank ids (OFX FITID)", () => {
  it("a FITID already on the account is never imported again, whatever else changed", async () => {
    const accountId = await addAccount(f, "FITID checking", "checking");
    expect((await commit(f.user, f, accountId, fixture("bank-ofx1.ofx"))).import.importedCount).toBe(11);
    const later = editedOfx((text) =>
      text
        .replace("<TRNAMT>420.00", "<TRNAMT>421.00")
        .replace(
          "</BANKTRANLIST>",
          extraTransaction("20260131-0009", "-7.50", "COFFEE FOR THE WAITING ROOM"),
        ),
    );
    const seen = await preview(f.user, f, accountId, later, { fileName: "later.ofx" });
    expect(seen.totals).toMatchObject({ rows: 12, duplicates: 11, new: 1 });
    expect(seen.rows.find((r) => r.bankId === "20260102-0001")).toMatchObject({
      status: "duplicate",
      duplicateReason: "bank_id",
    });
    const done = await commit(f.user, f, accountId, later, { fileName: "later.ofx" });
    expect(done.import).toMatchObject({ importedCount: 1, duplicateCount: 11 });
    const rows = await accountRows(f.user, f, accountId);
    expect(rows.find((r) => r.bankId === "20260102-0001")?.amountCents).toBe(42_000);
    expect(rows.find((r) => r.bankId === "20260131-0009")?.description).toBe("COFFEE FOR THE WAITING ROOM");
  });

  it("a FITID repeated inside one file is imported once; the same FITID on another account is another row", async () => {
    const accountId = await addAccount(f, "Repeated FITID", "checking");
    const repeated = editedOfx((text) =>
      text.replace("</BANKTRANLIST>", extraTransaction("20260102-0001", "420.00", "AETNA AS01")),
    );
    const done = await commit(f.user, f, accountId, repeated, { fileName: "repeated.ofx" });
    expect(done.import).toMatchObject({ rowCount: 12, importedCount: 11, duplicateCount: 1 });
    const other = await addAccount(f, "Another FITID account", "checking");
    expect((await commit(f.user, f, other, fixture("bank-ofx1.ofx"))).import.importedCount).toBe(11);
  });
});

describe("probable duplicates", () => {
  async function enterByHand(accountId: string) {
    const res = await f.user.client.post(`${f.base}/transactions`, {
      accountId,
      date: "2026-01-08",
      amountCents: -2995,
      description: "Psychology Today directory listing",
    });
    const manual = (await expectJson<{ transaction: { id: string } }>(res, 201)).transaction;
    // Same amount as the Zoom charge, two days away, but nothing alike: not a duplicate.
    await expectJson(
      await f.user.client.post(`${f.base}/transactions`, {
        accountId,
        date: "2026-01-05",
        amountCents: -1599,
        description: "Office snacks",
      }),
      201,
    );
    return manual.id;
  }

  it("same amount within three days and a similar description: offered with the matching transaction, skipped by default", async () => {
    const accountId = await addAccount(f, "Probable", "checking");
    const manualId = await enterByHand(accountId);
    const seen = await preview(f.user, f, accountId, fixture("chase-checking.csv"));
    expect(seen.totals).toMatchObject({ rows: 20, new: 19, probableDuplicates: 1, toImport: 19 });
    const probable = seen.rows.filter((r) => r.status === "probable_duplicate");
    expect(probable).toEqual([
      expect.objectContaining({
        date: "2026-01-09",
        amountCents: -2995,
        duplicateOf: manualId,
        willImport: false,
        classification: "unreviewed",
      }),
    ]);
    const zoom = seen.rows.find((r) => r.amountCents === -1599);
    expect(zoom).toMatchObject({ status: "new", willImport: true });

    const done = await commit(f.user, f, accountId, fixture("chase-checking.csv"));
    expect(done.import).toMatchObject({ rowCount: 20, importedCount: 19, duplicateCount: 1 });
    expect(await accountRows(f.user, f, accountId)).toHaveLength(21);
  });

  it("the person can include one by its line, or all of them", async () => {
    const byLine = await addAccount(f, "Probable by line", "checking");
    await enterByHand(byLine);
    const seen = await preview(f.user, f, byLine, fixture("chase-checking.csv"));
    const line = seen.rows.find((r) => r.status === "probable_duplicate")?.line ?? 0;
    const chosen = await preview(f.user, f, byLine, fixture("chase-checking.csv"), { includeLines: [line] });
    expect(chosen.totals).toMatchObject({
      probableDuplicates: 1,
      includedProbableDuplicates: 1,
      toImport: 20,
    });
    const done = await commit(f.user, f, byLine, fixture("chase-checking.csv"), { includeLines: [line] });
    expect(done.import.importedCount).toBe(20);

    const all = await addAccount(f, "Probable, all", "checking");
    await enterByHand(all);
    const everything = await commit(f.user, f, all, fixture("chase-checking.csv"), {
      includeProbableDuplicates: true,
    });
    expect(everything.import).toMatchObject({ importedCount: 20, duplicateCount: 0 });
  });

  it("an OFX download of rows first imported from CSV: no shared bank id, so similar rows are probable duplicates", async () => {
    const accountId = await addAccount(f, "CSV then OFX", "checking");
    const fromCsv = csv(
      "Date,Description,Amount\n01/02/2026,AETNA AS01 HCCLAIMPMT PPD ID: 1066033492,420.00\n",
    );
    await commit(f.user, f, accountId, fromCsv);
    const seen = await preview(f.user, f, accountId, fixture("bank-ofx1.ofx"));
    expect(seen.totals).toMatchObject({ probableDuplicates: 1, new: 10 });
    expect(seen.rows.find((r) => r.bankId === "20260102-0001")?.status).toBe("probable_duplicate");
  });
});
