import type { DestinationStream } from "pino";
import { openDatabase } from "../db/client.js";
import type { AppDeps } from "../http/app-env.js";
import { createJobQueue } from "../jobs/queue.js";
import { createLogger } from "../lib/logger.js";
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
 * Everything the server needs, opened and ready: secrets, the database (migrated), the job
 * queue and the app. Throws ConfigError or DatabaseStartError with a message meant for people.
 */
export async function openRuntime(
  config: Config,
  options: AppOptions & { logDestination?: DestinationStream; startWorker?: boolean } = {},
): Promise<Runtime> {
  const logger = createLogger({ level: config.logLevel, destination: options.logDestination });
  const secrets = resolveSecrets(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const queue = createJobQueue({ db: database.db, logger, pollIntervalMs: config.jobPollIntervalMs });
  const deps: AppDeps = { config, secrets, database, logger, queue };
  const app = createApp(deps, options);
  if (options.startWorker !== false) queue.start();
  return {
    deps,
    app,
    async close() {
      await queue.stop();
      await database.close();
    },
  };
}
