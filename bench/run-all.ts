/**
 * Runs every benchmark in turn (`npm run bench`); each one needs `npm run build` first.
 * The exit code is 1 when any benchmark fails or one of its assertions does not hold.
 */
import { installSafetyNet } from "./lib/safety-net.js";
import {
  describeStartupBenchLeftovers,
  runStartupAndHealthBench,
  STARTUP_BENCH_BUDGET_MS,
} from "./startup-and-health.js";

const benches = [{ name: "startup-and-health", run: runStartupAndHealthBench }];

installSafetyNet(STARTUP_BENCH_BUDGET_MS + 60_000, describeStartupBenchLeftovers);
let failed = 0;
for (const bench of benches) {
  try {
    if (!(await bench.run())) failed += 1;
  } catch (error) {
    failed += 1;
    process.stderr.write(`${bench.name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
