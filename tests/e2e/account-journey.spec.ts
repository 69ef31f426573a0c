import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe.js";
import { expect, test } from "./support/fixtures.js";
import { freshTotpCode } from "./support/totp.js";

// One person's account, end to end, on the real server with its CSP: sign up, turn on
// two-factor, save the backup codes, then sign in again with a TOTP code and with a backup
// code. Every page is checked with axe-core, and the fixture fails the test on any console
// error or CSP violation (a stray 4xx from the API would show up as one).

const PASSWORD = "a long and quiet lake at dawn";

async function openUserMenu(page: Page, email: string) {
  await page
    .getByRole("button", { name: new RegExp(`Your account: ${email.replace(/[.+]/g, "\\$&")}`) })
    .click();
}

async function signOut(page: Page, email: string) {
  await openUserMenu(page, email);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

async function signInWithPassword(page: Page, email: string) {
  await page.getByRole("textbox", { name: "Email" }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/two-factor$/, { timeout: BCRYPT_HEAVY_MS });
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor authentication" })).toBeVisible();
}

/** Requests that run several bcrypt compares or hashes (cost 12, ~250 ms each on an idle core). */
const BCRYPT_HEAVY_MS = 30_000;

/** Lands in the app after signing in: /app picks the practice, or onboarding when there is none. */
async function expectSignedIn(page: Page) {
  await expect(page).toHaveURL(/\/(practices\/[0-9a-f-]+|onboarding|account)/, { timeout: BCRYPT_HEAVY_MS });
}

test("a therapist signs up, turns on two-factor and signs in with a code and a backup code", async ({
  page,
}) => {
  // Waiting for a fresh 30-second TOTP step can take up to half a minute, and axe runs on
  // eight pages.
  test.setTimeout(180_000);
  const email = `journey-${Date.now()}@example.com`;

  await test.step("sign up, accepting the terms", async () => {
    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
    await expectNoSeriousA11yViolations(page, "/sign-up");
    // The box is required: without it the form says so next to it and sends nothing.
    await page.getByRole("textbox", { name: "Email" }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Accept the Terms of Service and Privacy Policy to continue.")).toBeVisible();
    await page.getByRole("checkbox", { name: /I accept the Terms of Service/ }).check();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/onboarding$/, { timeout: BCRYPT_HEAVY_MS });
  });

  await test.step("create the practice, if onboarding is there", async () => {
    const practiceName = page.getByLabel("Practice name");
    if (await practiceName.isVisible({ timeout: 5_000 }).catch(() => false)) {
      await practiceName.fill("Lakeside Counseling");
      await page.getByRole("button", { name: "Create practice" }).click();
      await expect(page).toHaveURL(/\/practices\/[0-9a-f-]+$/);
    }
  });

  await test.step("open the account settings", async () => {
    await openUserMenu(page, email);
    await page.getByRole("link", { name: "Account settings" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Email address" })).toContainText(email);
    await expectNoSeriousA11yViolations(page, "/account");
  });

  let secret = "";
  let backupCodes: string[] = [];
  await test.step("turn on two-factor with the secret shown on the page", async () => {
    await page
      .getByRole("navigation", { name: "Account settings" })
      .getByRole("link", { name: "Two-factor authentication" })
      .click();
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await page.getByRole("button", { name: "Set up two-factor" }).click();
    await expect(page.getByRole("img", { name: /QR code/ })).toBeVisible();
    secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectNoSeriousA11yViolations(page, "/account/two-factor (set-up)");
    await page.getByLabel("6-digit code").fill(await freshTotpCode(secret));
    await page.getByRole("button", { name: "Turn on two-factor" }).click();
  });

  await test.step("save the ten backup codes", async () => {
    const list = page.getByRole("list", { name: "Your backup codes" });
    // Ten bcrypt hashes at cost 12 are made before the answer: seconds on a busy machine.
    await expect(list.getByRole("listitem")).toHaveCount(10, { timeout: BCRYPT_HEAVY_MS });
    backupCodes = (await list.locator("code").allInnerTexts()).map((code) => code.trim());
    expect(backupCodes).toHaveLength(10);
    for (const code of backupCodes) expect(code).toMatch(/^[0-9a-z]{5}-[0-9a-z]{5}-[0-9a-z]{3}$/);
    await expect(page.getByRole("link", { name: "Download as text" })).toHaveAttribute("href", /^blob:/);
    await expectNoSeriousA11yViolations(page, "/account/two-factor (backup codes)");
    // Moving on without saying they were saved is refused.
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText("Save the codes first, then tick this box.")).toBeVisible();
    await page.getByRole("checkbox", { name: "I saved my backup codes somewhere safe." }).check();
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("region", { name: "Status" })).toContainText("On");
    await expect(page.getByRole("list", { name: "Your backup codes" })).toHaveCount(0);
  });

  await test.step("sign out, then sign in with a code from the authenticator", async () => {
    await signOut(page, email);
    await expectNoSeriousA11yViolations(page, "/sign-in");
    await signInWithPassword(page, email);
    await expectNoSeriousA11yViolations(page, "/sign-in/two-factor");
    const code = page.getByLabel("6-digit code");
    await expect(code).toHaveAttribute("inputmode", "numeric");
    await expect(code).toHaveAttribute("autocomplete", "one-time-code");
    await code.fill(await freshTotpCode(secret));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expectSignedIn(page);
  });

  await test.step("sign out, then sign in with a backup code", async () => {
    await signOut(page, email);
    await signInWithPassword(page, email);
    await page.getByRole("button", { name: "Use a backup code instead" }).click();
    const field = page.getByLabel("Backup code");
    await expect(field).toBeFocused();
    await field.fill(backupCodes[0] ?? "");
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expectSignedIn(page);
  });

  await test.step("the security activity tells the story", async () => {
    await page.goto("/account/security-events");
    const table = page.getByRole("table");
    await expect(table).toContainText("Backup code used (9 left)");
    await expect(table).toContainText("Signed in with a password and an authenticator code");
    await expect(table).toContainText("Two-factor authentication turned on");
    await expect(table).toContainText("Account created");
    await expectNoSeriousA11yViolations(page, "/account/security-events");
  });
});
