import { describe, expect, it } from "vitest";
import { EmailDeliveryError } from "../../../src/integrations/email/email-port.js";
import { toDeliveryError } from "../../../src/integrations/email/mailgun-sender.js";

const KEY = "key-live-abcdef0123456789";

/**
 * The shape of the SDK's MailgunAPIError (mailgun.js 14): axios errors flattened into `status`,
 * `message` (the status text, or the socket error code) and `details` (the body's message).
 */
function sdkError(status: number, statusText: string, details: string) {
  return Object.assign(new Error(statusText), { status, details, type: "MailgunAPIError" });
}

describe("toDeliveryError", () => {
  it.each([
    [400, "Bad Request", false],
    [401, "Unauthorized", false],
    [403, "Forbidden", false],
    [404, "Not Found", false],
    [408, "Request Timeout", true],
    [429, "Too Many Requests", true],
    [500, "Internal Server Error", true],
    [502, "Bad Gateway", true],
    [503, "Service Unavailable", true],
  ])("status %i (%s) → retryable %s", (status, text, retryable) => {
    const error = toDeliveryError(sdkError(status, text, "details"), KEY);
    expect(error).toBeInstanceOf(EmailDeliveryError);
    expect(error.retryable).toBe(retryable);
    expect(error.status).toBe(status);
  });

  // The SDK reports socket failures as status 400 with the error code as statusText.
  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "ECONNABORTED",
    "ENOTFOUND",
    "EAI_AGAIN",
    "ERR_NETWORK",
  ])("network failure %s is retryable", (code) => {
    const error = toDeliveryError(sdkError(400, code, `connect ${code} 127.0.0.1:1`), KEY);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("unreachable");
  });

  it("an error without a status is treated as a network failure", () => {
    expect(toDeliveryError(new TypeError("fetch failed"), KEY).retryable).toBe(true);
  });

  // Attack: an error message travels to logs and the jobs table; a key inside it would leak there.
  it("removes the API key, raw or as a Basic credential, from the message", () => {
    const basic = Buffer.from(`api:${KEY}`).toString("base64");
    const error = toDeliveryError(sdkError(401, `bad ${KEY}`, `Authorization: Basic ${basic}`), KEY);
    expect(error.message).not.toContain(KEY);
    expect(error.message).not.toContain(basic);
    expect(error.message).toContain("[redacted]");
  });
});
