// Acceptance 3 of issue 6: an import is one batch record (file name, hash, counts, who, when); undo
// removes exactly that batch's transactions unless a person has edited one since, in which case it
// says which and removes nothing (or, asked to, only the unedited ones).
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transactionAudit, transactions } from "../../../src/db/schema/ledger.js";
import { createPractice } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
} from "../ledger/ledger-support.js";
import { accountRows, addAccount, type Batch, commit, csv, fixture } from "./import-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

type Undo = { undo: { batchId: string; removedCount: number; keptCount: number; unpairedCount: number } };

const undoPath = (base: string, accountId: string, batchId: string, query = "") =>
  `${base}/accounts/${accountId}/imports/${batchId}${query}`;

async function history(accountId?: string): Promise<Batch[]> {
  const path = accountId ? `${f.base}/accounts/${accountId}/imports` : `${f.base}/imports`;
  return (await expectJson<{ imports: Batch[] }>(await f.user.client.get(path), 200)).imports;
}

describe("history", () => {
  it("lists each import with its file, hash, counts, who and when, newest first", async () => {
    const accountId = await addAccount(f, "History", "checking");
    const first = await commit(f.user, f, accountId, fixture("jan-feb.csv"), { fileName: "jan-feb.csv" });
    const second = await commit(f.admin, f, accountId, fixture("feb-mar.csv"), { fileName: "feb-mar.csv" });
    const listed = await history(accountId);
    expect(listed.map((b) => b.id)).toEqual([second.import.id, first.import.id]);
    expect(listed[0]).toMatchObject({
      fileName: "feb-mar.csv",
      format: "csv",
      rowCount: 10,
      importedCount: 3,
      duplicateCount: 7,
      createdBy: f.admin.userId,
      createdByEmail: f.admin.email,
      undoneAt: null,
    });
    expect(listed[0]?.fileSha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await history()).map((b) => b.id)).toEqual(
      expect.arrayContaining([first.import.id, second.import.id]),
    );
  });
});

describe("undo", () => {
  it("removes exactly the batch's transactions, each in the audit trail; the batch stays in history as undone", async () => {
    const accountId = await addAccount(f, "Undo exactly", "checking");
    const manual = await expectJson<{ transaction: { id: string } }>(
      await f.user.client.post(`${f.base}/transactions`, {
        accountId,
        date: "2026-01-05",
        amountCents: -185_000,
        description: "SUNRISE OFFICE SUITES RENT",
      }),
      201,
    );
    const janFeb = await commit(f.user, f, accountId, fixture("jan-feb.csv"));
    const later = await commit(
      f.user,
      f,
      accountId,
      csv("Date,Description,Amount\n03/20/2026,LATER IMPORT,-5.00\n"),
    );
    // The manual rent row is a duplicate of the file's first row, so the batch added 10.
    expect(janFeb.import.importedCount).toBe(10);
    const removedIds = (await accountRows(f.user, f, accountId))
      .filter((r) => r.importBatchId === janFeb.import.id)
      .map((r) => r.id);

    const undone = await expectJson<Undo>(
      await f.user.client.delete(undoPath(f.base, accountId, janFeb.import.id)),
      200,
    );
    expect(undone.undo).toMatchObject({ removedCount: 10, keptCount: 0 });
    const left = await accountRows(f.user, f, accountId);
    expect(left.map((r) => r.id).sort()).toEqual(
      [
        manual.transaction.id,
        ...left.filter((r) => r.importBatchId === later.import.id).map((r) => r.id),
      ].sort(),
    );
    const deletions = await t.database.db
      .select()
      .from(transactionAudit)
      .where(
        and(inArray(transactionAudit.transactionRef, removedIds), eq(transactionAudit.action, "delete")),
      );
    expect(deletions).toHaveLength(10);
    expect(deletions.every((d) => d.changedBy === f.user.userId && d.before !== null)).toBe(true);

    const listed = (await history(accountId)).find((b) => b.id === janFeb.import.id);
    expect(listed?.undoneAt).not.toBeNull();
    await expectError(
      await f.user.client.delete(undoPath(f.base, accountId, janFeb.import.id)),
      409,
      "conflict",
    );
    // The same file again brings the rows back (the duplicates are gone).
    expect((await commit(f.user, f, accountId, fixture("jan-feb.csv"))).import.importedCount).toBe(10);
  });

  it("refuses, naming them, when a person has edited transactions since; keepEdited removes only the others", async () => {
    const accountId = await addAccount(f, "Undo after edits", "checking");
    const done = await commit(f.user, f, accountId, fixture("chase-checking.csv"));
    const rows = await accountRows(f.user, f, accountId);
    const rent = rows.find((r) => r.description.includes("SUNRISE OFFICE SUITES"));
    const fee = rows.find((r) => r.description === "MONTHLY SERVICE FEE");
    expect(
      (
        await f.user.client.send("PATCH", `${f.base}/transactions/${rent?.id}`, {
          classification: "expense",
          categoryId: f.category.office_rent,
        })
      ).status,
    ).toBe(200);
    // A memo is not a locked field, but a person wrote it: that is an edit too.
    expect(
      (await f.user.client.send("PATCH", `${f.base}/transactions/${fee?.id}`, { memo: "ask the bank" }))
        .status,
    ).toBe(200);

    const refused = await expectError(
      await f.user.client.delete(undoPath(f.base, accountId, done.import.id)),
      409,
      "conflict",
    );
    expect(refused.message).toContain("2 transactions from this import have been changed by hand");
    expect(refused.message).toContain("SUNRISE OFFICE SUITES");
    const details = refused.details as { editedCount: number; edited: { id: string }[] };
    expect(details.editedCount).toBe(2);
    expect(details.edited.map((e) => e.id).sort()).toEqual([rent?.id, fee?.id].sort());
    expect(await accountRows(f.user, f, accountId)).toHaveLength(20);

    const partial = await expectJson<Undo>(
      await f.user.client.delete(undoPath(f.base, accountId, done.import.id, "?keepEdited=true")),
      200,
    );
    expect(partial.undo).toMatchObject({ removedCount: 18, keptCount: 2 });
    expect((await accountRows(f.user, f, accountId)).map((r) => r.id).sort()).toEqual(
      [rent?.id, fee?.id].sort(),
    );
  });

  it("a rule's change is not an edit: the row goes with the batch", async () => {
    const accountId = await addAccount(f, "Undo after a rule", "checking");
    const done = await commit(
      f.user,
      f,
      accountId,
      csv("Date,Description,Amount\n03/03/2026,ZOOM.US,-15.99\n"),
    );
    const [row] = await accountRows(f.user, f, accountId);
    await t.database.db.insert(transactionAudit).values({
      practiceId: f.practiceId,
      transactionId: row?.id ?? "",
      transactionRef: row?.id ?? "",
      action: "update",
      origin: "rule",
      before: { classification: "unreviewed" },
      after: { classification: "personal" },
    });
    const undone = await expectJson<Undo>(
      await f.user.client.delete(undoPath(f.base, accountId, done.import.id)),
      200,
    );
    expect(undone.undo.removedCount).toBe(1);
  });

  it("unpairs the other side of a transfer, and gives it back its classification", async () => {
    const practiceId = await createPractice(f.owner);
    const p = { base: `/api/practices/${practiceId}`, owner: f.owner };
    const checking = await addAccount(p, "Checking", "checking");
    const savings = await addAccount(p, "Savings", "savings");
    const fromChecking = await commit(f.owner, p, checking, fixture("chase-checking.csv"));
    const toSavings = await commit(f.owner, p, savings, fixture("bank.qfx"), { fileName: "bank.qfx" });
    const out = (await accountRows(f.owner, p, checking)).find((r) => r.amountCents === -200_000);
    expect(out).toMatchObject({ classification: "transfer" });

    const undone = await expectJson<Undo>(
      await f.owner.client.delete(undoPath(p.base, savings, toSavings.import.id)),
      200,
    );
    expect(undone.undo).toMatchObject({ removedCount: 4, unpairedCount: 1 });
    const [after] = await t.database.db
      .select()
      .from(transactions)
      .where(eq(transactions.id, out?.id ?? ""));
    expect(after).toMatchObject({ classification: "unreviewed", transferPairId: null });

    // The other way round: the savings row was created as a transfer; undoing checking unpairs it.
    const again = await commit(f.owner, p, savings, fixture("bank.qfx"), { fileName: "bank.qfx" });
    expect(again.totals.transfers).toBe(1);
    await expectJson<Undo>(
      await f.owner.client.delete(undoPath(p.base, checking, fromChecking.import.id)),
      200,
    );
    const incoming = (await accountRows(f.owner, p, savings)).find((r) => r.amountCents === 200_000);
    expect(incoming).toMatchObject({ classification: "unreviewed", transferPairId: null });
  });

  it("a closed year is left alone (409 period_closed); another account's or practice's batch is 404", async () => {
    const accountId = await addAccount(f, "Undo in a closed year", "checking");
    const done = await commit(
      f.user,
      f,
      accountId,
      csv("Date,Description,Amount\n06/03/2024,OLD CHARGE,-15.00\n"),
    );
    const closed = await f.owner.client.post(`${f.base}/closed-years/2024`);
    expect(closed.status).toBe(201);
    const error = await expectError(
      await f.user.client.delete(undoPath(f.base, accountId, done.import.id)),
      409,
      "period_closed",
    );
    expect(error.message).toContain("2024 is closed");
    expect(await accountRows(f.user, f, accountId)).toHaveLength(1);
    await f.owner.client.delete(`${f.base}/closed-years/2024`);

    await expectError(
      await f.user.client.delete(undoPath(f.base, f.accountId, done.import.id)),
      404,
      "not_found",
    );
    await expectError(
      await f.outsider.client.delete(undoPath(f.otherBase, f.other.accountId, done.import.id)),
      404,
      "not_found",
    );
  });
});
