import { PASSWORD_RESET_TTL_MINUTES, type TemplateOf } from "./email-template.js";
import { actionLink, type EmailContent, layout, onTime, paragraph } from "./layout.js";

export function verifyEmail(data: TemplateOf<"verify_email">): EmailContent {
  return {
    subject: "Confirm your email address",
    body: layout(
      {
        preview: "Confirm your email address to finish setting up TherapyLedger.",
        heading: "Confirm your email",
      },
      paragraph("Please confirm that this is your email address to finish setting up your account."),
      actionLink(data.verifyUrl, "Confirm email address"),
      paragraph("If you did not create a TherapyLedger account, you can ignore this email."),
    ),
  };
}

export function welcomeEmail(data: TemplateOf<"welcome">): EmailContent {
  return {
    subject: "Welcome to TherapyLedger",
    body: layout(
      { preview: "Your account is ready.", heading: "Welcome to TherapyLedger" },
      paragraph("Your email is confirmed and your account is ready."),
      actionLink(data.appUrl, "Open TherapyLedger"),
      paragraph("We recommend turning on two-factor authentication in your security settings."),
    ),
  };
}

export function passwordResetEmail(data: TemplateOf<"password_reset">): EmailContent {
  return {
    subject: "Reset your TherapyLedger password",
    body: layout(
      { preview: "A link to choose a new password.", heading: "Reset your password" },
      paragraph(
        "Someone asked to reset the password of your TherapyLedger account. Use this link to choose a new one:",
      ),
      actionLink(data.resetUrl, "Choose a new password"),
      paragraph(
        `This link expires in ${PASSWORD_RESET_TTL_MINUTES} minutes and works only once. `,
        "If you did not ask for it, ignore this email: your password stays the same.",
      ),
    ),
  };
}

export function passwordChangedEmail(data: TemplateOf<"password_changed">): EmailContent {
  return {
    subject: "Your TherapyLedger password was changed",
    body: layout(
      { preview: "Your password was changed.", heading: "Your password was changed" },
      paragraph("The password of your TherapyLedger account was changed", ...onTime(data.occurredAt), "."),
      paragraph(
        "If this was you, there is nothing to do. If it was not, reset your password now",
        data.forgotPasswordUrl ? ":" : " from the sign-in page, and contact support.",
      ),
      actionLink(data.forgotPasswordUrl, "Reset my password"),
    ),
  };
}
