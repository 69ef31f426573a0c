/**
 * The pure decisions of an import (decision 0013): duplicate detection by bank id and by counted
 * (date, amount, description) keys, probable duplicates, transfer pairing within three days, and
 * federal estimated tax wordings.
 */

import { describe, expect, it } from "vitest";
import { DuplicateFinder, type ExistingRow } from "../../../src/domain/import/duplicate-finder.js";
import { isFederalEstimatedTaxPayment } from "../../../src/domain/import/estimated-tax.js";
import { proposeClassification } from "../../../src/domain/import/proposal.js";
import { shiftDate, similarDescriptions } from "../../../src/domain/import/row-matching.js";
import { TransferMatcher } from "../../../src/domain/import/transfer-matcher.js";

const ledgerRow = (
  id: string,
  date: string,
  amountCents: number,
  description: string,
  bankId: string | null = null,
): ExistingRow => ({
  id,
  date,
  amountCents,
  description,
  bankId,
});

function finderFor(
  existing: ExistingRow[],
  file: { date: string; amountCents: number; description: string; bankId?: string }[],
) {
  const finder = new DuplicateFinder();
  finder.addExisting(existing);
  return file.map((row) => finder.check(row));
}

describe("exact duplicates", () => {
  it("count occurrences: a file's k-th row with a key is a duplicate while the ledger has k rows with it", () => {
    const zoom = { date: "2026-02-10", amountCents: -1599, description: "ZOOM.US  888-799-9666" };
    const results = finderFor(
      [ledgerRow("a", "2026-02-10", -1599, "zoom.us 888-799-9666")],
      [zoom, zoom, zoom],
    );
    expect(results.map((r) => r.status)).toEqual(["duplicate", "new", "new"]);
    expect(results[0]).toEqual({ status: "duplicate", reason: "same_row", transactionId: "a" });
  });

  it("a bank id decides alone, also against a repeat inside the file", () => {
    const row = { date: "2026-01-02", amountCents: 42_000, description: "AETNA", bankId: "F1" };
    const results = finderFor(
      [ledgerRow("a", "2026-01-01", 1, "x", "F1")],
      [row, { ...row, bankId: "F2" }, { ...row, bankId: "F2" }],
    );
    expect(results.map((r) => r.status)).toEqual(["duplicate", "new", "duplicate"]);
    expect(results[2]).toEqual({ status: "duplicate", reason: "bank_id", transactionId: null });
  });
});

describe("probable duplicates", () => {
  it("same amount, at most three days apart, similar words; each ledger row answers once, the nearest first", () => {
    const existing = [
      ledgerRow("far", "2026-01-01", -2995, "Psychology Today listing"),
      ledgerRow("near", "2026-01-07", -2995, "PSYCHOLOGY TODAY"),
    ];
    const row = {
      date: "2026-01-09",
      amountCents: -2995,
      description: "PSYCHOLOGY TODAY 646-4958000 NY 01/08",
    };
    expect(
      finderFor(existing, [row, row, row]).map((r) => ("transactionId" in r ? r.transactionId : r.status)),
    ).toEqual(["near", "new", "new"]);
    const fiveDays = { ...row, date: "2026-01-12" };
    expect(finderFor(existing, [fiveDays])[0]?.status).toBe("new");
    expect(finderFor(existing, [{ ...row, description: "ZOOM.US" }])[0]?.status).toBe("new");
  });

  it("a ledger row used by an exact match is no candidate; two different bank ids are two transactions", () => {
    const existing = [ledgerRow("a", "2026-01-02", 500, "STRIPE TRANSFER", "F9")];
    expect(
      finderFor(existing, [
        { date: "2026-01-03", amountCents: 500, description: "STRIPE TRANSFER", bankId: "F8" },
      ])[0]?.status,
    ).toBe("new");
    const withoutId = [ledgerRow("b", "2026-01-02", 500, "STRIPE TRANSFER")];
    const file = [
      { date: "2026-01-02", amountCents: 500, description: "STRIPE TRANSFER" },
      { date: "2026-01-03", amountCents: 500, description: "STRIPE TRANSFER PAYOUT" },
    ];
    expect(finderFor(withoutId, file).map((r) => r.status)).toEqual(["duplicate", "new"]);
  });

  it("similar descriptions share half of the shorter one's words, one of three letters or more", () => {
    expect(similarDescriptions("ZOOM.US 888-799-9666 CA 01/06", "ZOOM.US 888-799-9666 SAN JOSE CA")).toBe(
      true,
    );
    expect(similarDescriptions("ZOOM.US", "SIMPLEPRACTICE")).toBe(false);
    expect(similarDescriptions("CHECK 1043", "CHECK 1044")).toBe(true);
    expect(similarDescriptions("12345", "12345")).toBe(false);
  });
});

describe("transfers", () => {
  it("pair the opposite amount on another account within three days, nearest first, once each", () => {
    const matcher = new TransferMatcher();
    matcher.addCandidates([
      { id: "far", accountId: "card", date: "2026-01-13", amountCents: 118_342, description: "PAYMENT" },
      { id: "near", accountId: "card", date: "2026-01-16", amountCents: 118_342, description: "PAYMENT" },
    ]);
    expect(matcher.claim({ date: "2026-01-17", amountCents: -118_342 })?.id).toBe("near");
    expect(matcher.claim({ date: "2026-01-17", amountCents: -118_342 })).toBeNull();
    expect(matcher.claim({ date: "2026-01-16", amountCents: -118_342 })?.id).toBe("far");
    expect(matcher.claim({ date: "2026-01-16", amountCents: 118_342 })).toBeNull();
    expect(shiftDate("2026-03-01", -3)).toBe("2026-02-26");
  });
});

describe("estimated tax and the order of proposals", () => {
  it.each([
    ["IRS USATAXPYMT PPD ID: 3387702000", -360_000, true],
    ["IRS DES:USATAXPYMT ID:XXXXX25526", -350_000, true],
    ["US TREASURY TAX PYMT", -120_000, true],
    ["EFTPS DIRECT DEBIT", -130_000, true],
    ["IRS 1040ES PAYMENT", -100_000, true],
    ["IRS TREAS 310 TAX REF", 25_000, false],
    ["TRANSFER TO CHECKING FOR IRS Q4 ESTIMATE", -250_000, false],
    ["TAX PREP SOFTWARE", -8900, false],
  ])("%s (%i) → %s", (description, cents, expected) => {
    expect(isFederalEstimatedTaxPayment(description, cents)).toBe(expected);
  });

  it("a transfer wins over rules, rules over the estimated tax wording", () => {
    const rule = {
      id: "r1",
      position: 1,
      conditions: { descriptionContains: "irs" },
      action: { classification: "personal" as const },
    };
    const subject = { description: "IRS USATAXPYMT", amountCents: -100, accountId: "a" };
    expect(proposeClassification([rule], subject, { transfer: true }).source).toBe("transfer");
    expect(proposeClassification([rule], subject, { transfer: false })).toMatchObject({
      classification: "personal",
      ruleId: "r1",
    });
    expect(proposeClassification([], subject, { transfer: false }).classification).toBe("estimated_tax");
    expect(
      proposeClassification([], { ...subject, description: "ZOOM" }, { transfer: false }).classification,
    ).toBe("unreviewed");
  });
});

describe("a batch of rows", () => {
  it("takes its exact matches first, so their ledger rows are not offered as probable twins", () => {
    const finder = new DuplicateFinder();
    finder.addExisting([ledgerRow("x", "2026-01-05", -2000, "OFFICE DEPOT #2214")]);
    const checks = finder.checkBatch([
      { date: "2026-01-06", amountCents: -2000, description: "OFFICE DEPOT #2214 AUSTIN" },
      { date: "2026-01-05", amountCents: -2000, description: "OFFICE DEPOT #2214" },
    ]);
    expect(checks.map((c) => c.status)).toEqual(["new", "duplicate"]);
  });
});
