import { INVITATION_TTL_DAYS, type TemplateOf } from "./email-template.js";
import { actionLink, type EmailContent, layout, paragraph, strong } from "./layout.js";

export function practiceInvitationEmail(data: TemplateOf<"practice_invitation">): EmailContent {
  return {
    subject: `${data.inviterName} invited you to ${data.practiceName} on TherapyLedger`,
    body: layout(
      {
        preview: `Join ${data.practiceName} on TherapyLedger.`,
        heading: `Join ${data.practiceName}`,
        // The invitee may have no account yet, so the usual footer would not be true.
        footer: `You received this because ${data.inviterName} invited this address to a practice on TherapyLedger. We never include client information in email.`,
      },
      paragraph(
        strong(data.inviterName),
        " invited you to join ",
        strong(data.practiceName),
        " on TherapyLedger as ",
        strong(data.role),
        ".",
      ),
      actionLink(data.acceptUrl, "Accept the invitation"),
      paragraph(
        `This invitation expires in ${INVITATION_TTL_DAYS} days. `,
        "If you were not expecting it, you can ignore this email.",
      ),
    ),
  };
}

export function addedToPracticeEmail(data: TemplateOf<"added_to_practice">): EmailContent {
  return {
    subject: `You were added to ${data.practiceName}`,
    body: layout(
      { preview: `You now have access to ${data.practiceName}.`, heading: `You joined ${data.practiceName}` },
      paragraph(
        strong(data.addedByName),
        " added you to ",
        strong(data.practiceName),
        " as ",
        strong(data.role),
        ".",
      ),
      actionLink(data.practiceUrl, "Open the practice"),
    ),
  };
}

export function removedFromPracticeEmail(data: TemplateOf<"removed_from_practice">): EmailContent {
  return {
    subject: `You were removed from ${data.practiceName}`,
    body: layout(
      { preview: `You no longer have access to ${data.practiceName}.`, heading: "Your access has ended" },
      paragraph(strong(data.removedByName), " removed you from ", strong(data.practiceName), "."),
      paragraph(
        "You can no longer see its books. Your own account and any other practices are not affected.",
      ),
    ),
  };
}

export function ownershipTransferredEmail(data: TemplateOf<"ownership_transferred">): EmailContent {
  // Sent to both owners, so the wording names each rather than saying "you".
  return {
    subject: `Ownership of ${data.practiceName} was transferred`,
    body: layout(
      { preview: `${data.newOwnerName} now owns ${data.practiceName}.`, heading: "Ownership transferred" },
      paragraph(
        "Ownership of ",
        strong(data.practiceName),
        " was transferred from ",
        strong(data.previousOwnerName),
        " to ",
        strong(data.newOwnerName),
        ".",
      ),
      paragraph("The owner manages members, billing and can delete the practice."),
      actionLink(data.practiceUrl, "Open the practice"),
    ),
  };
}
