/** One rendered email to one person. Bodies may carry single-use tokens: never log them. */
export type EmailMessage = { to: string; subject: string; text: string; html: string };

/** The only way the app sends email; adapters: Mailgun in production, a local outbox otherwise. */
export type EmailSender = {
  send(message: EmailMessage): Promise<void>;
  readonly kind: "mailgun" | "outbox";
};

/**
 * Why a send failed, and whether trying again later can help (rate limit, outage, network) or
 * cannot (rejected address, bad credentials). The message is safe to store and log: adapters
 * never put credentials or message bodies into it.
 */
export class EmailDeliveryError extends Error {
  override name = "EmailDeliveryError";
  readonly retryable: boolean;
  readonly status: number | undefined;

  constructor(message: string, options: { retryable: boolean; status?: number }) {
    super(message);
    this.retryable = options.retryable;
    this.status = options.status;
  }
}
