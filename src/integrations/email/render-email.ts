import { render } from "@react-email/render";
import {
  passwordChangedEmail,
  passwordResetEmail,
  verifyEmail,
  welcomeEmail,
} from "./templates/account-emails.js";
import type { EmailTemplate } from "./templates/email-template.js";
import type { EmailContent } from "./templates/layout.js";
import {
  addedToPracticeEmail,
  ownershipTransferredEmail,
  practiceInvitationEmail,
  removedFromPracticeEmail,
} from "./templates/practice-emails.js";
import {
  backupCodesRegeneratedEmail,
  newSignInEmail,
  twoFactorDisabledEmail,
  twoFactorEnabledEmail,
} from "./templates/security-emails.js";

export type RenderedEmail = { subject: string; text: string; html: string };

function contentOf(template: EmailTemplate): EmailContent {
  switch (template.kind) {
    case "verify_email":
      return verifyEmail(template);
    case "welcome":
      return welcomeEmail(template);
    case "password_reset":
      return passwordResetEmail(template);
    case "password_changed":
      return passwordChangedEmail(template);
    case "two_factor_enabled":
      return twoFactorEnabledEmail(template);
    case "two_factor_disabled":
      return twoFactorDisabledEmail(template);
    case "backup_codes_regenerated":
      return backupCodesRegeneratedEmail(template);
    case "new_sign_in":
      return newSignInEmail(template);
    case "practice_invitation":
      return practiceInvitationEmail(template);
    case "added_to_practice":
      return addedToPracticeEmail(template);
    case "removed_from_practice":
      return removedFromPracticeEmail(template);
    case "ownership_transferred":
      return ownershipTransferredEmail(template);
    default:
      return template satisfies never;
  }
}

/** Renders one email into a subject and its HTML and plain-text bodies. */
export async function renderEmail(template: EmailTemplate): Promise<RenderedEmail> {
  const { subject, body } = contentOf(template);
  const [html, text] = await Promise.all([render(body), render(body, { plainText: true })]);
  // A subject is a mail header: no line breaks, whatever a name contained.
  return { subject: subject.replace(/\s+/g, " ").trim(), text, html };
}
