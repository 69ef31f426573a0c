import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { createApp } from "../../src/server/app.js";
import { type Config, readConfig } from "../../src/server/config.js";
import type { AppDeps } from "../../src/http/app-env.js";
import { createJobQueue } from "../../src/jobs/queue.js";
import { createLogger } from "../../src/lib/logger.js";
import { resolveSecrets } from "../../src/server/secrets.js";
import type { Database } from "../../src/db/client.js";
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

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = readConfig({
    NODE_ENV: "test",
    DATA_DIR: "/nonexistent-test-data-dir",
    LOG_LEVEL: "info",
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

/** A fresh app on a fresh database, with its logs captured. The job worker is not started. */
export async function createTestApp(
  options: { config?: Partial<Config>; webRoot?: string; database?: Database } = {},
): Promise<TestApp> {
  const config = testConfig(options.config);
  const database = options.database ?? (await createTestDatabase());
  const logs = captureLogs();
  const logger = createLogger({ level: config.logLevel, destination: logs.stream });
  const queue = createJobQueue({ db: database.db, logger, pollIntervalMs: 50, backoffBaseMs: 0 });
  const deps: AppDeps = { config, secrets: resolveSecrets(config), database, logger, queue };
  const app = createApp(deps, { webRoot: options.webRoot ?? "/nonexistent-web-root" });
  return {
    app,
    deps,
    database,
    logs,
    request: (path, init) => Promise.resolve(app.request(path, init)),
    async close() {
      await queue.stop();
      await database.close();
    },
  };
}
