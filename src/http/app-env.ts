import type { Database } from "../db/client.js";
import type { RoleName } from "../domain/permissions.js";
import type { FieldCipher } from "../identity/field-encryption.js";
import type { JobQueue } from "../jobs/queue.js";
import type { Logger } from "../lib/logger.js";
import type { Config } from "../server/config.js";
import type { Secrets } from "../server/secrets.js";
import type { Mailer } from "../services/mailer.js";
import type { SessionRow } from "../services/sessions.js";

/** What the HTTP layer is given; services are built from these. */
export type AppDeps = {
  config: Config;
  secrets: Secrets;
  database: Database;
  logger: Logger;
  queue: JobQueue;
  cipher: FieldCipher;
  mailer: Mailer;
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
    /** The caller's live session, loaded once per API request (undefined when signed out). */
    session: SessionRow | undefined;
    /** Set by a practice route's access check: the caller's membership in that practice. */
    membership: { practiceId: string; userId: string; role: RoleName };
  };
};
