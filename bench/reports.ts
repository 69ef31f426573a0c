/**
 * Report latency on a large ledger: a practice with 1,000,000 transactions over ten years
 * (bench/ledger-data.ts), then the yearly profit and loss and the dashboard, each requested ~20
 * times through the HTTP app in-process (`app.request`, signed in as the Owner), on PGlite and,
 * with BENCH_DATABASE_URL, on PostgreSQL. Prints min / median / p95 in ms with the row count.
 *
 *   npx tsx bench/reports.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/reports.ts
 *   BENCH_ROWS=200000 BENCH_PGLITE_ROWS=100000 npx tsx bench/reports.ts   # a quicker try
 *   BENCH_SKIP_PGLITE=1 …                                                 # PostgreSQL only
 *
 * Targets (issue 5): the yearly P&L under 200 ms on PostgreSQL and under 1 s on PGlite.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Database } from "../src/db/client.js";
import { sealSessionToken } from "../src/identity/session-token.js";
import { createLogger } from "../src/lib/logger.js";
import { createApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { assembleDeps } from "../src/server/runtime.js";
import { createSession } from "../src/services/sessions.js";
import { seedLedgerPractice } from "./ledger-data.js";
import { onEachDatabase } from "./lib/postgres.js";
import { formatNumber, formatTable, median, minimum, print } from "./lib/report.js";

const RUNS = 20;
const WARMUP = 2;
const LAST_YEAR = 2025;

function progress(text: string) {
  process.stderr.write(`bench: ${text}\n`);
}

function rowsFrom(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1000 || value > 5_000_000) {
    throw new Error(`${name} must be a whole number from 1000 to 5000000`);
  }
  return value;
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
}

type Row = string[];

async function measure(database: Database, label: string, rows: number): Promise<Row[]> {
  progress(`${label}: seeding ${rows.toLocaleString("en-US")} transactions`);
  const seeded = await seedLedgerPractice(database.db, {
    transactions: rows,
    lastYear: LAST_YEAR,
    progress: (text) => progress(`${label}: ${text}`),
  });
  progress(`${label}: seeded in ${seeded.seconds.toFixed(1)} s`);

  const config = readConfig({
    NODE_ENV: "test",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "tl-bench-reports-")),
    LOG_LEVEL: "warn",
    BCRYPT_COST: "4",
    SESSION_SECRET: randomBytes(32).toString("base64"),
    FIELD_ENCRYPTION_KEYS: `kbench:${randomBytes(32).toString("base64")}`,
  });
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const deps = assembleDeps({
    config,
    database,
    logger: createLogger({ level: "warn", destination: silent }),
  });
  const app = createApp(deps, { webRoot: "/nonexistent-web-root" });
  const session = await createSession(
    database.db,
    { userId: seeded.ownerId, state: "active", method: "password", ip: "127.0.0.1", userAgent: "bench" },
    { absoluteTtlSeconds: 3600, idleTtlSeconds: 3600 },
  );
  const cookie = `tl_session=${await sealSessionToken(deps.secrets.sessionKey, session.id, session.expiresAt)}`;

  const base = `http://localhost/api/practices/${seeded.practiceId}`;
  const requests: [string, string][] = [
    [
      `P&L, year ${LAST_YEAR}`,
      `${base}/reports/profit-and-loss?from=${LAST_YEAR}-01-01&to=${LAST_YEAR}-12-31`,
    ],
    [
      "P&L, all ten years",
      `${base}/reports/profit-and-loss?from=${LAST_YEAR - 9}-01-01&to=${LAST_YEAR}-12-31`,
    ],
    [`dashboard, year ${LAST_YEAR}`, `${base}/dashboard?year=${LAST_YEAR}`],
  ];
  const out: Row[] = [];
  for (const [name, url] of requests) {
    const probe = await app.request(url, { headers: { cookie } });
    if (probe.status === 404 && name.startsWith("dashboard")) {
      progress(`${label}: ${url} answered 404: no dashboard route in this build, skipped`);
      out.push([label, name, seeded.transactionRows.toLocaleString("en-US"), "–", "–", "–", "no route"]);
      continue;
    }
    if (probe.status !== 200) throw new Error(`${name}: ${probe.status} ${await probe.text()}`);
    await probe.arrayBuffer();
    const samples: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t0 = performance.now();
      const res = await app.request(url, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
      if (i >= WARMUP) samples.push(performance.now() - t0);
    }
    progress(`${label}: ${name}: median ${formatNumber(median(samples))} ms`);
    out.push([
      label,
      name,
      seeded.transactionRows.toLocaleString("en-US"),
      formatNumber(minimum(samples)),
      formatNumber(median(samples)),
      formatNumber(p95(samples)),
      `seeded in ${seeded.seconds.toFixed(0)} s (${seeded.splitRows.toLocaleString("en-US")} split parts)`,
    ]);
  }
  return out;
}

async function main() {
  const rows = rowsFrom("BENCH_ROWS", 1_000_000);
  const pgliteRows = rowsFrom("BENCH_PGLITE_ROWS", rows);
  const table: Row[] = [];
  table.push(
    ...(await onEachDatabase(
      (database, label) => measure(database, label, label === "PGlite" ? pgliteRows : rows),
      progress,
    )),
  );
  print(
    `Reports on a large ledger (${RUNS} requests each after ${WARMUP} warm-up; load ${os.loadavg()[0]?.toFixed(2)})`,
  );
  print();
  print(formatTable(["database", "request", "transactions", "min ms", "median ms", "p95 ms", "note"], table));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
