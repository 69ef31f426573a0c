// Acceptance 2 of issue 6, classification: a transfer between the practice's own accounts (a card
// payment from checking, a move to savings) is paired both ways and classified as a transfer, so
// nothing counts twice; federal estimated tax payments are filed as estimated_tax and reach the
// tax planner; the practice's rules classify what they match; the rest is unreviewed.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rules } from "../../../src/db/schema/imports.js";
import { transactionAudit, transactions } from "../../../src/db/schema/ledger.js";
import { createPractice } from "../../support/practices.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createLedgerFixture, expectJson, type LedgerFixture } from "../ledger/ledger-support.js";
import { accountRows, addAccount, commit, csv, fixture, preview } from "./import-support.js";

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

/** A practice of its own (the Owner of the fixture's), so other tests' accounts offer no transfers. */
async function ownPractice() {
  const practiceId = await createPractice(f.owner);
  return { practiceId, base: `/api/practices/${practiceId}`, owner: f.owner };
}

async function row(id: string) {
  const [found] = await t.database.db.select().from(transactions).where(eq(transactions.id, id));
  if (!found) throw new Error(`no transaction ${id}`);
  return found;
}

describe("transfers between the practice's accounts", () => {
  it("checking → savings: the savings row pairs with the checking row already in the ledger, both ways", async () => {
    const p = await ownPractice();
    const checking = await addAccount(p, "Checking", "checking");
    const savings = await addAccount(p, "Savings", "savings");
    await commit(p.owner, p, checking, fixture("chase-checking.csv"));
    const out = (await accountRows(p.owner, p, checking)).find((r) => r.amountCents === -200_000);
    if (!out) throw new Error("the transfer out is missing");
    expect(out.classification).toBe("unreviewed");

    const seen = await preview(p.owner, p, savings, fixture("bank.qfx"), { fileName: "bank.qfx" });
    const incoming = seen.rows.find((r) => r.amountCents === 200_000);
    expect(incoming).toMatchObject({
      classification: "transfer",
      proposedBy: "transfer",
      transferWith: { transactionId: out.id, accountId: checking, date: "2026-01-14" },
    });
    expect(seen.totals.transfers).toBe(1);

    const done = await commit(p.owner, p, savings, fixture("bank.qfx"), { fileName: "bank.qfx" });
    expect(done.import.transferCount).toBe(1);
    const inRow = (await accountRows(p.owner, p, savings)).find((r) => r.amountCents === 200_000);
    expect(inRow).toMatchObject({ classification: "transfer", transferPairId: out.id });
    expect(await row(out.id)).toMatchObject({ classification: "transfer", transferPairId: inRow?.id });
    // The change to the checking row is in its trail, as automation.
    const trail = await t.database.db
      .select()
      .from(transactionAudit)
      .where(eq(transactionAudit.transactionId, out.id));
    expect(trail.map((e) => [e.action, e.origin])).toEqual([
      ["create", "user"],
      ["update", "rule"],
    ]);
    // "TRANSFER TO CHECKING FOR IRS Q4 ESTIMATE" has no other side here, and is not a tax payment.
    const toChecking = (await accountRows(p.owner, p, savings)).find((r) => r.amountCents === -250_000);
    expect(toChecking?.classification).toBe("unreviewed");
  });

  it("a card payment: the checking debit pairs with the card's payment within three days, not four", async () => {
    const p = await ownPractice();
    const card = await addAccount(p, "Card", "credit_card", "4821");
    const checking = await addAccount(p, "Checking", "checking");
    await commit(p.owner, p, card, fixture("card-ofx2.ofx"), { fileName: "card.ofx" });
    const payment = (await accountRows(p.owner, p, card)).find((r) => r.amountCents === 118_342);
    if (!payment) throw new Error("the card payment is missing");

    const fourDaysLater = csv("Date,Description,Amount\n01/20/2026,CHASE CREDIT CRD AUTOPAY,-1183.42\n");
    const far = await preview(p.owner, p, checking, fourDaysLater);
    expect(far.rows[0]).toMatchObject({ transferWith: null, classification: "unreviewed" });

    const nextDay = csv("Date,Description,Amount\n01/17/2026,CHASE CREDIT CRD AUTOPAY,-1183.42\n");
    const done = await commit(p.owner, p, checking, nextDay);
    expect(done.totals.transfers).toBe(1);
    const debit = (await accountRows(p.owner, p, checking))[0];
    expect(debit).toMatchObject({ classification: "transfer", transferPairId: payment.id });
    expect(await row(payment.id)).toMatchObject({ classification: "transfer", transferPairId: debit?.id });
  });

  it("a row a person classified otherwise, or one already paired, is not taken as the other side", async () => {
    const p = await ownPractice();
    const card = await addAccount(p, "Card", "credit_card");
    const checking = await addAccount(p, "Checking", "checking");
    const first = csv(
      "Date,Description,Amount\n01/16/2026,PAYMENT THANK YOU,1183.42\n01/16/2026,PAYMENT THANK YOU AGAIN,500.00\n",
    );
    await commit(p.owner, p, card, first);
    const rows = await accountRows(p.owner, p, card);
    const kept = rows.find((r) => r.amountCents === 50_000);
    const res = await p.owner.client.send("PATCH", `${p.base}/transactions/${kept?.id}`, {
      classification: "owner_contribution",
    });
    expect(res.status).toBe(200);
    const debits = csv(
      "Date,Description,Amount\n01/16/2026,AUTOPAY ONE,-1183.42\n01/17/2026,AUTOPAY TWO,-1183.42\n01/16/2026,AUTOPAY THREE,-500.00\n",
    );
    const seen = await preview(p.owner, p, checking, debits);
    expect(seen.rows.map((r) => r.proposedBy)).toEqual(["transfer", null, null]);
  });
});

describe("federal estimated tax payments", () => {
  it("IRS USATAXPYMT, US TREASURY TAX PYMT and EFTPS debits are estimated_tax and reach the tax planner", async () => {
    const p = await ownPractice();
    const checking = await addAccount(p, "Checking", "checking");
    const file = csv(
      "Date,Description,Amount\n" +
        "04/15/2025,US TREASURY TAX PYMT 1040ES,-1200.00\n" +
        "06/16/2025,EFTPS DIRECT DEBIT IRS,-1300.00\n" +
        "07/01/2025,IRS TREAS 310 TAX REF,250.00\n" +
        "07/02/2025,TAX PREP SOFTWARE,-89.00\n",
    );
    const done = await commit(p.owner, p, checking, file);
    expect(done.totals.estimatedTax).toBe(2);
    await commit(p.owner, p, checking, fixture("chase-checking.csv"));
    const rows = await accountRows(p.owner, p, checking);
    const taxes = rows.filter((r) => r.classification === "estimated_tax").map((r) => r.amountCents);
    expect(taxes.sort((a, b) => a - b)).toEqual([-360_000, -130_000, -120_000]);
    expect(rows.find((r) => r.amountCents === 25_000)?.classification).toBe("unreviewed");

    const planner = await expectJson<{ payments: { source: string; amountCents: number; date: string }[] }>(
      await p.owner.client.get(`${p.base}/tax/payments?year=2025`),
      200,
    );
    expect(planner.payments.filter((x) => x.source === "ledger").map((x) => [x.date, x.amountCents])).toEqual(
      [
        ["2025-04-15", 120_000],
        ["2025-06-16", 130_000],
        ["2026-01-15", 360_000],
      ],
    );
  });

  it.each([
    ["bofa-checking-with-summary.csv", -350_000],
    ["credit-union-withdrawals-deposits.csv", -280_000],
    ["wells-fargo-no-header.csv", -310_000],
    ["bank-ofx1.ofx", -360_000],
  ])("%s: its IRS payment is estimated tax", async (name, cents) => {
    const p = await ownPractice();
    const checking = await addAccount(p, "Checking", "checking");
    const done = await commit(p.owner, p, checking, fixture(name), { fileName: name });
    expect(done.totals.estimatedTax).toBe(1);
    const tax = (await accountRows(p.owner, p, checking)).filter((r) => r.classification === "estimated_tax");
    expect(tax.map((r) => r.amountCents)).toEqual([cents]);
  });
});

describe("the practice's rules", () => {
  it("the first enabled rule that matches classifies the row; disabled rules and rules to archived payers are left out", async () => {
    const p = await ownPractice();
    const checking = await addAccount(p, "Checking", "checking");
    const { payer: aetna } = await expectJson<{ payer: { id: string } }>(
      await p.owner.client.post(`${p.base}/payers`, { name: "Aetna", kind: "insurance" }),
      201,
    );
    const { payer: optum } = await expectJson<{ payer: { id: string } }>(
      await p.owner.client.post(`${p.base}/payers`, { name: "Optum", kind: "insurance" }),
      201,
    );
    await p.owner.client.send("PATCH", `${p.base}/payers/${optum.id}`, { archived: true });
    const { categories } = await expectJson<{ categories: { id: string; presetKey: string | null }[] }>(
      await p.owner.client.get(`${p.base}/categories`),
      200,
    );
    const ehr = categories.find((c) => c.presetKey === "ehr_software")?.id ?? "";
    const practiceId = p.practiceId;
    const [software] = await t.database.db
      .insert(rules)
      .values([
        {
          practiceId,
          position: 1,
          name: "EHR",
          conditions: { descriptionContains: "simplepractice" },
          classification: "expense",
          categoryId: ehr,
        },
        {
          practiceId,
          position: 2,
          name: "Aetna",
          conditions: { descriptionStartsWith: "AETNA", direction: "in" },
          classification: "income",
          payerId: aetna.id,
        },
        {
          practiceId,
          position: 3,
          name: "Off",
          conditions: { descriptionContains: "zoom" },
          classification: "personal",
          enabled: false,
        },
        {
          practiceId,
          position: 4,
          name: "Archived payer",
          conditions: { descriptionContains: "optum" },
          classification: "income",
          payerId: optum.id,
        },
        {
          practiceId,
          position: 5,
          name: "Fees",
          conditions: { descriptionPattern: "service fee$", amountMaxCents: 2000 },
          classification: "personal",
        },
      ])
      .returning({ id: rules.id });
    const seen = await preview(p.owner, p, checking, fixture("chase-checking.csv"));
    expect(seen.rows.find((r) => r.description.startsWith("SIMPLEPRACTICE"))).toMatchObject({
      classification: "expense",
      proposedBy: "rule",
      ruleId: software?.id,
    });
    const done = await commit(p.owner, p, checking, fixture("chase-checking.csv"));
    expect(done.import.ruleClassifiedCount).toBe(3);
    const rows = await accountRows(p.owner, p, checking);
    const byStart = (text: string) => rows.find((r) => r.description.startsWith(text));
    expect(byStart("SIMPLEPRACTICE")).toMatchObject({ classification: "expense" });
    expect((await row(byStart("SIMPLEPRACTICE")?.id ?? "")).categoryId).toBe(ehr);
    expect((await row(byStart("AETNA")?.id ?? "")).payerId).toBe(aetna.id);
    expect(byStart("MONTHLY SERVICE FEE")?.classification).toBe("personal");
    expect(byStart("ZOOM")?.classification).toBe("unreviewed");
    expect(byStart("OPTUM")?.classification).toBe("unreviewed");
    expect(rows.every((r) => r.lockedFields.length === 0)).toBe(true);
  });
});
