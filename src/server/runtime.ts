import type { DestinationStream } from "pino";
import { type Database, openDatabase } from "../db/client.js";
import type { AppDeps } from "../http/app-env.js";
import { createFieldCipher } from "../identity/field-encryption.js";
import { loadDummyPasswordHash } from "../identity/password.js";
import { createEmailSender } from "../integrations/email/create-email-sender.js";
import { registerEmailJob } from "../integrations/email/email-job.js";
import type { EmailSender } from "../integrations/email/email-port.js";
import { createJobQueue, type JobQueueOptions } from "../jobs/queue.js";
import { createLogger, type Logger } from "../lib/logger.js";
import { createMailer, emailPayloadProtector } from "../services/mailer.js";
import { type AppOptions, createApp } from "./app.js";
import type { Config } from "./config.js";
import { resolveSecrets } from "./secrets.js";

export type Runtime = {
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  /** Stops the job worker and closes the database. */
  close(): Promise<void>;
};

/**
 * Wires the dependencies every part of the app shares: field encryption, the job queue with
 * its handlers, and the mailer. Used by the server and by the tests alike.
 */
export function assembleDeps(input: {
  config: Config;
  database: Database;
  logger: Logger;
  emailSender?: EmailSender;
  queueOptions?: Partial<JobQueueOptions>;
}): AppDeps {
  const { config, database, logger } = input;
  const secrets = resolveSecrets(config);
  const cipher = createFieldCipher(secrets.fieldKeys);
  const queue = createJobQueue({
    db: database.db,
    logger,
    pollIntervalMs: config.jobPollIntervalMs,
    ...input.queueOptions,
  });
  registerEmailJob(queue, {
    sender: input.emailSender ?? createEmailSender(config, logger),
    logger,
    protect: emailPayloadProtector(cipher),
  });
  return { config, secrets, database, logger, queue, cipher, mailer: createMailer(queue, cipher) };
}

/**
 * Everything the server needs, opened and ready: secrets, the database (migrated), the job
 * queue and the app. Throws ConfigError or DatabaseStartError with a message meant for people.
 */
export async function openRuntime(
  config: Config,
  options: AppOptions & { logDestination?: DestinationStream; startWorker?: boolean } = {},
): Promise<Runtime> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  resolveSecrets(config); // fail on missing production secrets before touching the database
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const deps = assembleDeps({ config, database, logger });
  // Made now, so the first sign-in for an unknown address does not also pay for it.
  void loadDummyPasswordHash(config.bcryptCost);
  const app = createApp(deps, options);
  if (options.startWorker !== false) deps.queue.start();
  return {
    deps,
    app,
    async close() {
      await deps.queue.stop();
      await database.close();
    },
  };
}
