import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEmailSender, outboxDirFor } from "../../../src/integrations/email/create-email-sender.js";
import { createOutboxSender, readOutbox } from "../../../src/integrations/email/outbox-sender.js";
import { createLogger } from "../../../src/lib/logger.js";
import { captureLogs, testConfig } from "../../support/test-app.js";

const TOKEN = "reset-token-7f3a9c";
const message = {
  to: "therapist@example.com",
  subject: "Reset your TherapyLedger password",
  text: `Reset: https://app.test/reset-password#token=${TOKEN}`,
  html: `<a href="https://app.test/reset-password#token=${TOKEN}">Reset</a>`,
};

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-outbox-"));
});
afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("outbox sender", () => {
  it("creates the folder and writes the message as a private JSON file", async () => {
    const logs = captureLogs();
    const dir = outboxDirFor(dataDir);
    const sender = createOutboxSender({
      dir,
      logger: createLogger({ level: "info", destination: logs.stream }),
    });
    expect(sender.kind).toBe("outbox");

    const before = Date.now();
    await sender.send(message);

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    const file = path.join(dir, files[0] ?? "");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
    expect(Object.keys(stored).sort()).toEqual(["html", "sentAt", "subject", "text", "to"]);
    expect(stored).toMatchObject(message);
    expect(Date.parse(stored.sentAt ?? "")).toBeGreaterThanOrEqual(before - 1000);
  });

  // Bodies hold reset and sign-in links: a log line with the body would leak a usable token.
  it("logs one line with the recipient and subject, never the body", async () => {
    const logs = captureLogs();
    const sender = createOutboxSender({
      dir: outboxDirFor(dataDir),
      logger: createLogger({ level: "trace", destination: logs.stream }),
    });
    await sender.send(message);
    expect(logs.lines).toHaveLength(1);
    expect(logs.text()).toContain(message.to);
    expect(logs.text()).toContain(message.subject);
    expect(logs.text()).not.toContain(TOKEN);
  });

  it("readOutbox returns every message oldest first, and nothing for a missing folder", async () => {
    const dir = outboxDirFor(dataDir);
    expect(await readOutbox(dir)).toEqual([]);
    const logs = captureLogs();
    const sender = createOutboxSender({
      dir,
      logger: createLogger({ level: "info", destination: logs.stream }),
    });
    for (const n of [1, 2, 3, 4, 5]) await sender.send({ ...message, subject: `Message ${n}` });
    const read = await readOutbox(dir);
    expect(read.map((m) => m.subject)).toEqual([
      "Message 1",
      "Message 2",
      "Message 3",
      "Message 4",
      "Message 5",
    ]);
  });
});

describe("createEmailSender", () => {
  it("uses Mailgun when it is configured", () => {
    const logs = captureLogs();
    const config = testConfig({
      dataDir,
      mailgun: { apiKey: "key-x", domain: "mg.example.com", url: "http://127.0.0.1:9" },
    });
    expect(createEmailSender(config, createLogger({ level: "info", destination: logs.stream })).kind).toBe(
      "mailgun",
    );
  });

  it("uses the outbox under <dataDir>/outbox otherwise", async () => {
    const logs = captureLogs();
    const config = testConfig({ dataDir, mailgun: undefined });
    const sender = createEmailSender(config, createLogger({ level: "info", destination: logs.stream }));
    expect(sender.kind).toBe("outbox");
    await sender.send(message);
    expect(await readOutbox(path.join(dataDir, "outbox"))).toHaveLength(1);
  });
});
