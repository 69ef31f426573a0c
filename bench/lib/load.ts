import autocannon from "autocannon";
import { LOOPBACK } from "./child-processes.js";

export type LoadSettings = { connections: number; durationSeconds: number; warmupSeconds: number };

export type LoadFigures = {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  total: number;
};

/**
 * Runs autocannon against `url` twice: a warm-up whose figures are dropped (JIT, connection
 * set-up, caches), then the measured run.
 */
export async function measureLoad(url: string, settings: LoadSettings): Promise<LoadFigures> {
  if (new URL(url).hostname !== LOOPBACK) throw new Error(`refusing to load anything but ${LOOPBACK}`);
  const common = { url, connections: settings.connections, timeout: 10 };
  await autocannon({ ...common, duration: settings.warmupSeconds });
  const result = await autocannon({ ...common, duration: settings.durationSeconds });
  return {
    requestsPerSecond: result.requests.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    total: result.requests.total,
  };
}
