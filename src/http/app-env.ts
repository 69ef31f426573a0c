import type { Database } from "../db/client.js";
import type { JobQueue } from "../jobs/queue.js";
import type { Logger } from "../lib/logger.js";
import type { Config } from "../server/config.js";
import type { Secrets } from "../server/secrets.js";

/** What the HTTP layer is given; services are built from these. */
export type AppDeps = {
  config: Config;
  secrets: Secrets;
  database: Database;
  logger: Logger;
  queue: JobQueue;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    log: Logger;
    /** The caller's address: the socket's, or the proxy's `X-Forwarded-For` with TRUST_PROXY. */
    clientIp: string;
    /** "https" or "http", as the client reached us (the proxy's word with TRUST_PROXY). */
    protocol: "http" | "https";
  };
};
