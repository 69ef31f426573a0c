import { PRIVACY_VERSION, TERMS_VERSION } from "../../src/domain/legal.js";
import { CONTACT } from "../../web/features/public/contact.js";
import { expectNoSeriousA11yViolations } from "./support/axe.js";
import { expect, test } from "./support/fixtures.js";

// Every page here is served by the real server, so its CSP applies: the fixture fails the test
// on any violation, console error or uncaught exception along the way.

test("a visitor reads the landing, security, terms and privacy pages", async ({ page }) => {
  test.slow(); // four pages and four axe-core runs in one journey
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["content-security-policy"]).toContain("script-src 'self'");

  await expect(page).toHaveTitle(/TherapyLedger/);
  await expect(
    page.getByRole("heading", { level: 1, name: "The financial back office for your therapy practice" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Create account" }).first()).toHaveAttribute(
    "href",
    "/sign-up",
  );
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toHaveAttribute("href", "/sign-in");
  await expect(
    page.getByRole("heading", { name: "Financial data only. No clinical data, no client names." }),
  ).toBeVisible();
  // The footer asks /api/health through the typed client: proof that the client reaches the API.
  await expect(page.getByText("Service online")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security" }).click();
  await expect(page).toHaveURL(/\/security$/);
  await expect(page).toHaveTitle("Security · TherapyLedger");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How TherapyLedger protects your data");
  const item = (title: string) =>
    page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { level: 3, name: title, exact: true }) });
  await expect(item("Content Security Policy")).toContainText("In place");
  await expect(item("Content Security Policy")).toContainText("frame-ancestors 'none'");
  for (const header of [
    "X-Frame-Options: DENY",
    "X-Content-Type-Options: nosniff",
    "Referrer-Policy",
    "Permissions-Policy",
    "HTTP Strict Transport Security (HSTS)",
    "Parameterized queries through Drizzle ORM",
    "Two-factor authentication",
    "Field encryption with AES-256-GCM",
  ]) {
    await expect(item(header)).toContainText("In place");
  }
  // What is still being built says so.
  await expect(item("Plaid, for bank linking")).toContainText("Coming soon");
  await expect(item("Export everything")).toContainText("Coming soon");
  const reportTo = page.getByRole("main").getByRole("link", { name: CONTACT.security });
  await expect(reportTo).toHaveAttribute("href", `mailto:${CONTACT.security}`);
  await expectNoSeriousA11yViolations(page);

  const footer = page.getByRole("contentinfo");
  await footer.getByRole("link", { name: "Terms of Service" }).click();
  await expect(page).toHaveURL(/\/terms$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terms of Service");
  await expect(page.getByText(`Version ${TERMS_VERSION}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await footer.getByRole("link", { name: "Privacy Policy" }).click();
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Privacy Policy");
  await expect(page.getByText(`Version ${PRIVACY_VERSION}`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("an unknown address shows the not-found page", async ({ page }) => {
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not find that page");
  await expect(page.getByText("/no-such-page")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: "Back to the home page" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("a keyboard user can skip straight to the content", async ({ page }) => {
  await page.goto("/security");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the pages fit a phone screen without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/security", "/terms", "/privacy"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // A string, because this file is type-checked for Node, without the DOM's types.
    const overflow = Number(await page.evaluate("document.documentElement.scrollWidth - window.innerWidth"));
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
  await expectNoSeriousA11yViolations(page);
});
