// Reconciling an account: a statement's ending balance against the ledger's balance on that date,
// computed from the opening balance and every transaction dated on or before it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
  record,
} from "../ledger/ledger-support.js";

type Reconciliation = {
  id: string;
  accountId: string;
  statementDate: string;
  statementBalanceCents: number;
  ledgerBalanceCents: number;
  differenceCents: number;
  createdBy: string | null;
};
type Reconciled = {
  reconciliation: Reconciliation;
  sincePrevious: { previousStatementDate: string; transactionCount: number; netCents: number } | null;
  afterStatementDate: { transactionCount: number; netCents: number };
};

let t: TestApp;
let f: LedgerFixture;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
  const { account } = await expectJson<{ account: { id: string } }>(
    await f.admin.client.post(`${f.base}/accounts`, {
      name: "Savings",
      kind: "savings",
      openingBalanceCents: 100_000,
    }),
    201,
  );
  accountId = account.id;
});
afterAll(async () => t?.close());

const path = () => `${f.base}/accounts/${accountId}/reconciliations`;
const entry = (date: string, amountCents: number) =>
  record(f.user, f, { accountId, date, amountCents, classification: "transfer" });

describe("reconciliation", () => {
  it("compares the statement with the ledger on its date; later transactions are left out", async () => {
    await entry("2025-01-10", 50_000);
    await entry("2025-01-31", -20_000);
    await entry("2025-02-05", 5_000);
    // Another account's transaction on the same dates changes nothing here.
    await record(f.user, f, { date: "2025-01-15", amountCents: 777_777, classification: "transfer" });

    // $1,000.00 opening + $500.00 − $200.00 (dated on the statement date, so included) = $1,300.00.
    const first = await expectJson<Reconciled>(
      await f.user.client.post(path(), { statementDate: "2025-01-31", statementBalanceCents: 131_000 }),
      201,
    );
    expect(first.reconciliation).toMatchObject({
      accountId,
      statementDate: "2025-01-31",
      statementBalanceCents: 131_000,
      ledgerBalanceCents: 130_000,
      differenceCents: 1_000,
      createdBy: f.user.userId,
    });
    expect(first.sincePrevious).toBeNull();
    expect(first.afterStatementDate).toEqual({ transactionCount: 1, netCents: 5_000 });

    const second = await expectJson<Reconciled>(
      await f.user.client.post(path(), { statementDate: "2025-02-28", statementBalanceCents: 135_000 }),
      201,
    );
    expect(second.reconciliation).toMatchObject({ ledgerBalanceCents: 135_000, differenceCents: 0 });
    expect(second.sincePrevious).toEqual({
      previousStatementDate: "2025-01-31",
      transactionCount: 1,
      netCents: 5_000,
    });
    expect(second.afterStatementDate).toEqual({ transactionCount: 0, netCents: 0 });

    // The missing $10.00 is found and entered: the list shows the January figure now agrees.
    await entry("2025-01-20", 1_000);
    const { reconciliations } = await expectJson<{
      reconciliations: (Reconciliation & { currentLedgerBalanceCents: number })[];
    }>(await f.user.client.get(path()), 200);
    expect(
      reconciliations.map((r) => [
        r.statementDate,
        r.ledgerBalanceCents,
        r.differenceCents,
        r.currentLedgerBalanceCents,
      ]),
    ).toEqual([
      ["2025-02-28", 135_000, 0, 136_000],
      ["2025-01-31", 130_000, 1_000, 131_000],
    ]);
  });

  it("works on a card account's negative balance, to the cent", async () => {
    const { account } = await expectJson<{ account: { id: string } }>(
      await f.owner.client.post(`${f.base}/accounts`, { name: "Card", kind: "credit_card" }),
      201,
    );
    await record(f.user, f, {
      accountId: account.id,
      date: "2025-03-03",
      amountCents: -12_345,
      classification: "expense",
      categoryId: f.category.supplies,
    });
    await record(f.user, f, {
      accountId: account.id,
      date: "2025-03-04",
      amountCents: -1,
      classification: "personal",
    });
    const res = await f.user.client.post(`${f.base}/accounts/${account.id}/reconciliations`, {
      statementDate: "2025-03-31",
      statementBalanceCents: -12_345,
    });
    expect((await expectJson<Reconciled>(res, 201)).reconciliation).toMatchObject({
      ledgerBalanceCents: -12_346,
      differenceCents: 1,
    });
  });

  it("another practice's account is 404; bad input is 400; nothing is stored", async () => {
    const before = await snapshotDatabase(t.database.db);
    const foreign = `${f.base}/accounts/${f.other.accountId}/reconciliations`;
    await expectError(
      await f.owner.client.post(foreign, { statementDate: "2025-01-31", statementBalanceCents: 0 }),
      404,
      "not_found",
    );
    await expectError(await f.owner.client.get(foreign), 404, "not_found");
    for (const body of [
      {},
      { statementDate: "2025-01-31" },
      { statementDate: "2025-01-31", statementBalanceCents: 10.5 },
      { statementDate: "31/01/2025", statementBalanceCents: 10 },
      { statementDate: "2025-01-31", statementBalanceCents: 100_000_000_001 },
    ]) {
      await expectError(await f.user.client.post(path(), body), 400, "validation_failed");
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });
});
