import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Database } from "../../src/db/client.js";
import type { AppDeps } from "../../src/http/app-env.js";
import type { EmailSender } from "../../src/integrations/email/email-port.js";
import { createLogger } from "../../src/lib/logger.js";
import { createApp } from "../../src/server/app.js";
import { type Config, readConfig } from "../../src/server/config.js";
import { assembleDeps } from "../../src/server/runtime.js";
import { createTestDatabase } from "./test-database.js";

export type LogCapture = { lines: string[]; stream: Writable; text(): string };

export function captureLogs(): LogCapture {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  return { lines, stream, text: () => lines.join("") };
}

/** Test configuration: fresh keys, bcrypt at cost 4 (one test runs the real cost 12). */
export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = readConfig({
    NODE_ENV: "test",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "tl-test-data-")),
    LOG_LEVEL: "info",
    BCRYPT_COST: "4",
    TRUST_PROXY: "true",
    SESSION_SECRET: randomBytes(32).toString("base64"),
    FIELD_ENCRYPTION_KEYS: `test1:${randomBytes(32).toString("base64")}`,
  });
  return { ...base, ...overrides };
}

export type TestApp = {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: Database;
  logs: LogCapture;
  /** Sends a request to the app in-process, as a browser or API client would. */
  request(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
};

/**
 * A fresh app on a fresh database, with its logs captured. The job worker is not started;
 * tests run due jobs with `deps.queue.runDueJobs()`. Email goes to `emailSender` when given
 * (for example one aimed at the fake Mailgun server), else to an outbox in a temp folder.
 */
export async function createTestApp(
  options: {
    config?: Partial<Config>;
    webRoot?: string;
    database?: Database;
    emailSender?: EmailSender;
  } = {},
): Promise<TestApp> {
  const config = testConfig(options.config);
  const database = options.database ?? (await createTestDatabase());
  const logs = captureLogs();
  const logger = createLogger({ level: config.logLevel, destination: logs.stream });
  const deps = assembleDeps({
    config,
    database,
    logger,
    emailSender: options.emailSender,
    queueOptions: { pollIntervalMs: 50, backoffBaseMs: 0 },
  });
  const app = createApp(deps, { webRoot: options.webRoot ?? "/nonexistent-web-root" });
  return {
    app,
    deps,
    database,
    logs,
    request: (path, init) => Promise.resolve(app.request(path, init)),
    async close() {
      await deps.queue.stop();
      await database.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}
