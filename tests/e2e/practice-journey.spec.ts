import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe.js";
import { expect as baseExpect, test } from "./support/fixtures.js";

// An Owner starts a practice and invites an Admin, who invites a User; the User can neither see
// the members page nor change a role. Three people, three browser contexts, one server.

const PASSWORD = "a long walk by the river 2026";
const PRACTICE_NAME = "Riverside Counseling";

test.use({ timezoneId: "America/Chicago" });

// Three browsers and one server share a two-core machine: a page that needs three API answers
// can take longer than the default five seconds to settle, so this journey waits up to fifteen.
const expect = baseExpect.configure({ timeout: 15_000 });

function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;
}

/**
 * The outbox folders the e2e server may be writing to. start-server.mjs makes a fresh
 * DATA_DIR under the system temp folder (tl-e2e-*) and does not tell the tests where, so look
 * in all of them; E2E_OUTBOX_DIR wins when set. Addresses are unique to this run, so an old
 * folder can never answer for a new one.
 */
function outboxFolders(): string[] {
  if (process.env.E2E_OUTBOX_DIR) return [process.env.E2E_OUTBOX_DIR];
  const tmp = os.tmpdir();
  return fs
    .readdirSync(tmp)
    .filter((name) => name.startsWith("tl-e2e-"))
    .map((name) => path.join(tmp, name, "outbox"));
}

type OutboxMessage = { to: string; subject: string; text: string; sentAt: string };

function readMessagesTo(address: string): OutboxMessage[] {
  const messages: OutboxMessage[] = [];
  for (const folder of outboxFolders()) {
    let names: string[];
    try {
      names = fs.readdirSync(folder).filter((name) => name.endsWith(".json"));
    } catch {
      continue; // not created yet, or removed by a finished run
    }
    for (const name of names) {
      try {
        const message = JSON.parse(fs.readFileSync(path.join(folder, name), "utf8")) as OutboxMessage;
        if (message.to === address) messages.push(message);
      } catch {
        // A file of another run, removed while we read: not ours.
      }
    }
  }
  return messages.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}

/**
 * The path and fragment of the newest invitation link mailed to `address`. The email's link
 * uses the server's public URL (localhost); the tests' browser is on 127.0.0.1, where its
 * session cookie lives, so only the path and the #token are kept.
 */
async function invitationLinkFor(address: string): Promise<string> {
  let link = "";
  await expect
    .poll(
      () => {
        const invitation = readMessagesTo(address)
          .filter((m) => m.subject.includes("invited you to"))
          .at(-1);
        link = invitation?.text.match(/https?:\/\/\S+\/invitations\/accept#token=[\w%-]+/)?.[0] ?? "";
        return link;
      },
      { message: `an invitation email to ${address} in the outbox`, timeout: 20_000 },
    )
    .not.toBe("");
  const url = new URL(link);
  return `${url.pathname}${url.hash}`;
}

// The same watch the fixture keeps on its own page, for the pages of the other people.
const WATCH_CSP_VIOLATIONS = `
  document.addEventListener("securitypolicyviolation", (event) => {
    window.reportCspViolation(event.effectiveDirective + " blocked " + (event.blockedURI || "(inline)"));
  });
`;

async function openWatchedPage(
  browser: Browser,
  baseURL: string | undefined,
  problems: string[],
): Promise<Page> {
  const context = await browser.newContext({ baseURL, timezoneId: "America/Chicago" });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`CSP violation: ${text}`));
  await page.addInitScript({ content: WATCH_CSP_VIOLATIONS });
  return page;
}

async function signUp(page: Page, email: string): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("checkbox", { name: /I accept the Terms of Service/ }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  // A new account without a practice is sent to start one.
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { level: 1, name: "Set up your practice" })).toBeVisible();
}

async function invite(page: Page, email: string, role: "Admin" | "User"): Promise<void> {
  const form = page.getByRole("form", { name: "Invite someone" });
  await form.getByLabel("Email address").fill(email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toContainText(`Invitation sent to ${email}`);
  const pending = page.getByRole("table", { name: /Pending invitations/ });
  await expect(pending.getByRole("row", { name: new RegExp(email) })).toContainText(role);
}

/** The invitation page belongs to the sign-in pages, whose own tests run axe-core on it. */
async function acceptInvitation(page: Page, link: string, role: "Admin" | "User") {
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: `Join ${PRACTICE_NAME}` })).toBeVisible();
  await expect(page.getByText(role, { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: `Join ${PRACTICE_NAME}` }).click();
  await expect(page).toHaveURL(/\/practices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE_NAME })).toBeVisible();
  await expect(
    page.getByRole("main").getByText(`You are ${role === "Admin" ? "an Admin" : "a User"} of this practice`),
  ).toBeVisible();
}

test("an Owner starts a practice, an Admin joins and invites a User, who cannot manage members", async ({
  page,
  browser,
  baseURL,
}) => {
  // Three sign-ups (bcrypt), two emails through the job queue and six axe-core runs of several
  // seconds each on a busy two-core machine: minutes, not the usual one.
  test.setTimeout(300_000);
  const ownerEmail = uniqueEmail("owner");
  const adminEmail = uniqueEmail("admin");
  const userEmail = uniqueEmail("user");

  // The Owner signs up and is sent to onboarding, where the browser's time zone is the default.
  await signUp(page, ownerEmail);
  const onboarding = page.getByRole("form", { name: "New practice" });
  await expect(onboarding.getByLabel("Time zone")).toHaveValue("America/Chicago");
  await expect(page.getByText("Joining someone else’s practice?")).toBeVisible();
  await expectNoSeriousA11yViolations(page, "onboarding");
  await onboarding.getByRole("button", { name: "Create practice" }).click();
  await expect(onboarding.getByText("Give the practice a name.")).toBeVisible();
  await onboarding.getByLabel("Practice name").fill(PRACTICE_NAME);
  await onboarding.getByRole("button", { name: "Create practice" }).click();

  await expect(page).toHaveURL(/\/practices\/[0-9a-f-]{36}$/);
  const practiceId = new URL(page.url()).pathname.split("/")[2] ?? "";
  await expect(page.getByRole("heading", { level: 1, name: PRACTICE_NAME })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Central Time" })).toContainText("Chicago");
  await expect(page.getByRole("link", { name: "1 member" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Next steps" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the practice overview");

  // /app returns to the practice last used.
  await page.goto("/app");
  await expect(page).toHaveURL(new RegExp(`/practices/${practiceId}$`));

  // The Owner invites an Admin from the members page, reached through the practice navigation.
  const practiceNav = page.getByRole("navigation", { name: "Practice" });
  await practiceNav.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  const ownerRow = page
    .getByRole("table", { name: /Members of/ })
    .getByRole("row", { name: new RegExp(ownerEmail) });
  await expect(ownerRow).toContainText("Owner");
  await expect(ownerRow).toContainText("You");
  await invite(page, adminEmail, "Admin");
  await expect(
    page.getByRole("list").getByText(`${ownerEmail} invited ${adminEmail} as Admin`),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the members page");

  // The Admin, in a browser of their own, signs up, opens the emailed link and joins.
  const adminProblems: string[] = [];
  const adminPage = await openWatchedPage(browser, baseURL, adminProblems);
  await signUp(adminPage, adminEmail);
  await acceptInvitation(adminPage, await invitationLinkFor(adminEmail), "Admin");

  // The switcher in the header names the practice, and lists it with the Admin's role.
  const switcher = adminPage.getByRole("navigation", { name: "Practices" });
  await switcher.getByRole("button", { name: /Practice/ }).click();
  await expect(switcher.getByRole("link", { name: new RegExp(PRACTICE_NAME) })).toContainText("Admin");
  await adminPage.keyboard.press("Escape");
  await expect(switcher.getByRole("link", { name: "New practice" })).toBeHidden();

  // The Admin invites a User.
  await adminPage
    .getByRole("navigation", { name: "Practice" })
    .getByRole("link", { name: "Members" })
    .click();
  await invite(adminPage, userEmail, "User");

  // The User joins the same way …
  const userProblems: string[] = [];
  const userPage = await openWatchedPage(browser, baseURL, userProblems);
  await signUp(userPage, userEmail);
  await acceptInvitation(userPage, await invitationLinkFor(userEmail), "User");

  // … and has no Members link, and no members page.
  const userNav = userPage.getByRole("navigation", { name: "Practice" });
  await expect(userNav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(userNav.getByRole("link", { name: "Settings" })).toBeVisible();
  await expect(userNav.getByRole("link", { name: "Members" })).toHaveCount(0);
  await userPage.goto(`/practices/${practiceId}/members`);
  await expect(
    userPage.getByRole("heading", { level: 1, name: "Only Owners and Admins can manage members" }),
  ).toBeVisible();
  await expect(userPage.getByRole("table")).toHaveCount(0);
  await expectNoSeriousA11yViolations(userPage, "the members page, as a User");

  // Nor can the User change a role by asking the API directly.
  const members = await page.request.get(`/api/practices/${practiceId}/members`);
  expect(members.status()).toBe(200);
  const { members: list } = (await members.json()) as {
    members: { userId: string; email: string; role: string }[];
  };
  const admin = list.find((m) => m.email === adminEmail);
  expect(admin?.role).toBe("admin");
  const { token } = (await (await userPage.request.get("/api/auth/csrf")).json()) as { token: string };
  const refused = await userPage.request.patch(`/api/practices/${practiceId}/members/${admin?.userId}`, {
    headers: { "X-CSRF-Token": token },
    data: { role: "user" },
  });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");

  // The User's settings page offers leaving, and no Owner actions.
  await userNav.getByRole("link", { name: "Settings" }).click();
  await expect(userPage.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(userPage.getByRole("button", { name: "Leave practice…" })).toBeVisible();
  await expect(userPage.getByRole("heading", { name: "Delete this practice" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(userPage, "the settings page, as a User");

  // Back with the Owner: both have joined, as the table and the event log say.
  await page.reload();
  const table = page.getByRole("table", { name: /Members of/ });
  await expect(table.getByRole("row", { name: new RegExp(adminEmail) })).toBeVisible();
  await expect(table.getByRole("row", { name: new RegExp(userEmail) })).toBeVisible();
  await expect(page.getByText(`${userEmail} joined as User`)).toBeVisible();
  await expect(page.getByText("No pending invitations.")).toBeVisible();

  // The Owner makes the User an Admin, then removes them, confirming in a dialog.
  const userRow = table.getByRole("row", { name: new RegExp(userEmail) });
  await userRow.getByLabel(`Role for ${userEmail}`).selectOption({ label: "Admin" });
  await userRow.getByRole("button", { name: "Save role" }).click();
  const membersStatus = page
    .getByRole("region", { name: "People in this practice" })
    .getByRole("status")
    .first();
  await expect(membersStatus).toContainText(`${userEmail} is now an Admin.`);
  await userRow.getByRole("button", { name: `Remove ${userEmail}` }).click();
  const dialog = page.getByRole("dialog", { name: `Remove ${userEmail}?` });
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(dialog).toBeHidden();
  await expect(membersStatus).toContainText(`${userEmail} no longer has access`);
  await expect(table.getByRole("row", { name: new RegExp(userEmail) })).toHaveCount(0);
  await expect(page.getByText(`${ownerEmail} removed ${userEmail} from the practice`)).toBeVisible();

  // The Owner's settings: the two-factor requirement explained, and the Owner-only actions.
  await practiceNav.getByRole("link", { name: "Settings" }).click();
  await expect(
    page.getByRole("checkbox", { name: "Require two-factor authentication for every member" }),
  ).not.toBeChecked();
  await expect(page.getByText(/rely on that provider’s own multi-factor authentication/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Transfer ownership" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delete this practice" })).toBeVisible();
  await expectNoSeriousA11yViolations(page, "the settings page, as the Owner");

  await adminPage.context().close();
  await userPage.context().close();
  expect(adminProblems, "the Admin's browser reported problems").toEqual([]);
  expect(userProblems, "the User's browser reported problems").toEqual([]);
});
