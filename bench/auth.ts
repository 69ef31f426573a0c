/**
 * Sign-in costs, measured on the built server in production mode with bcrypt at cost 12:
 * - login throughput with 16 sign-ins in flight, and the p99 of GET /api/health meanwhile,
 *   next to its p99 alone (bcrypt must run off the event loop);
 * - authenticated GET /api/me requests per second;
 * - the time of a sign-in for an unknown address next to a wrong password for a known one
 *   (they must cost the same: no account enumeration by timing).
 *
 *   npm run build && npx tsx bench/auth.ts
 */
import { randomBytes, randomInt } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import {
  findFreePort,
  killAllServers,
  startServer,
  stopServer,
  waitUntilReady,
} from "./lib/child-processes.js";
import { formatNumber, formatTable, median, print } from "./lib/report.js";
import { installSafetyNet } from "./lib/safety-net.js";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const SERVER_ENTRY = path.join(REPO_ROOT, "dist", "server", "main.js");
const IN_FLIGHT = 16;
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 10);
const PASSWORD = "a long and unremarkable passphrase";
const PROXY_HEADERS = { "x-forwarded-proto": "https" };

type Browser = { cookies: Map<string, string>; csrf: string; ip: string };

function cookieHeader(b: Browser) {
  return [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
}

function keepCookies(b: Browser, res: Response) {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const eq = pair.indexOf("=");
    if (eq > 0) b.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

async function newBrowser(base: string): Promise<Browser> {
  const b: Browser = {
    cookies: new Map(),
    csrf: "",
    ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
  };
  const res = await fetch(`${base}/api/auth/csrf`, {
    headers: { ...PROXY_HEADERS, "x-forwarded-for": b.ip },
  });
  keepCookies(b, res);
  b.csrf = ((await res.json()) as { token: string }).token;
  return b;
}

async function post(base: string, b: Browser, urlPath: string, body: unknown, ip = b.ip) {
  const res = await fetch(`${base}${urlPath}`, {
    method: "POST",
    headers: {
      ...PROXY_HEADERS,
      "x-forwarded-for": ip,
      "content-type": "application/json",
      "x-csrf-token": b.csrf,
      cookie: cookieHeader(b),
    },
    body: JSON.stringify(body),
  });
  keepCookies(b, res);
  await res.arrayBuffer();
  return res.status;
}

async function healthP99(base: string, seconds: number) {
  const result = await autocannon({ url: `${base}/api/health`, connections: 4, duration: seconds });
  return { p99: result.latency.p99, rps: result.requests.mean };
}

async function main() {
  if (!fs.existsSync(SERVER_ENTRY))
    throw new Error("dist/server/main.js is missing: run `npm run build` first.");
  installSafetyNet(10 * 60_000);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-bench-auth-"));
  const port = await findFreePort();
  const server = startServer({
    name: "app",
    port,
    args: [SERVER_ENTRY],
    cwd: REPO_ROOT,
    logFile: path.join(workDir, "server.log"),
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      PUBLIC_URL: "https://therapyledger.bench.invalid",
      TRUST_PROXY: "true",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: path.join(workDir, "data"),
      DATABASE_URL: process.env.BENCH_DATABASE_URL ?? "",
      SESSION_SECRET: randomBytes(32).toString("base64"),
      FIELD_ENCRYPTION_KEYS: `kb:${randomBytes(32).toString("base64")}`,
    },
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(server, "/api/ready", 120_000);
    process.stderr.write("bench: registering accounts\n");
    const accounts: { email: string }[] = [];
    for (let i = 0; i < IN_FLIGHT; i += 1) {
      const b = await newBrowser(base);
      const email = `bench.${i}.${randomBytes(3).toString("hex")}@example.com`;
      const status = await post(base, b, "/api/auth/register", {
        email,
        password: PASSWORD,
        acceptTerms: true,
      });
      if (status !== 201) throw new Error(`registration answered ${status}`);
      accounts.push({ email });
    }

    process.stderr.write("bench: /api/health alone\n");
    await healthP99(base, 2);
    const alone = await healthP99(base, LOAD_SECONDS);

    process.stderr.write(`bench: /api/health with ${IN_FLIGHT} sign-ins in flight\n`);
    let logins = 0;
    let stop = false;
    const loops = accounts.map(async (account) => {
      const b = await newBrowser(base);
      while (!stop) {
        // A fresh address per attempt: the per-IP limit is not what this measures.
        const status = await post(
          base,
          b,
          "/api/auth/login",
          { email: account.email, password: PASSWORD },
          `10.9.${randomInt(256)}.${randomInt(1, 255)}`,
        );
        if (status !== 200) throw new Error(`login answered ${status}`);
        logins += 1;
      }
    });
    const started = performance.now();
    const during = await healthP99(base, LOAD_SECONDS);
    stop = true;
    await Promise.all(loops);
    const loginsPerSecond = logins / ((performance.now() - started) / 1000);

    process.stderr.write("bench: authenticated GET /api/me\n");
    const me = await newBrowser(base);
    const first = accounts[0];
    if (!first) throw new Error("no account");
    await post(base, me, "/api/auth/login", { email: first.email, password: PASSWORD });
    const meLoad = await autocannon({
      url: `${base}/api/me`,
      connections: 10,
      duration: LOAD_SECONDS,
      headers: { ...PROXY_HEADERS, cookie: cookieHeader(me) },
    });

    process.stderr.write("bench: unknown address vs wrong password\n");
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    const probe = await newBrowser(base);
    for (let i = 0; i < 12; i += 1) {
      for (const kind of ["unknown", "wrong"] as const) {
        const email = kind === "unknown" ? `nobody.${i}@example.com` : (accounts[1 + (i % 8)]?.email ?? "");
        const t0 = performance.now();
        const status = await post(
          base,
          probe,
          "/api/auth/login",
          { email, password: "not the password at all" },
          `10.8.${i}.${kind === "unknown" ? 1 : 2}`,
        );
        timings[kind].push(performance.now() - t0);
        if (status !== 401) throw new Error(`a wrong sign-in answered ${status}`);
      }
    }

    print(
      `Sign-in bench — ${new Date().toISOString()}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(
          " ",
        )}, ${os.cpus().length} cores, database ${process.env.BENCH_DATABASE_URL ? "PostgreSQL" : "PGlite"}`,
    );
    print(
      formatTable(
        ["measure", "figure"],
        [
          ["GET /api/health p99, alone", `${formatNumber(alone.p99)} ms (${formatNumber(alone.rps)} req/s)`],
          [
            `GET /api/health p99, ${IN_FLIGHT} sign-ins in flight`,
            `${formatNumber(during.p99)} ms (${formatNumber(during.rps)} req/s)`,
          ],
          ["sign-ins per second (bcrypt cost 12)", formatNumber(loginsPerSecond)],
          [
            "authenticated GET /api/me",
            `${formatNumber(meLoad.requests.mean)} req/s, p99 ${formatNumber(meLoad.latency.p99)} ms, non-2xx ${meLoad.non2xx}`,
          ],
          ["sign-in, unknown address (median of 12)", `${formatNumber(median(timings.unknown))} ms`],
          ["sign-in, wrong password (median of 12)", `${formatNumber(median(timings.wrong))} ms`],
        ],
      ),
    );
  } finally {
    await stopServer(server, 20_000).catch(() => killAllServers());
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  killAllServers();
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
