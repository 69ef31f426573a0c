import { killAllServers } from "./child-processes.js";

/**
 * Makes a benchmark stop by itself: no server outlives it (on a normal exit, an error, Ctrl-C or
 * a kill), and the whole run is bounded by `budgetMs`.
 */
export function installSafetyNet(budgetMs: number, describeLeftovers: () => string = () => ""): void {
  process.on("exit", killAllServers);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal} received; stopping the servers.\n${describeLeftovers()}`);
      killAllServers();
      process.exit(130);
    });
  }
  const watchdog = setTimeout(() => {
    process.stderr.write(
      `\nbench: still running after ${Math.round(budgetMs / 1000)} s; stopping.\n${describeLeftovers()}`,
    );
    killAllServers();
    process.exit(1);
  }, budgetMs);
  watchdog.unref();
}
