import { describe, expect, it } from "vitest";
import { renderEmail } from "../../../src/integrations/email/render-email.js";
import {
  ACCOUNT_FOOTER,
  type EmailTemplate,
  emailTemplateSchema,
} from "../../../src/integrations/email/templates/index.js";

const TOKEN = "tok_9Qx7-secret_Z";
const link = (page: string) => `https://app.therapyledger.test${page}#token=${TOKEN}`;
const at = "2025-03-01T14:05:00.000Z";

/** One example of every kind, with the link (if any) that must reach both bodies. */
const examples: { template: EmailTemplate; link?: string }[] = [
  { template: { kind: "verify_email", verifyUrl: link("/verify-email") }, link: link("/verify-email") },
  {
    template: { kind: "welcome", appUrl: "https://app.therapyledger.test/" },
    link: "https://app.therapyledger.test/",
  },
  { template: { kind: "password_reset", resetUrl: link("/reset-password") }, link: link("/reset-password") },
  {
    template: {
      kind: "password_changed",
      occurredAt: at,
      forgotPasswordUrl: "https://app.therapyledger.test/forgot",
    },
    link: "https://app.therapyledger.test/forgot",
  },
  { template: { kind: "two_factor_enabled", occurredAt: at } },
  {
    template: {
      kind: "two_factor_disabled",
      occurredAt: at,
      securityUrl: "https://app.therapyledger.test/s",
    },
  },
  { template: { kind: "backup_codes_regenerated" } },
  { template: { kind: "new_sign_in", occurredAt: at, ipAddress: "203.0.113.9", userAgent: "Firefox/128" } },
  {
    template: {
      kind: "practice_invitation",
      practiceName: "Calm Waters Counseling",
      inviterName: "Dana Reyes",
      role: "bookkeeper",
      acceptUrl: link("/invitations/accept"),
    },
    link: link("/invitations/accept"),
  },
  {
    template: {
      kind: "added_to_practice",
      practiceName: "Calm Waters Counseling",
      addedByName: "Dana Reyes",
      role: "admin",
      practiceUrl: "https://app.therapyledger.test/p/1",
    },
    link: "https://app.therapyledger.test/p/1",
  },
  {
    template: {
      kind: "removed_from_practice",
      practiceName: "Calm Waters Counseling",
      removedByName: "Dana Reyes",
    },
  },
  {
    template: {
      kind: "ownership_transferred",
      practiceName: "Calm Waters Counseling",
      previousOwnerName: "Dana Reyes",
      newOwnerName: "Sam Lee",
      practiceUrl: "https://app.therapyledger.test/p/1",
    },
    link: "https://app.therapyledger.test/p/1",
  },
];

describe("renderEmail", () => {
  it("has an example for every kind of email", () => {
    const kinds = new Set(examples.map((e) => e.template.kind));
    expect([...kinds].sort()).toEqual(emailTemplateSchema.options.map((o) => o.shape.kind.value).sort());
  });

  it.each(examples)(
    "$template.kind: subject, text and HTML, the link in both bodies, no script",
    async (example) => {
      const email = await renderEmail(example.template);
      expect(emailTemplateSchema.parse(example.template)).toEqual(example.template);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.html).toContain("TherapyLedger");
      expect(email.html.toLowerCase()).not.toContain("<script");
      expect(email.text).not.toContain("<");
      expect(email.text).toContain("We never include client information in email.");
      if (example.link) {
        expect(email.text).toContain(example.link);
        expect(email.html).toContain(`href="${example.link}"`);
      }
    },
  );

  it("the reset email says it expires in 30 minutes and works once", async () => {
    const { text } = await renderEmail({ kind: "password_reset", resetUrl: link("/reset-password") });
    expect(text).toContain("expires in 30 minutes");
    expect(text).toContain("works only once");
  });

  it("the invitation names the practice, inviter and role, expires in 7 days, and has its own footer", async () => {
    const example = examples.find((e) => e.template.kind === "practice_invitation");
    const { subject, text } = await renderEmail(example?.template as EmailTemplate);
    expect(subject).toBe("Dana Reyes invited you to Calm Waters Counseling on TherapyLedger");
    expect(text).toContain("bookkeeper");
    expect(text).toContain("expires in 7 days");
    // An invitee may have no account yet, so the account footer would be untrue.
    expect(text).not.toContain(ACCOUNT_FOOTER);
  });

  it("shows sign-in details and times in UTC", async () => {
    const { text } = await renderEmail(examples[7]?.template as EmailTemplate);
    expect(text).toContain("March 1, 2025 at 2:05 PM UTC");
    expect(text).toContain("203.0.113.9");
    expect(text).toContain("Firefox/128");
  });

  // Attack: a member names their practice (or sends a user agent) containing markup, hoping it
  // runs or renders as HTML in someone else's inbox.
  it("escapes names and user agents instead of rendering them as HTML", async () => {
    const email = await renderEmail({
      kind: "new_sign_in",
      ipAddress: "203.0.113.9",
      userAgent: '<script>alert(1)</script><img src=x onerror="x">',
    });
    expect(email.html.toLowerCase()).not.toContain("<script");
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;script&gt;");
  });

  // Attack: a line break in a name becomes a second mail header when it reaches the subject.
  it("keeps subjects on one line even when rendered from unchecked data", async () => {
    const { subject } = await renderEmail({
      kind: "removed_from_practice",
      practiceName: "Calm\r\nBcc: victim@example.com",
      removedByName: "Dana",
    });
    expect(subject).toBe("You were removed from Calm Bcc: victim@example.com");
  });

  it("the schema refuses non-web links and control characters in names", () => {
    expect(() =>
      emailTemplateSchema.parse({ kind: "password_reset", resetUrl: "javascript:alert(1)" }),
    ).toThrow();
    expect(() =>
      emailTemplateSchema.parse({ kind: "removed_from_practice", practiceName: "A\nB", removedByName: "C" }),
    ).toThrow();
  });
});
