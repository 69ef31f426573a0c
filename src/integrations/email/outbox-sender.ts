import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { Logger } from "../../lib/logger.js";
import type { EmailMessage, EmailSender } from "./email-port.js";

/** One file of the outbox: the message as it would have been sent, and when. */
export type OutboxMessage = EmailMessage & { sentAt: string };

let sequence = 0;

/**
 * Development and demo stand-in for Mailgun: each message becomes a JSON file in `dir`, readable
 * by the developer and by e2e tests. Files are private to the owner (0600) because bodies hold
 * sign-in and reset links.
 */
export function createOutboxSender(options: { dir: string; logger: Logger }): EmailSender {
  const { dir, logger } = options;
  return {
    kind: "outbox",
    async send(message: EmailMessage) {
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const sentAt = new Date();
      const record: OutboxMessage = {
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        sentAt: sentAt.toISOString(),
      };
      const name = outboxFileName(sentAt);
      const finalPath = path.join(dir, name);
      // Write then rename, so a reader polling the folder never sees half a file.
      const tempPath = `${finalPath}.tmp`;
      await fs.writeFile(tempPath, `${JSON.stringify(record, null, 2)}\n`, { mode: 0o600, flag: "wx" });
      await fs.rename(tempPath, finalPath);
      // To and subject only: the body carries tokens.
      logger.info({ to: message.to, subject: message.subject, file: name }, "email written to outbox");
    },
  };
}

/** ISO time first so names sort by time; the counter orders sends within one millisecond. */
function outboxFileName(sentAt: Date): string {
  sequence = (sequence + 1) % 1_000_000;
  const time = sentAt.toISOString().replace(/[:.]/g, "-");
  return `${time}-${String(sequence).padStart(6, "0")}-${randomBytes(4).toString("hex")}.json`;
}

/** Every message in the outbox, oldest first; none when the folder does not exist yet. */
export async function readOutbox(dir: string): Promise<OutboxMessage[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const files = names.filter((n) => n.endsWith(".json")).sort();
  const messages = await Promise.all(
    files.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), "utf8")) as OutboxMessage),
  );
  // Names already sort by time; the stable sort on sentAt covers files copied in from elsewhere.
  return messages.sort((a, b) => a.sentAt.localeCompare(b.sentAt));
}
