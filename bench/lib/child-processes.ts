import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Benchmarks send traffic to this address only. */
export const LOOPBACK = "127.0.0.1";

const READY_POLL_INTERVAL_MS = 20;

export type ExitResult = { code: number | null; signal: NodeJS.Signals | null };

export type ServerProcess = {
  name: string;
  port: number;
  child: ChildProcess;
  /** performance.now() just before the spawn. */
  spawnedAt: number;
  exited: Promise<ExitResult>;
  /** The last lines the process wrote, for error messages. */
  readOutputTail(): string;
};

const running = new Set<ChildProcess>();

/** Kills every server still running; safe to call from an `exit` handler (synchronous). */
export function killAllServers(): void {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  running.clear();
}

/** Asks the kernel for a free port on the loopback interface. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

/**
 * Starts a server process whose output goes to a log file rather than a pipe: the benchmark
 * process then spends no CPU reading per-request log lines, and a full pipe cannot stall the server.
 */
export function startServer(options: {
  name: string;
  port: number;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
}): ServerProcess {
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const logFd = fs.openSync(options.logFile, "a");
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", logFd, logFd],
  });
  fs.closeSync(logFd);
  running.add(child);
  const exited = new Promise<ExitResult>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    name: options.name,
    port: options.port,
    child,
    spawnedAt,
    exited,
    readOutputTail: () => readTail(options.logFile, 2000),
  };
}

function readTail(file: string, chars: number): string {
  try {
    return fs.readFileSync(file, "utf8").slice(-chars).trim();
  } catch {
    return "(no output)";
  }
}

/**
 * Polls `GET path` every 20 ms until it answers 200 and returns the milliseconds since the
 * spawn. The figure is accurate to one poll interval.
 */
export async function waitUntilReady(server: ServerProcess, urlPath: string, timeoutMs: number) {
  const url = `http://${LOOPBACK}:${server.port}${urlPath}`;
  const deadline = performance.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (performance.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`${server.name} exited before it was ready:\n${server.readOutputTail()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now() - server.spawnedAt;
      lastProblem = `status ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await sleep(READY_POLL_INTERVAL_MS);
  }
  throw new Error(
    `${server.name} was not ready within ${timeoutMs} ms (${lastProblem}):\n${server.readOutputTail()}`,
  );
}

/** Sends SIGTERM and waits for the exit; SIGKILLs and throws after `timeoutMs`. */
export async function stopServer(server: ServerProcess, timeoutMs: number) {
  const started = performance.now();
  server.child.kill("SIGTERM");
  const outcome = await Promise.race([server.exited, sleep(timeoutMs).then(() => "timeout" as const)]);
  if (outcome === "timeout") {
    server.child.kill("SIGKILL");
    throw new Error(`${server.name} did not exit within ${timeoutMs} ms of SIGTERM`);
  }
  return { ms: performance.now() - started, ...outcome };
}
