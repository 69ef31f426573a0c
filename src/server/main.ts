import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { DatabaseStartError, redactUrl } from "../db/client.js";
import { messageOf } from "../lib/error-message.js";
import { ConfigError, readConfig } from "./config.js";
import { openRuntime } from "./runtime.js";

async function main() {
  const config = readConfig();
  const runtime = await openRuntime(config);
  const { logger } = runtime.deps;
  const server = serve({ fetch: runtime.app.fetch, hostname: config.host, port: config.port });
  server.on("error", (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === "EADDRINUSE"
        ? `port ${config.port} is already in use (set PORT to another)`
        : error.message;
    process.stderr.write(`TherapyLedger could not start: ${reason}\n`);
    void runtime.close().finally(() => process.exit(1));
  });
  server.on("listening", () => {
    const port = (server.address() as AddressInfo).port;
    const where = config.databaseUrl
      ? redactUrl(config.databaseUrl)
      : `embedded PostgreSQL in ${config.dataDir}`;
    logger.info({ port, database: runtime.deps.database.kind }, "listening");
    process.stdout.write(`TherapyLedger is running on http://localhost:${port} (database: ${where})\n`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => {
      process.stderr.write("Shutdown took too long; exiting.\n");
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    // Stop accepting, let in-flight requests finish, then stop the worker and the database.
    server.close(() => {
      runtime
        .close()
        .then(() => logger.flush())
        .then(() => process.exit(0))
        .catch((error: unknown) => {
          process.stderr.write(`Error while shutting down: ${String(error)}\n`);
          process.exit(1);
        });
    });
    // Idle keep-alive connections would otherwise hold close() open.
    if ("closeIdleConnections" in server) server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  // Known start-up failures carry a message written for people; anything else is shown by its
  // message alone, never as a stack dump.
  const known = error instanceof ConfigError || error instanceof DatabaseStartError;
  process.stderr.write(`TherapyLedger could not start: ${messageOf(error)}${known ? "" : " (unexpected)"}\n`);
  process.exit(1);
});
