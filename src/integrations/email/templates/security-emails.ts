import type { TemplateOf } from "./email-template.js";
import { actionLink, type EmailContent, formatTime, layout, onTime, paragraph, strong } from "./layout.js";

function ifNotYou(securityUrl: string | undefined) {
  return [
    paragraph(
      "If this was not you, change your password and review your security settings",
      securityUrl ? " now:" : " right away.",
    ),
    actionLink(securityUrl, "Review security settings"),
  ];
}

export function twoFactorEnabledEmail(data: TemplateOf<"two_factor_enabled">): EmailContent {
  return {
    subject: "Two-factor authentication is on",
    body: layout(
      { preview: "Two-factor authentication was turned on.", heading: "Two-factor authentication is on" },
      paragraph(
        "Two-factor authentication was turned on for your account",
        ...onTime(data.occurredAt),
        ". Signing in now needs a code from your authenticator app or a backup code.",
      ),
      ...ifNotYou(data.securityUrl),
    ),
  };
}

export function twoFactorDisabledEmail(data: TemplateOf<"two_factor_disabled">): EmailContent {
  return {
    subject: "Two-factor authentication was turned off",
    body: layout(
      { preview: "Two-factor authentication was turned off.", heading: "Two-factor authentication is off" },
      paragraph(
        "Two-factor authentication was turned off for your account",
        ...onTime(data.occurredAt),
        ". Your account is now protected by your password alone.",
      ),
      ...ifNotYou(data.securityUrl),
    ),
  };
}

export function backupCodesRegeneratedEmail(data: TemplateOf<"backup_codes_regenerated">): EmailContent {
  return {
    subject: "New backup codes were created",
    body: layout(
      { preview: "Your old backup codes no longer work.", heading: "New backup codes were created" },
      paragraph(
        "A new set of backup codes was created for your account",
        ...onTime(data.occurredAt),
        ". The previous codes no longer work.",
      ),
      ...ifNotYou(data.securityUrl),
    ),
  };
}

export function newSignInEmail(data: TemplateOf<"new_sign_in">): EmailContent {
  return {
    subject: "New sign-in to your TherapyLedger account",
    body: layout(
      { preview: "A new sign-in to your account.", heading: "New sign-in to your account" },
      paragraph("Your account was signed in to from a device we have not seen before."),
      data.occurredAt === undefined ? null : paragraph("Time: ", strong(formatTime(data.occurredAt))),
      paragraph("IP address: ", strong(data.ipAddress)),
      paragraph("Browser: ", strong(data.userAgent || "unknown")),
      ...ifNotYou(data.securityUrl),
    ),
  };
}
