import { expect } from "vitest";
import type { Account } from "../../support/accounts.js";
import { createPracticeFixture, type PracticeFixture } from "../../support/practices.js";
import type { TestApp } from "../../support/test-app.js";

export type Transaction = {
  id: string;
  accountId: string;
  date: string;
  amountCents: number;
  description: string;
  memo: string | null;
  classification: string;
  payerId: string | null;
  categoryId: string | null;
  method: string | null;
  sessionsCount: number | null;
  processorFeeCents: number | null;
  vendor: string | null;
  lockedFields: string[];
  source: string;
  createdBy: string | null;
  splits: {
    id: string;
    amountCents: number;
    payerId: string | null;
    categoryId: string | null;
    memo: string | null;
  }[];
};

export type Category = {
  id: string;
  name: string;
  scheduleCLine: string;
  presetKey: string | null;
  isPreset: boolean;
};

/** A practice (Owner, Admin, User, and an outsider with a practice of their own) with a ledger to use. */
export type LedgerFixture = PracticeFixture & {
  base: string;
  otherBase: string;
  accountId: string;
  aetnaId: string;
  privatePayId: string;
  /** Preset categories by key. */
  category: Record<string, string>;
  /** In the outsider's practice: an account, a payer and a category. */
  other: { accountId: string; payerId: string; categoryId: string };
};

/** Expects the status and returns the JSON body. */
export async function expectJson<T = Record<string, unknown>>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return (text ? JSON.parse(text) : {}) as T;
}

export async function expectError(res: Response, status: number, code?: string) {
  const body = await expectJson<{ error: { code: string; message: string; details?: unknown } }>(res, status);
  if (code) expect(body.error.code, body.error.message).toBe(code);
  return body.error;
}

async function setUpLedger(owner: Account, base: string) {
  const { account } = await expectJson<{ account: { id: string } }>(
    await owner.client.post(`${base}/accounts`, {
      name: "Business checking",
      kind: "checking",
      last4: "1234",
    }),
    201,
  );
  const payerIds: string[] = [];
  for (const [name, kind] of [
    ["Aetna", "insurance"],
    ["Private pay", "private_pay"],
  ]) {
    const { payer } = await expectJson<{ payer: { id: string } }>(
      await owner.client.post(`${base}/payers`, { name, kind }),
      201,
    );
    payerIds.push(payer.id);
  }
  const { categories } = await expectJson<{ categories: Category[] }>(
    await owner.client.get(`${base}/categories`),
    200,
  );
  const category = Object.fromEntries(categories.filter((c) => c.presetKey).map((c) => [c.presetKey, c.id]));
  return { accountId: account.id, payerIds, category };
}

export async function createLedgerFixture(t: TestApp): Promise<LedgerFixture> {
  const f = await createPracticeFixture(t);
  const base = `/api/practices/${f.practiceId}`;
  const otherBase = `/api/practices/${f.otherPracticeId}`;
  const mine = await setUpLedger(f.owner, base);
  const theirs = await setUpLedger(f.outsider, otherBase);
  return {
    ...f,
    base,
    otherBase,
    accountId: mine.accountId,
    aetnaId: mine.payerIds[0] ?? "",
    privatePayId: mine.payerIds[1] ?? "",
    category: mine.category,
    other: {
      accountId: theirs.accountId,
      payerId: theirs.payerIds[0] ?? "",
      categoryId: theirs.category.office_rent ?? "",
    },
  };
}

/** Posts a transaction as `who` and returns it (expects 201). */
export async function record(
  who: Account,
  f: LedgerFixture,
  body: Record<string, unknown>,
): Promise<Transaction> {
  const res = await who.client.post(`${f.base}/transactions`, { accountId: f.accountId, ...body });
  return (await expectJson<{ transaction: Transaction }>(res, 201)).transaction;
}

export function income(f: LedgerFixture, amountCents: number, extra: Record<string, unknown> = {}) {
  return { date: "2025-04-10", amountCents, classification: "income", payerId: f.aetnaId, ...extra };
}

export function expense(f: LedgerFixture, amountCents: number, extra: Record<string, unknown> = {}) {
  return {
    date: "2025-04-11",
    amountCents,
    classification: "expense",
    categoryId: f.category.office_rent,
    ...extra,
  };
}

export async function patch(who: Account, f: LedgerFixture, id: string, body: Record<string, unknown>) {
  return who.client.send("PATCH", `${f.base}/transactions/${id}`, body);
}

/**
 * Leaves a row in every ledger table, as a person would: an account, payers with a rate, split
 * income (transaction, splits, audit; categories come with the practice) and a closed year.
 * The deletion tests use it so that a new ledger table cannot escape them.
 */
export async function seedLedgerRows(owner: Account, practiceId: string): Promise<void> {
  const base = `/api/practices/${practiceId}`;
  const { account } = await expectJson<{ account: { id: string } }>(
    await owner.client.post(`${base}/accounts`, { name: "Checking", kind: "checking" }),
    201,
  );
  const payerIds: string[] = [];
  for (const name of ["Aetna", "Private pay"]) {
    const body = { name, kind: "insurance", rates: [{ serviceCode: "90837", rateCents: 15_000 }] };
    payerIds.push(
      (await expectJson<{ payer: { id: string } }>(await owner.client.post(`${base}/payers`, body), 201))
        .payer.id,
    );
  }
  await expectJson(
    await owner.client.post(`${base}/transactions`, {
      accountId: account.id,
      date: "2025-03-03",
      amountCents: 30_000,
      classification: "income",
      splits: payerIds.map((payerId) => ({ amountCents: 15_000, payerId })),
    }),
    201,
  );
  await expectJson(await owner.client.post(`${base}/closed-years/2020`), 201);
  await seedPlanningRows(owner, base, account.id);
  // The rules table (issue 6): a rule naming the account and a payer.
  await expectJson(
    await owner.client.post(`${base}/rules`, {
      conditions: { descriptionContains: "aetna", accountId: account.id },
      action: { classification: "income", payerId: payerIds[0] },
    }),
    201,
  );
  await seedImportRows(owner, base, account.id);
}

/** The planning tables (issue 5): the Owner's tax profile and a recorded payment, a trip, a vehicle method, a reconciliation. */
async function seedPlanningRows(owner: Account, base: string, accountId: string): Promise<void> {
  await expectJson(
    await owner.client.send("PUT", `${base}/tax/profile/2025`, { filingStatus: "single" }),
    200,
  );
  await expectJson(
    await owner.client.post(`${base}/tax/payments`, { date: "2025-04-15", amountCents: 250_000 }),
    201,
  );
  await expectJson(
    await owner.client.post(`${base}/mileage`, { date: "2025-03-04", miles: 12.5, purpose: "Home visit" }),
    201,
  );
  await expectJson(
    await owner.client.send("PUT", `${base}/mileage/method/2025`, { method: "standard_mileage" }),
    200,
  );
  await expectJson(
    await owner.client.post(`${base}/accounts/${accountId}/reconciliations`, {
      statementDate: "2025-03-31",
      statementBalanceCents: 30_000,
    }),
    201,
  );
}

/** The import tables (issue 6): a committed statement leaves a batch and the account's CSV columns. */
async function seedImportRows(owner: Account, base: string, accountId: string): Promise<void> {
  const token = await owner.client.csrf();
  const res = await owner.client.fetch(`${base}/accounts/${accountId}/imports?fileName=seed.csv`, {
    method: "POST",
    headers: { "x-csrf-token": token, "content-type": "application/octet-stream" },
    body: new TextEncoder().encode("Date,Description,Amount\n05/05/2025,OFFICE DEPOT #2214,-21.00\n"),
  });
  await expectJson(res, 201);
}
