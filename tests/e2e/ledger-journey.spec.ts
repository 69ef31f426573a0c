import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expectNoSeriousA11yViolations } from "./support/axe.js";
import { expect as baseExpect, test } from "./support/fixtures.js";

// A therapist's first evening with the books: sign up, start a practice, add the checking
// account and two payers, record two payments and three expenses from the keyboard form, then
// read them back — the profit and loss on screen and as a CSV whose totals must equal what was
// typed, the account reconciled to a statement, a trip in the mileage log, the tax planner and
// the dashboard. axe-core checks every page; the fixture fails on any console error or CSP
// violation.

const PASSWORD = "tide tables and a long grey pier";
const PRACTICE_NAME = "Harbor Light Therapy";

test.use({ timezoneId: "America/Chicago" });

// A single browser, but a busy two-core machine: pages that wait on several API answers get
// fifteen seconds to settle.
const expect = baseExpect.configure({ timeout: 15_000 });

const INCOME = [
  { payer: "Aetna", amount: "1,250.00" },
  { payer: "Private pay", amount: "480.00" },
];
const EXPENSES = [
  { category: "Office rent", vendor: "Harbor Office Suites", amount: "900.00", line: "20b" },
  { category: "Continuing education", vendor: "PESI", amount: "199.00", line: "27a" },
  { category: "Liability and malpractice insurance", vendor: "CPH", amount: "350.50", line: "15" },
];
// In cents, from the figures above: 1,730.00 in, 1,449.50 out, 280.50 profit.
const INCOME_CENTS = 125_000 + 48_000;
const EXPENSE_CENTS = 90_000 + 19_900 + 35_050;

/** "1730.00" (the CSV's plain decimal dollars) → 173000. */
function csvCents(text: string | undefined): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(text ?? "");
  if (!match) throw new Error(`Not an amount: ${text}`);
  return (match[1] ? -1 : 1) * (Number(match[2]) * 100 + Number(match[3]));
}

async function signUpAndStartPractice(page: Page): Promise<string> {
  await page.goto("/sign-up");
  await page.getByRole("textbox", { name: "Email" }).fill(`ledger-${Date.now().toString(36)}@example.test`);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("checkbox", { name: /I accept the Terms of Service/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/, { timeout: 30_000 });
  const onboarding = page.getByRole("form", { name: "New practice" });
  await onboarding.getByLabel("Practice name").fill(PRACTICE_NAME);
  await onboarding.getByRole("button", { name: "Create practice" }).click();
  await expect(page).toHaveURL(/\/practices\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/")[2] ?? "";
}

async function openSection(page: Page, name: string, heading: string) {
  await page.getByRole("navigation", { name: "Practice" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

async function record(form: Locator, kind: "Income" | "Expense", fill: (form: Locator) => Promise<void>) {
  // The radio itself is visually hidden inside its segmented-control label: the label is what a pointer clicks.
  const radio = form.getByRole("radio", { name: new RegExp(`^${kind}`) });
  if (!(await radio.isChecked())) await radio.locator("xpath=..").click();
  await expect(radio).toBeChecked();
  await fill(form);
  // Enter records it from any field; the amount is the field focused after a save.
  await form.getByLabel("Amount").press("Enter");
  await expect(form.getByRole("status").last()).toContainText(`Recorded ${kind.toLowerCase()}`);
}

test("a therapist records a month, reads the P&L and its CSV, reconciles, logs a trip and plans tax", async ({
  page,
}) => {
  // One sign-up (bcrypt), a dozen API writes and nine axe-core runs on a shared two-core machine.
  test.setTimeout(360_000);
  const practiceId = await signUpAndStartPractice(page);

  await test.step("a new practice's overview says what to do first", async () => {
    await expect(page.getByRole("heading", { level: 1, name: PRACTICE_NAME })).toBeVisible();
    await expect(page.getByText(/Nothing recorded for \d{4} yet/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Add an account" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Practice" });
    for (const name of ["Reports", "Mileage", "Tax"]) {
      await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, "the overview of a new practice");
  });

  await test.step("add the checking account", async () => {
    await openSection(page, "Accounts", "Accounts");
    await expect(page.getByText("No accounts yet")).toBeVisible();
    const form = page.getByRole("form", { name: "Add an account" });
    await form.getByLabel("Account name").fill("Business checking");
    await form.getByLabel("Type").selectOption({ label: "Checking" });
    await form.getByLabel("Opening balance (optional)").fill("1,000.00");
    await form.getByRole("button", { name: "Add account" }).click();
    await expect(page.getByRole("row", { name: /Business checking/ })).toContainText("$1,000.00");
    await expectNoSeriousA11yViolations(page, "the accounts page");
  });

  await test.step("add two payers", async () => {
    await openSection(page, "Payers", "Payers");
    const form = page.getByRole("form", { name: "Add a payer" });
    for (const [name, kind] of [
      ["Aetna", "Insurance"],
      ["Private pay", "Private pay"],
    ] as const) {
      await form.getByLabel("Payer name").fill(name);
      await form.getByLabel("Type").selectOption({ label: kind });
      await form.getByRole("button", { name: "Add payer" }).click();
      await expect(page.getByText(`${name} added.`)).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, "the payers page");
  });

  await test.step("the preset categories are there", async () => {
    await openSection(page, "Categories", "Categories");
    for (const expense of EXPENSES) {
      await expect(page.getByText(expense.category, { exact: true }).first()).toBeVisible();
    }
    await expectNoSeriousA11yViolations(page, "the categories page");
  });

  await test.step("record two payments and three expenses from the keyboard form", async () => {
    await openSection(page, "Transactions", "Transactions");
    const form = page.getByRole("form", { name: "Record a transaction" });
    for (const income of INCOME) {
      await record(form, "Income", async (f) => {
        await f.getByLabel("Amount").fill(income.amount);
        await f.getByLabel("Payer").selectOption({ label: income.payer });
      });
    }
    for (const expense of EXPENSES) {
      await record(form, "Expense", async (f) => {
        await f.getByLabel("Amount").fill(expense.amount);
        await f.getByLabel("Vendor").fill(expense.vendor);
        await f.getByLabel("Category").selectOption({ label: expense.category });
      });
    }
    const list = page.getByRole("region", { name: "Transactions", exact: true });
    for (const text of ["Aetna", "Private pay", ...EXPENSES.map((e) => e.vendor)]) {
      await expect(list.getByRole("row").filter({ hasText: text })).toHaveCount(1);
    }
    await expectNoSeriousA11yViolations(page, "the transactions page");
  });

  await test.step("the profit and loss adds up on the page", async () => {
    await openSection(page, "Reports", "Reports");
    await expect(page.getByRole("radio", { name: "This year" })).toBeChecked();
    await expect(page.getByRole("tab", { name: "Profit and loss" })).toHaveAttribute("aria-selected", "true");
    const figures = page.getByRole("tabpanel");
    await expect(figures.getByRole("definition").filter({ hasText: "$1,730.00" })).toBeVisible();
    const table = figures.getByRole("table", { name: "Profit and loss by Schedule C line" });
    await expect(table.getByRole("row", { name: /Gross receipts/ })).toContainText("$1,730.00");
    for (const expense of EXPENSES) {
      await expect(table.getByRole("row").filter({ hasText: new RegExp(`^${expense.line}`) })).toContainText(
        `$${expense.amount}`,
      );
    }
    await expect(table.getByRole("row", { name: /Total expenses/ })).toContainText("$1,449.50");
    await expect(table.getByRole("row", { name: /Tentative profit/ })).toContainText("$280.50");
    await expectNoSeriousA11yViolations(page, "the reports page");
  });

  await test.step("the CSV download carries the same totals", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: /Download CSV/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^profit-and-loss_\d{4}-01-01_\d{4}-12-31\.csv$/);
    const rows = parse(fs.readFileSync(await download.path(), "utf8")) as string[][];
    expect(rows[0]).toEqual(["Line", "Description", "Amount", "Deductible"]);
    const byLine = new Map(rows.slice(1).map((row) => [row[0], row]));
    expect(csvCents(byLine.get("1")?.[2])).toBe(INCOME_CENTS);
    const lineRows = rows.slice(2, -2);
    expect(lineRows.reduce((sum, row) => sum + csvCents(row[2]), 0)).toBe(EXPENSE_CENTS);
    for (const expense of EXPENSES) {
      expect(csvCents(byLine.get(expense.line)?.[2])).toBe(csvCents(expense.amount.replace(",", "")));
    }
    expect(csvCents(byLine.get("28")?.[3])).toBe(EXPENSE_CENTS);
    expect(csvCents(byLine.get("29")?.[3])).toBe(INCOME_CENTS - EXPENSE_CENTS);

    const pdf = page.waitForEvent("download");
    await page.getByRole("link", { name: /Download PDF/ }).click();
    const pdfFile = fs.readFileSync(await (await pdf).path());
    expect(pdfFile.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  await test.step("income by payer shows each payer's share, with the arrow keys", async () => {
    await page.getByRole("tab", { name: "Profit and loss" }).press("ArrowRight");
    await expect(page.getByRole("tab", { name: "Income by payer" })).toBeFocused();
    const table = page.getByRole("table", { name: "Income by payer" });
    await expect(table.getByRole("row", { name: /Aetna/ })).toContainText("72.25%");
    await expect(table.getByRole("row", { name: /Private pay/ })).toContainText("27.75%");
  });

  await test.step("the account reconciles to its statement", async () => {
    await openSection(page, "Accounts", "Accounts");
    await page.getByRole("button", { name: "Reconcile Business checking" }).click();
    const dialog = page.getByRole("dialog", { name: "Reconcile Business checking" });
    // 1,000.00 opening + 1,730.00 in − 1,449.50 out.
    await dialog.getByLabel("Ending balance").fill("1,280.50");
    await dialog.getByRole("button", { name: "Compare with the ledger" }).click();
    await expect(dialog.getByText("Balanced", { exact: true }).first()).toBeVisible();
    await expect(dialog.getByRole("table", { name: "Past reconciliations" })).toContainText("$1,280.50");
    await expectNoSeriousA11yViolations(page, "the reconcile dialog");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(dialog).toBeHidden();
  });

  let mileageCents = 0;
  await test.step("log a trip in the mileage log", async () => {
    await openSection(page, "Mileage", "Mileage log");
    await expect(page.getByText(/No trips logged for \d{4}/)).toBeVisible();
    const form = page.getByRole("form", { name: "Log a trip" });
    await form.getByLabel("Miles").fill("12.5");
    await form.getByLabel("Purpose").fill("Home visit");
    await form.getByLabel("Purpose").press("Enter");
    await expect(form.getByRole("status")).toContainText("Logged 12.5 miles");
    await expect(form.getByLabel("Miles")).toBeFocused();
    await expect(page.getByRole("table", { name: "Trips" })).toContainText("Home visit");
    await expect(page.getByRole("radio", { name: /Standard mileage rate/ })).toBeChecked();
    // What the trip adds to line 9 depends on the IRS rate of the day it was logged.
    const lineNine = page.locator("dt", { hasText: "Added to Schedule C line 9" }).locator("xpath=../dd");
    await expect(lineNine).toHaveText(/^\$\d+\.\d{2}$/);
    mileageCents = csvCents((await lineNine.textContent())?.replace("$", ""));
    await expectNoSeriousA11yViolations(page, "the mileage page");
  });

  await test.step("the tax planner asks for a profile, then shows the plan", async () => {
    await openSection(page, "Tax", "Tax planner");
    await expect(page.getByText(/S corporations are not covered/)).toBeVisible();
    await expect(page.getByText(/No plan for \d{4} yet/)).toBeVisible();
    const form = page.getByRole("form", { name: /Tax profile for \d{4}/ });
    await form.getByLabel("Filing status").selectOption({ label: "Single" });
    await form.getByLabel("Your W-2 wages").fill("20,000");
    await form.getByLabel("Federal tax withheld").fill("1,500");
    await form.getByLabel("State income tax rate (%)").fill("4.95");
    await form.getByLabel(/total tax$/).fill("2,400");
    await form.getByLabel(/adjusted gross income$/).fill("38,000");
    await form.getByRole("button", { name: /Save profile/ }).click();
    await expect(page.getByText("What is due next")).toBeVisible();
    const quarters = page.getByRole("table", { name: /Federal estimated tax due dates/ });
    await expect(quarters.getByRole("row")).toHaveCount(5);
    await expect(page.getByRole("table", { name: /How the \d{4} estimate is worked out/ })).toContainText(
      "Self-employment tax",
    );
    await expectNoSeriousA11yViolations(page, "the tax planner");
  });

  await test.step("the dashboard agrees with the reports, the trip included", async () => {
    await openSection(page, "Overview", PRACTICE_NAME);
    const totals = page.getByRole("region", { name: /This year so far/ });
    await expect(totals.getByRole("definition").filter({ hasText: "$1,730.00" })).toBeVisible();
    // The trip is on line 9 too, so expenses and profit move by its value.
    const money = (cents: number) =>
      `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    await expect(
      totals.getByRole("definition").filter({ hasText: money(EXPENSE_CENTS + mileageCents) }),
    ).toBeVisible();
    await expect(
      totals.getByRole("definition").filter({ hasText: money(INCOME_CENTS - EXPENSE_CENTS - mileageCents) }),
    ).toBeVisible();
    await expect(totals.getByText("Tax to set aside")).toBeVisible();
    await expect(totals.getByRole("img", { name: /Income and expenses by month/ })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "the dashboard");
  });

  expect(practiceId).toMatch(/^[0-9a-f-]{36}$/);
});
