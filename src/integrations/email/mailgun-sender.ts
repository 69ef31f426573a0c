import Mailgun from "mailgun.js";
import { EmailDeliveryError, type EmailMessage, type EmailSender } from "./email-port.js";

export type MailgunSenderOptions = {
  apiKey: string;
  domain: string;
  /** `https://api.mailgun.net` (US), `https://api.eu.mailgun.net` (EU), or a local fake in tests. */
  url: string;
  /** The From header, e.g. `TherapyLedger <no-reply@example.com>`. */
  from: string;
  /** A hung request would hold a job's lease; give up and let the queue retry instead. */
  timeoutMs?: number;
};

const DEFAULT_TIMEOUT_MS = 30_000;
const DETAIL_LIMIT = 300;

/** Sends through Mailgun's HTTP API with the official SDK. */
export function createMailgunSender(options: MailgunSenderOptions): EmailSender {
  // Node 20's global FormData is spec-compliant; the SDK accepts it as well as `form-data`.
  const client = new Mailgun(FormData).client({
    username: "api",
    key: options.apiKey,
    url: options.url,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });

  return {
    kind: "mailgun",
    async send(message: EmailMessage) {
      try {
        await client.messages.create(options.domain, {
          from: options.from,
          to: [message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
          // The security page promises no marketing tracking; per-message flags override
          // whatever the domain's dashboard settings say, and keep reset links un-rewritten.
          "o:tracking": "no",
          "o:tracking-clicks": "no",
          "o:tracking-opens": "no",
        });
      } catch (error) {
        throw toDeliveryError(error, options.apiKey);
      }
    },
  };
}

/**
 * The fields of the SDK's `MailgunAPIError` that we read. It flattens axios errors: `message` is
 * the reply's status text (or the socket error code), `details` the reply body's message.
 */
type SdkError = { status?: unknown; message?: unknown; details?: unknown };

/**
 * On a network failure the SDK reports status 400 with the socket error code (ECONNREFUSED,
 * ETIMEDOUT, ECONNABORTED…) as message, so the code, not the status, tells the two apart.
 */
const NETWORK_CODE = /^(E[A-Z0-9_]+|ERR_NETWORK)$/;

export function toDeliveryError(error: unknown, apiKey: string): EmailDeliveryError {
  const e = (typeof error === "object" && error !== null ? error : {}) as SdkError;
  const status = typeof e.status === "number" ? e.status : undefined;
  const summary = typeof e.message === "string" ? e.message : "";
  const details = typeof e.details === "string" ? e.details : "";
  const scrub = (text: string) => removeSecret(text, apiKey).slice(0, DETAIL_LIMIT);
  const explanation = [summary, details].filter(Boolean).map(scrub).join(": ");

  if (status === undefined || NETWORK_CODE.test(summary)) {
    return new EmailDeliveryError(`Mailgun unreachable: ${explanation || "unknown error"}`, {
      retryable: true,
    });
  }
  // 408 and 429 are "try later" by definition; other 4xx mean the request itself is wrong
  // (bad address, bad key, unknown domain) and repeating it cannot succeed.
  const retryable = status >= 500 || status === 429 || status === 408;
  return new EmailDeliveryError(`Mailgun answered ${status}: ${explanation}`, { retryable, status });
}

/** Belt and braces: no error text may carry the key, raw or inside a Basic credential. */
function removeSecret(text: string, secret: string): string {
  if (!secret) return text;
  const basic = Buffer.from(`api:${secret}`).toString("base64");
  return text.split(secret).join("[redacted]").split(basic).join("[redacted]");
}
