import type { Db } from "../db/client.js";
import type { FieldCipher } from "../identity/field-encryption.js";
import { EMAIL_JOB_KIND, enqueueEmail, type PayloadProtector } from "../integrations/email/email-job.js";
import type { EmailTemplate } from "../integrations/email/templates/index.js";
import type { JobQueue } from "../jobs/queue.js";
import type { Config } from "../server/config.js";

export type { EmailTemplate };

/** Queues an email; it is rendered and sent by the job worker, with retries. */
export type Mailer = {
  /** `userId` ties the queued email to its recipient's account, so deleting the account drops it. */
  send(
    to: string,
    template: EmailTemplate,
    options?: { executor?: Pick<Db, "insert">; userId?: string },
  ): Promise<void>;
};

/** The address people reach the app at, for links in email. */
export function appBaseUrl(config: Config): string {
  return config.publicUrl ?? `http://localhost:${config.port}`;
}

/**
 * Links carry their token after `#`, so it never reaches a server log, a proxy or a Referer
 * header; the page reads it and posts it to the API.
 */
export function linkWithToken(config: Config, pagePath: string, token: string): string {
  return `${appBaseUrl(config)}${pagePath}#token=${encodeURIComponent(token)}`;
}

/** The context that binds a sealed email payload: moving it to another column fails to open. */
export const EMAIL_PAYLOAD_CONTEXT = { table: "jobs", column: "payload", rowId: EMAIL_JOB_KIND };

/** Email payloads hold single-use links, so they are stored field-encrypted in the job table. */
export function emailPayloadProtector(cipher: FieldCipher): PayloadProtector {
  return {
    seal: (payload) => cipher.encrypt(payload, EMAIL_PAYLOAD_CONTEXT),
    open: (sealed) => cipher.decrypt(sealed, EMAIL_PAYLOAD_CONTEXT),
  };
}

export function createMailer(queue: JobQueue, cipher: FieldCipher): Mailer {
  const protect = emailPayloadProtector(cipher);
  return {
    async send(to, template, options = {}) {
      await enqueueEmail(
        queue,
        { to, template },
        { protect, executor: options.executor, userId: options.userId },
      );
    },
  };
}
