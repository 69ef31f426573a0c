import { z } from "zod";

/**
 * The data of every email the app sends, as a discriminated union. It is what a job stores (not
 * the rendered HTML), so it is validated when enqueued and again when the job reads it back.
 * Links are built by the caller from PUBLIC_URL; names are shown escaped, never as HTML.
 */

/** Stated in the reset email; the identity service must expire reset links to match. */
export const PASSWORD_RESET_TTL_MINUTES = 30;
/** Stated in the invitation email; the practice service must expire invitations to match. */
export const INVITATION_TTL_DAYS = 7;

const link = z.url({ protocol: /^https?$/ }).max(2000);
// Names reach subjects and bodies; control characters there could forge headers or layout.
const label = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");
const instant = z.iso.datetime({ offset: true });

export const emailTemplateSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verify_email"), verifyUrl: link }),
  z.object({ kind: z.literal("welcome"), appUrl: link.optional() }),
  z.object({ kind: z.literal("password_reset"), resetUrl: link }),
  // Optional links: the email still reads well without them. `occurredAt` is filled in by
  // `enqueueEmail` when left out, since the caller enqueues in the same transaction as the event.
  z.object({
    kind: z.literal("password_changed"),
    occurredAt: instant.optional(),
    forgotPasswordUrl: link.optional(),
  }),
  z.object({
    kind: z.literal("two_factor_enabled"),
    occurredAt: instant.optional(),
    securityUrl: link.optional(),
  }),
  z.object({
    kind: z.literal("two_factor_disabled"),
    occurredAt: instant.optional(),
    securityUrl: link.optional(),
  }),
  z.object({
    kind: z.literal("backup_codes_regenerated"),
    occurredAt: instant.optional(),
    securityUrl: link.optional(),
  }),
  z.object({
    kind: z.literal("new_sign_in"),
    occurredAt: instant.optional(),
    ipAddress: z.string().trim().min(1).max(64),
    // The user agent is whatever the client sent: bounded, and shown as plain text only.
    userAgent: z.string().max(300),
    securityUrl: link.optional(),
  }),
  z.object({
    kind: z.literal("practice_invitation"),
    practiceName: label,
    inviterName: label,
    role: label,
    acceptUrl: link,
  }),
  z.object({
    kind: z.literal("added_to_practice"),
    practiceName: label,
    addedByName: label,
    role: label,
    practiceUrl: link,
  }),
  z.object({ kind: z.literal("removed_from_practice"), practiceName: label, removedByName: label }),
  z.object({
    kind: z.literal("ownership_transferred"),
    practiceName: label,
    previousOwnerName: label,
    newOwnerName: label,
    practiceUrl: link,
  }),
]);

export type EmailTemplate = z.infer<typeof emailTemplateSchema>;
export type EmailTemplateKind = EmailTemplate["kind"];
/** The data of one kind of email, e.g. `TemplateOf<"password_reset">`. */
export type TemplateOf<K extends EmailTemplateKind> = Extract<EmailTemplate, { kind: K }>;
