import { describe, expect, it } from "vitest";
import {
  type ClassifiedFields,
  classificationIssues,
  yearOf,
} from "../../../src/domain/ledger/classification.js";

const none: ClassifiedFields = {
  classification: "unreviewed",
  payerId: null,
  categoryId: null,
  method: null,
  sessionsCount: null,
  processorFeeCents: null,
};
const paths = (fields: Partial<ClassifiedFields>, splits = 0) =>
  classificationIssues({ ...none, ...fields }, splits).map((i) => i.path);

describe("classificationIssues", () => {
  it.each([
    [
      "income with a payer",
      { classification: "income", payerId: "p", method: "card", processorFeeCents: 30 },
      0,
      [],
    ],
    ["income split across payers", { classification: "income" }, 2, []],
    ["income without a payer", { classification: "income" }, 0, ["payerId"]],
    ["split income that also names a payer", { classification: "income", payerId: "p" }, 2, ["payerId"]],
    [
      "income with a category",
      { classification: "income", payerId: "p", categoryId: "c" },
      0,
      ["categoryId"],
    ],
    ["an expense with a category", { classification: "expense", categoryId: "c" }, 0, []],
    ["an expense without one", { classification: "expense" }, 0, ["categoryId"]],
    [
      "an expense with a method and sessions",
      { classification: "expense", categoryId: "c", method: "cash", sessionsCount: 1 },
      0,
      ["method", "sessionsCount"],
    ],
    ["a transfer", { classification: "transfer" }, 0, []],
    ["a transfer with a payer", { classification: "transfer", payerId: "p" }, 0, ["payerId"]],
    ["a split owner draw", { classification: "owner_draw" }, 2, ["splits"]],
    [
      "an estimated tax payment with a fee",
      { classification: "estimated_tax", processorFeeCents: 1 },
      0,
      ["processorFeeCents"],
    ],
    ["an unreviewed entry", {}, 0, []],
  ] as const)("%s → %j", (_label, fields, splits, expected) => {
    expect(paths(fields as Partial<ClassifiedFields>, splits)).toEqual(expected);
  });

  it("reads the year of an ISO date", () => {
    expect(yearOf("2025-12-31")).toBe(2025);
  });
});
