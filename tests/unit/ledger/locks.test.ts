import { describe, expect, it } from "vitest";
import {
  lockOf,
  partitionAutomatedChange,
  withLocks,
  withoutLocks,
} from "../../../src/domain/ledger/locks.js";

describe("field locks", () => {
  it("keep one canonical order without repeats", () => {
    expect(withLocks(["amount", "payer"], ["date", "payer", "classification"])).toEqual([
      "classification",
      "payer",
      "date",
      "amount",
    ]);
    expect(withoutLocks(["classification", "payer", "amount"], ["payer"])).toEqual([
      "classification",
      "amount",
    ]);
  });

  it("name the property each guards", () => {
    expect(lockOf("payerId")).toBe("payer");
    expect(lockOf("amountCents")).toBe("amount");
    expect(lockOf("memo")).toBeUndefined();
  });

  it("split an automated change into what it may apply and what a person locked", () => {
    const change = {
      classification: "income",
      payerId: "p",
      description: "ACH",
      amountCents: 5,
      date: undefined,
    };
    expect(partitionAutomatedChange(["payer", "amount", "date"], change)).toEqual({
      allowed: { classification: "income", description: "ACH" },
      skipped: ["payer", "amount"],
    });
    expect(partitionAutomatedChange([], { categoryId: null })).toEqual({
      allowed: { categoryId: null },
      skipped: [],
    });
  });
});
