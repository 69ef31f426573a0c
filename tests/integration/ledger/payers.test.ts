// Payers: managed by Owners and Admins with contracted rates; a name that looks like a client's
// earns a warning; deleting one in use asks where its transactions go, so nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCESS_FORBIDDEN } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  income,
  type LedgerFixture,
  record,
  type Transaction,
} from "./ledger-support.js";

type PayerJson = {
  id: string;
  name: string;
  kind: string;
  rates: { serviceCode: string; rateCents: number }[];
  transactionCount: number;
  archivedAt: string | null;
};
type PayerAnswer = { payer: PayerJson; warning: { code: string; message: string } | null };

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

async function addPayer(body: Record<string, unknown>): Promise<PayerAnswer> {
  return expectJson<PayerAnswer>(await f.admin.client.post(`${f.base}/payers`, body), 201);
}

async function payers(query = ""): Promise<PayerJson[]> {
  return (await expectJson<{ payers: PayerJson[] }>(await f.user.client.get(`${f.base}/payers${query}`), 200))
    .payers;
}

describe("payers", () => {
  it("an Admin adds an insurer with contracted rates; codes are normalised; no warning for a business", async () => {
    const { payer, warning } = await addPayer({
      name: "Blue Cross Blue Shield",
      kind: "insurance",
      rates: [
        { serviceCode: "90837", rateCents: 14_250 },
        { serviceCode: "90834-95", rateCents: 11_000 },
        { serviceCode: "g0438", rateCents: 9_000 },
      ],
    });
    expect(warning).toBeNull();
    expect(payer.rates).toEqual([
      { serviceCode: "90834-95", rateCents: 11_000 },
      { serviceCode: "90837", rateCents: 14_250 },
      { serviceCode: "G0438", rateCents: 9_000 },
    ]);
    const put = await expectJson<{ payer: PayerJson }>(
      await f.admin.client.send("PUT", `${f.base}/payers/${payer.id}/rates`, {
        rates: [{ serviceCode: "90791", rateCents: 17_500 }],
      }),
      200,
    );
    expect(put.payer.rates).toEqual([{ serviceCode: "90791", rateCents: 17_500 }]);
    expect((await payers()).find((p) => p.id === payer.id)?.rates).toEqual(put.payer.rates);
  });

  it("refuses a repeated service code, a malformed one and a negative rate (400)", async () => {
    for (const rates of [
      [
        { serviceCode: "90837", rateCents: 1 },
        { serviceCode: "90837", rateCents: 2 },
      ],
      [{ serviceCode: "9083", rateCents: 1 }],
      [{ serviceCode: "90837", rateCents: -1 }],
    ]) {
      const res = await f.admin.client.send("PUT", `${f.base}/payers/${f.aetnaId}/rates`, { rates });
      await expectError(res, 400, "validation_failed");
    }
  });

  it("a name that looks like a person's is saved with a warning suggesting Private pay, on create and rename", async () => {
    const created = await addPayer({ name: "Jane Doe", kind: "private_pay" });
    expect(created.warning?.code).toBe("possible_client_name");
    expect(created.warning?.message).toMatch(/Private pay/);
    const renamed = await expectJson<PayerAnswer>(
      await f.admin.client.send("PATCH", `${f.base}/payers/${created.payer.id}`, {
        name: "Maria Garcia Lopez",
      }),
      200,
    );
    expect(renamed.warning?.code).toBe("possible_client_name");
    const fixed = await expectJson<PayerAnswer>(
      await f.admin.client.send("PATCH", `${f.base}/payers/${created.payer.id}`, { name: "Lyra Health" }),
      200,
    );
    expect(fixed.warning).toBeNull();
  });

  it("names are unique in the practice, whatever their case (409); another practice may use the same", async () => {
    const res = await f.admin.client.post(`${f.base}/payers`, { name: "  aETNA ", kind: "insurance" });
    expect((await expectError(res, 409, "conflict")).message).toMatch(/already exists/);
    await expectError(
      await f.admin.client.send("PATCH", `${f.base}/payers/${f.privatePayId}`, { name: "AETNA" }),
      409,
      "conflict",
    );
  });

  it("a User lists payers but cannot add, change, re-rate or delete one (403)", async () => {
    const attempts = [
      await f.user.client.post(`${f.base}/payers`, { name: "Cigna", kind: "insurance" }),
      await f.user.client.send("PATCH", `${f.base}/payers/${f.aetnaId}`, { kind: "other" }),
      await f.user.client.send("PUT", `${f.base}/payers/${f.aetnaId}/rates`, { rates: [] }),
      await f.user.client.delete(`${f.base}/payers/${f.aetnaId}`),
    ];
    for (const res of attempts) expect((await expectError(res, 403)).message).toBe(ACCESS_FORBIDDEN);
    expect((await payers()).length).toBeGreaterThan(0);
  });

  it("an archived payer stays on its transactions but cannot be chosen for new ones (409)", async () => {
    const { payer } = await addPayer({ name: "Optum EAP", kind: "eap" });
    await record(f.user, f, income(f, 8_000, { payerId: payer.id }));
    await expectJson(
      await f.admin.client.send("PATCH", `${f.base}/payers/${payer.id}`, { archived: true }),
      200,
    );
    expect((await payers()).map((p) => p.id)).not.toContain(payer.id);
    expect((await payers("?includeArchived=true")).find((p) => p.id === payer.id)?.transactionCount).toBe(1);
    const res = await f.user.client.post(`${f.base}/transactions`, {
      accountId: f.accountId,
      ...income(f, 8_000, { payerId: payer.id }),
    });
    await expectError(res, 409, "conflict");
  });
});

describe("deleting a payer", () => {
  it("an unused payer simply goes", async () => {
    const { payer } = await addPayer({ name: "Magellan", kind: "insurance" });
    expect(await expectJson(await f.admin.client.delete(`${f.base}/payers/${payer.id}`), 200)).toEqual({
      reassigned: 0,
    });
  });

  it("in use, it asks where the transactions go (409 with the count) and changes nothing", async () => {
    const { payer } = await addPayer({ name: "Cigna", kind: "insurance" });
    await record(f.user, f, income(f, 12_000, { payerId: payer.id }));
    await record(f.user, f, {
      date: "2025-06-02",
      amountCents: 20_000,
      classification: "income",
      splits: [
        { amountCents: 5_000, payerId: payer.id },
        { amountCents: 15_000, payerId: f.privatePayId },
      ],
    });
    const error = await expectError(
      await f.admin.client.delete(`${f.base}/payers/${payer.id}`),
      409,
      "in_use",
    );
    expect(error.details).toEqual({ transactionCount: 2 });
    expect((await payers()).find((p) => p.id === payer.id)?.transactionCount).toBe(2);

    const elsewhere = `${f.base}/payers/${payer.id}?reassignTo=${f.other.payerId}`;
    await expectError(await f.admin.client.delete(elsewhere), 404, "not_found");
    await expectError(
      await f.admin.client.delete(`${f.base}/payers/${payer.id}?reassignTo=${payer.id}`),
      400,
    );
    expect((await payers()).map((p) => p.id)).toContain(payer.id);
  });

  it("with reassignTo, every transaction and split moves to the other payer, each move audited", async () => {
    const { payer } = await addPayer({ name: "Humana", kind: "insurance" });
    const single = await record(f.user, f, income(f, 9_900, { payerId: payer.id }));
    const split = await record(f.user, f, {
      date: "2025-06-03",
      amountCents: 10_000,
      classification: "income",
      splits: [
        { amountCents: 4_000, payerId: payer.id },
        { amountCents: 6_000, payerId: f.privatePayId },
      ],
    });
    const res = await f.admin.client.delete(`${f.base}/payers/${payer.id}?reassignTo=${f.aetnaId}`);
    expect(await expectJson(res, 200)).toEqual({ reassigned: 2 });
    const get = async (id: string) =>
      (
        await expectJson<{ transaction: Transaction }>(
          await f.user.client.get(`${f.base}/transactions/${id}`),
          200,
        )
      ).transaction;
    expect((await get(single.id)).payerId).toBe(f.aetnaId);
    expect((await get(split.id)).splits.map((s) => s.payerId)).toEqual([f.aetnaId, f.privatePayId]);
    const { entries } = await expectJson<{ entries: { action: string; before: unknown; after: unknown }[] }>(
      await f.admin.client.get(`${f.base}/transactions/${split.id}/audit`),
      200,
    );
    expect(entries[0]).toMatchObject({
      action: "update",
      before: { payerId: payer.id },
      after: { payerId: f.aetnaId },
    });
  });

  it("transactions in a closed year are not moved: 409, and the payer stays", async () => {
    const { payer } = await addPayer({ name: "Tricare", kind: "insurance" });
    await record(f.user, f, income(f, 7_000, { payerId: payer.id, date: "2023-02-01" }));
    await expectJson(await f.owner.client.post(`${f.base}/closed-years/2023`), 201);
    const res = await f.admin.client.delete(`${f.base}/payers/${payer.id}?reassignTo=${f.aetnaId}`);
    await expectError(res, 409, "period_closed");
    expect((await payers()).map((p) => p.id)).toContain(payer.id);
  });
});
