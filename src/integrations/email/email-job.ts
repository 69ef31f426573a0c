import { z } from "zod";
import type { EnqueueOptions, JobQueue } from "../../jobs/queue.js";
import type { Logger } from "../../lib/logger.js";
import { EmailDeliveryError, type EmailSender } from "./email-port.js";
import { renderEmail } from "./render-email.js";
import { type EmailTemplate, emailTemplateSchema } from "./templates/email-template.js";

export const EMAIL_JOB_KIND = "email.send";

/**
 * Retries span roughly half a day with the queue's default backoff (5 s doubling, capped at an
 * hour), so a Mailgun outage delays email rather than losing it. A job that still fails is kept
 * as `failed`, payload and last error intact, for someone to re-queue.
 */
export const EMAIL_MAX_ATTEMPTS = 20;

/**
 * Seals the job payload before it is stored and opens it in the worker. Payloads hold
 * single-use links (reset, verify, invitation), so in production this is field encryption.
 * It is required on purpose: there is no silent plain-text default. Tests pass one explicitly.
 */
export type PayloadProtector = {
  seal(payload: string): string | Promise<string>;
  open(sealed: string): string | Promise<string>;
};

export type EmailRequest = { to: string; template: EmailTemplate };

const emailRequestSchema = z.object({
  // One address only: Mailgun reads commas in `to` as several recipients.
  to: z.email().max(254),
  template: emailTemplateSchema,
});
/**
 * What the jobs table's payload holds: the sealed request only. The recipient's account is the
 * job's `user_id` column, whose cascading foreign key removes the job with the account.
 */
export type EmailJobPayload = { sealed: string };
const storedPayloadSchema = z.object({ sealed: z.string().min(1) });

export type EnqueueEmailOptions = {
  protect: PayloadProtector;
  /** The caller's transaction, so the email exists only if the change that caused it commits. */
  executor?: EnqueueOptions["executor"];
  /** The recipient's account, when there is one: deleting the account deletes the job. */
  userId?: string;
  runAt?: Date;
};

/** Queues an email. Invalid data throws here, in the caller, not later in a worker. */
export async function enqueueEmail(
  queue: Pick<JobQueue, "enqueue">,
  request: EmailRequest,
  options: EnqueueEmailOptions,
): Promise<number> {
  const valid = emailRequestSchema.parse(request);
  const stamped = { to: valid.to, template: stampEventTime(valid.template, new Date()) };
  const payload: EmailJobPayload = { sealed: await options.protect.seal(JSON.stringify(stamped)) };
  return queue.enqueue(EMAIL_JOB_KIND, payload, {
    executor: options.executor,
    userId: options.userId,
    runAt: options.runAt,
    maxAttempts: EMAIL_MAX_ATTEMPTS,
  });
}

/**
 * Security notices say when the event happened. Callers enqueue in the event's own transaction,
 * so "now" here is the event time; rendering later, after retries, would state the wrong time.
 */
function stampEventTime(template: EmailTemplate, now: Date): EmailTemplate {
  // By kind, not `"occurredAt" in template`: a parsed template has no key for an omitted field.
  switch (template.kind) {
    case "password_changed":
    case "two_factor_enabled":
    case "two_factor_disabled":
    case "backup_codes_regenerated":
    case "new_sign_in":
      return { ...template, occurredAt: template.occurredAt ?? now.toISOString() };
    default:
      return template;
  }
}

/**
 * Renders and sends queued emails. A failure is thrown so the queue records it and keeps the job:
 * retried with backoff, and kept as `failed` at the end. Nothing reaches the person who caused
 * the email; they were answered when it was enqueued.
 */
export function registerEmailJob(
  queue: Pick<JobQueue, "register">,
  deps: { sender: EmailSender; logger: Logger; protect: PayloadProtector },
): void {
  const { sender, protect } = deps;
  queue.register(EMAIL_JOB_KIND, async (payload, context) => {
    const stored = storedPayloadSchema.parse(payload);
    const request = emailRequestSchema.parse(JSON.parse(await protect.open(stored.sealed)));
    const rendered = await renderEmail(request.template);
    try {
      await sender.send({ to: request.to, ...rendered });
    } catch (error) {
      const retryable = error instanceof EmailDeliveryError ? error.retryable : true;
      // The context logger names the job; the error text never holds the body or credentials.
      context.log.warn(
        { template: request.template.kind, sender: sender.kind, retryable },
        retryable ? "email delivery failed; will retry" : "email rejected; retrying will not help",
      );
      throw error;
    }
    // Kind and job only: the recipient is personal data and the body carries tokens.
    context.log.info({ template: request.template.kind, sender: sender.kind }, "email sent");
  });
  deps.logger.debug({ kind: EMAIL_JOB_KIND, sender: sender.kind }, "email job registered");
}
