/**
 * Start-up, shutdown and health-endpoint throughput of the built server, next to a bare
 * node:http server measured in the same run. See bench/README.md for how to read the figures.
 *
 *   npm run build && npx tsx bench/startup-and-health.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/startup-and-health.ts
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  type ExitResult,
  findFreePort,
  killAllServers,
  type ServerProcess,
  startServer,
  stopServer,
  waitUntilReady,
} from "./lib/child-processes.js";
import { type LoadSettings, measureLoad } from "./lib/load.js";
import { createBenchDatabases, requireLocalPostgresUrl } from "./lib/postgres.js";
import { installSafetyNet } from "./lib/safety-net.js";
import { type LoadRow, printStartupAndHealthReport, type StartupSamples } from "./lib/startup-report.js";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const SERVER_ENTRY = path.join(REPO_ROOT, "dist", "server", "main.js");
const MIGRATIONS_JOURNAL = path.join(REPO_ROOT, "dist", "db", "migrations", "meta", "_journal.json");
const RUNS = 3;
// Generous: a first PGlite start (initdb) took over 60 s on this shared machine under load.
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const BUDGET_MS = 15 * 60_000;
/** Set from the environment when a run starts. */
let LOAD: LoadSettings = { connections: 50, durationSeconds: 10, warmupSeconds: 2 };

/** BENCH_LOAD_SECONDS shortens the measured load runs for a quick try (default 10, at most 60). */
function readLoadSeconds(): number {
  const value = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
  if (!Number.isInteger(value) || value < 1 || value > 60) {
    throw new Error("BENCH_LOAD_SECONDS must be a whole number of seconds from 1 to 60");
  }
  return value;
}

// The baseline answers like /api/health does (a small JSON body), with nothing else around it.
const BASELINE_SOURCE = `
const http = require("node:http");
const body = JSON.stringify({ status: "ok" });
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}).listen(Number(process.env.PORT), process.env.HOST);
process.on("SIGTERM", () => process.exit(0));
`;

type Launch = { name: string; args: string[]; env: NodeJS.ProcessEnv; readyPath: string };

/** Data folders and server logs of this run; removed when the run succeeds. */
let workDir = "";
const secrets = {
  SESSION_SECRET: randomBytes(32).toString("base64"),
  FIELD_ENCRYPTION_KEYS: `kbench:${randomBytes(32).toString("base64")}`,
};
let launches = 0;

function progress(text: string) {
  process.stderr.write(`bench: ${text}\n`);
}

/** Only what Node needs: settings from the caller's shell must not leak into the measured server. */
function baseEnv(): NodeJS.ProcessEnv {
  const kept = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"].filter((name) => process.env[name] !== undefined);
  return Object.fromEntries(kept.map((name) => [name, process.env[name]]));
}

/** The app as the image runs it: production mode, secrets from the environment. */
function appLaunch(name: string, settings: Record<string, string>): Launch {
  return {
    name,
    args: ["--enable-source-maps", SERVER_ENTRY],
    readyPath: "/api/ready",
    env: {
      ...baseEnv(),
      ...secrets,
      NODE_ENV: "production",
      PUBLIC_URL: "https://therapyledger.bench.invalid",
      LOG_LEVEL: "info",
      ...settings,
    },
  };
}

function baselineLaunch(): Launch {
  return { name: "bare node:http", args: ["-e", BASELINE_SOURCE], readyPath: "/", env: baseEnv() };
}

async function launch(spec: Launch): Promise<{ server: ServerProcess; readyMs: number }> {
  const port = await findFreePort();
  launches += 1;
  const server = startServer({
    name: spec.name,
    port,
    args: spec.args,
    cwd: REPO_ROOT,
    env: { ...spec.env, HOST: "127.0.0.1", PORT: String(port) },
    logFile: path.join(workDir, "logs", `${String(launches).padStart(2, "0")}.log`),
  });
  const readyMs = await waitUntilReady(server, spec.readyPath, START_TIMEOUT_MS);
  return { server, readyMs };
}

/** Start on a new data folder (or empty database), stop, start again on the same one, stop. */
async function measureStartups(makeLaunch: (run: number) => Launch, reopen: boolean) {
  const samples: StartupSamples = { fresh: [], reopened: [], shutdown: [], exits: [] };
  for (let run = 1; run <= RUNS; run += 1) {
    const phases = reopen ? (["fresh", "reopened"] as const) : (["fresh"] as const);
    for (const phase of phases) {
      const spec = makeLaunch(run);
      progress(`start-up ${run}/${RUNS}: ${spec.name} (${phase})`);
      const { server, readyMs } = await launch(spec);
      samples[phase].push(readyMs);
      const stopped = await stopServer(server, STOP_TIMEOUT_MS);
      samples.shutdown.push(stopped.ms);
      samples.exits.push(stopped);
    }
  }
  return samples;
}

async function measureLoads(spec: Launch, paths: { label: string; path: string }[], exits: ExitResult[]) {
  const { server } = await launch(spec);
  const rows: LoadRow[] = [];
  for (const { label, path: urlPath } of paths) {
    progress(`load: ${label} (${LOAD.warmupSeconds} s warm-up + ${LOAD.durationSeconds} s)`);
    const figures = await measureLoad(`http://127.0.0.1:${server.port}${urlPath}`, LOAD);
    rows.push({ name: label, figures });
  }
  exits.push(await stopServer(server, STOP_TIMEOUT_MS));
  return rows;
}

function requireBuiltServer() {
  if (!fs.existsSync(SERVER_ENTRY)) {
    throw new Error(`${path.relative(REPO_ROOT, SERVER_ENTRY)} is missing: run \`npm run build\` first.`);
  }
  if (!fs.existsSync(MIGRATIONS_JOURNAL)) {
    throw new Error(
      "dist/db/migrations is missing: the server build must copy src/db/migrations there (see build:server).",
    );
  }
}

/** Runs every measurement and prints the tables; true when every server exited 0 on SIGTERM. */
export async function runStartupAndHealthBench(): Promise<boolean> {
  LOAD = { ...LOAD, durationSeconds: readLoadSeconds() };
  requireBuiltServer();
  if (process.env.BENCH_DATABASE_URL) requireLocalPostgresUrl(process.env.BENCH_DATABASE_URL);
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-bench-"));
  try {
    const ok = await measureAndPrint();
    fs.rmSync(workDir, { recursive: true, force: true });
    return ok;
  } catch (error) {
    killAllServers();
    const logs = path.join(workDir, "logs");
    const where = fs.existsSync(logs) ? `\nServer logs: ${logs}` : "";
    if (!where) fs.rmSync(workDir, { recursive: true, force: true });
    throw new Error(`${error instanceof Error ? error.message : String(error)}${where}`);
  }
}

async function measureAndPrint(): Promise<boolean> {
  const startedAt = new Date();
  const loadAverageAtStart = os.loadavg();
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const databases = adminUrl ? await createBenchDatabases(adminUrl, RUNS) : undefined;
  try {
    const dataDir = (run: number) => path.join(workDir, `data-${run}`);
    const postgresLaunch = (name: string, databaseUrl: string | undefined) =>
      appLaunch(name, { DATA_DIR: path.join(workDir, "unused"), DATABASE_URL: databaseUrl ?? "" });

    const baselineStarts = await measureStartups(() => baselineLaunch(), false);
    const pglite = await measureStartups((run) => appLaunch("app, PGlite", { DATA_DIR: dataDir(run) }), true);
    const postgres = databases
      ? await measureStartups((run) => postgresLaunch("app, PostgreSQL", databases.urls[run - 1]), true)
      : undefined;

    const loadExits: ExitResult[] = [];
    // The baseline is measured before and after the app, so that drift in the machine's load
    // during the run shows as a gap between the two.
    const measureBaseline = (when: string) =>
      measureLoads(baselineLaunch(), [{ label: `bare node:http (baseline, ${when})`, path: "/" }], []);
    const baselines = await measureBaseline("before");
    const loadRows = [
      ...(await measureLoads(
        appLaunch("app, PGlite", { DATA_DIR: dataDir(1) }),
        [
          { label: "app, PGlite: GET /api/health", path: "/api/health" },
          { label: "app, PGlite: GET /api/ready", path: "/api/ready" },
        ],
        loadExits,
      )),
      ...(await measureLoads(
        appLaunch("app, PGlite, LOG_LEVEL=warn", { DATA_DIR: dataDir(1), LOG_LEVEL: "warn" }),
        [{ label: "app, PGlite, LOG_LEVEL=warn: GET /api/health", path: "/api/health" }],
        loadExits,
      )),
      ...(databases
        ? await measureLoads(
            postgresLaunch("app, PostgreSQL", databases.urls[0]),
            [
              { label: "app, PostgreSQL: GET /api/health", path: "/api/health" },
              { label: "app, PostgreSQL: GET /api/ready", path: "/api/ready" },
            ],
            loadExits,
          )
        : []),
    ];
    baselines.push(...(await measureBaseline("after")));
    return printStartupAndHealthReport({
      startedAt,
      loadAverageAtStart,
      runs: RUNS,
      load: LOAD,
      baselineStarts,
      pglite,
      postgres,
      baselines,
      loadRows,
      loadExits,
    });
  } finally {
    await databases?.drop();
  }
}

/** What to tell someone whose run was cut short. */
function describeLeftovers(): string {
  const logs = workDir ? `Server logs: ${workDir}/logs\n` : "";
  return `${logs}Drop any tl_bench_* databases left in BENCH_DATABASE_URL.\n`;
}

async function main() {
  installSafetyNet(BUDGET_MS, describeLeftovers);
  try {
    process.exitCode = (await runStartupAndHealthBench()) ? 0 : 1;
  } catch (error) {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

const isEntryPoint = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isEntryPoint) void main();
