import path from "node:path";
import type { Logger } from "../../lib/logger.js";
import type { Config } from "../../server/config.js";
import type { EmailSender } from "./email-port.js";
import { createMailgunSender } from "./mailgun-sender.js";
import { createOutboxSender } from "./outbox-sender.js";

export const OUTBOX_FOLDER = "outbox";

/** Where the outbox adapter writes: `<dataDir>/outbox`. */
export function outboxDirFor(dataDir: string): string {
  return path.join(dataDir, OUTBOX_FOLDER);
}

/** Mailgun when it is configured; otherwise the local outbox, so development needs no account. */
export function createEmailSender(
  config: Pick<Config, "mailgun" | "emailFrom" | "dataDir" | "isProduction">,
  logger: Logger,
): EmailSender {
  if (config.mailgun) {
    return createMailgunSender({ ...config.mailgun, from: config.emailFrom });
  }
  const dir = outboxDirFor(config.dataDir);
  if (config.isProduction) {
    // Not fatal (a self-hosted install may read its outbox), but nobody receives these emails.
    logger.warn({ dir }, "MAILGUN_API_KEY is not set: email is written to the local outbox, not sent");
  }
  return createOutboxSender({ dir, logger });
}
