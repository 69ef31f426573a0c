import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EmailDeliveryError, type EmailMessage } from "../../../src/integrations/email/email-port.js";
import { createMailgunSender } from "../../../src/integrations/email/mailgun-sender.js";
import { type FakeMailgun, startFakeMailgun } from "../../fakes/mailgun-server.js";

const FROM = "TherapyLedger <no-reply@mg.therapyledger.test>";
const message: EmailMessage = {
  to: "therapist@example.com",
  subject: "Reset your TherapyLedger password",
  text: "Reset: https://app.test/reset#token=abc",
  html: '<p><a href="https://app.test/reset#token=abc">Reset</a></p>',
};

let fake: FakeMailgun;
beforeAll(async () => {
  fake = await startFakeMailgun();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.messages.length = 0;
  fake.failNext(0, { status: 500 });
});

function sender(overrides: { apiKey?: string; url?: string } = {}) {
  return createMailgunSender({
    apiKey: fake.apiKey,
    domain: fake.domain,
    url: fake.url,
    from: FROM,
    ...overrides,
  });
}

async function sendError(send: Promise<void>): Promise<EmailDeliveryError> {
  const error = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailDeliveryError);
  return error as EmailDeliveryError;
}

describe("Mailgun sender against the fake Mailgun", () => {
  it("posts a multipart message with from, to, subject, both bodies and tracking off", async () => {
    await sender().send(message);
    expect(fake.messages).toHaveLength(1);
    const received = fake.messages[0];
    expect(received?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(received).toMatchObject({
      domain: fake.domain,
      from: FROM,
      to: ["therapist@example.com"],
      subject: message.subject,
      text: message.text,
      html: message.html,
    });
    // The security page promises no marketing tracking: opens and clicks are off per message.
    expect(received?.fields["o:tracking"]).toEqual(["no"]);
    expect(received?.fields["o:tracking-clicks"]).toEqual(["no"]);
    expect(received?.fields["o:tracking-opens"]).toEqual(["no"]);
    expect(fake.unexpected).toEqual([]);
  });

  it("has kind 'mailgun'", () => {
    expect(sender().kind).toBe("mailgun");
  });

  // Attack: a wrong or leaked-then-rotated key; the failure must not echo the key anywhere.
  it("a wrong key is a non-retryable error whose message does not contain the key", async () => {
    const wrongKey = "key-wrong-9876543210fedcba";
    const error = await sendError(sender({ apiKey: wrongKey }).send(message));
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(401);
    expect(error.message).not.toContain(wrongKey);
    expect(error.message).not.toContain(fake.apiKey);
    expect(fake.messages).toHaveLength(0);
  });

  it("a 400 with Mailgun's JSON error is not retryable and carries Mailgun's explanation", async () => {
    fake.failNext(1, { status: 400, body: { message: "'to' parameter is not a valid address" } });
    const error = await sendError(sender().send(message));
    expect(error.retryable).toBe(false);
    expect(error.status).toBe(400);
    expect(error.message).toContain("'to' parameter is not a valid address");
  });

  it.each([429, 500, 503])("status %i is retryable", async (status) => {
    fake.failNext(1, { status });
    const error = await sendError(sender().send(message));
    expect(error.retryable).toBe(true);
    expect(error.status).toBe(status);
    await sender().send(message);
    expect(fake.messages).toHaveLength(1);
  });

  it("an unreachable server is retryable", async () => {
    const closed = await startFakeMailgun();
    await closed.close();
    const error = await sendError(sender({ url: closed.url }).send(message));
    expect(error.retryable).toBe(true);
    expect(error.message).toContain("unreachable");
    expect(error.message).not.toContain(fake.apiKey);
  });
});
