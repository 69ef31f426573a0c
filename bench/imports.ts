/**
 * Statement import speed: a 100,000-row Chase-style CSV (tests/fixtures/statements/
 * generate-large-csv.ts) previewed, committed, committed again (every row a duplicate) and
 * undone through the HTTP app in-process (`app.request`, signed in as the Owner, answers streamed
 * as NDJSON progress lines), on PGlite and, with BENCH_DATABASE_URL, on PostgreSQL. The practice
 * has rules, so every row goes through parse, privacy guard, duplicate detection, transfer
 * matching, rules and the batched INSERTs. Prints seconds and rows per second per step (and for
 * reading and guarding the file alone, without a database), the time until each progress phase
 * began ("parse" reads the upload and finds the columns; a commit then reads, decides and writes
 * each batch in "insert", a preview decides in "dedupe"), and the longest wait between two
 * progress lines.
 *
 *   npx tsx bench/imports.ts
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/imports.ts
 *   BENCH_IMPORT_ROWS=20000 BENCH_SKIP_PGLITE=1 …      # a quicker try
 *
 * Target (issue 6): the 100,000-row commit under 10 s on PostgreSQL.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import type { Database } from "../src/db/client.js";
import { users } from "../src/db/schema/identity.js";
import { rules } from "../src/db/schema/imports.js";
import { ledgerAccounts, payers } from "../src/db/schema/ledger.js";
import { practiceMembers, practices } from "../src/db/schema/practices.js";
import { sealSessionToken } from "../src/identity/session-token.js";
import { createLogger } from "../src/lib/logger.js";
import { createApp } from "../src/server/app.js";
import { readConfig } from "../src/server/config.js";
import { assembleDeps } from "../src/server/runtime.js";
import { openCsvStatement } from "../src/services/imports/csv-source.js";
import { preparedBatches } from "../src/services/imports/prepare.js";
import { addPresetCategories } from "../src/services/ledger/categories.js";
import { createSession } from "../src/services/sessions.js";
import { generateLargeCsv } from "../tests/fixtures/statements/generate-large-csv.js";
import { onEachDatabase } from "./lib/postgres.js";
import { formatNumber, formatTable, print } from "./lib/report.js";

function progress(text: string) {
  process.stderr.write(`bench: ${text}\n`);
}

function rowCount(): number {
  const value = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  if (!Number.isInteger(value) || value < 1000 || value > 1_000_000) {
    throw new Error("BENCH_IMPORT_ROWS must be a whole number from 1000 to 1000000");
  }
  return value;
}

type Setup = {
  practiceId: string;
  accountId: string;
  cookie: string;
  csrf: string;
  app: ReturnType<typeof createApp>;
};

async function setUp(database: Database): Promise<Setup> {
  const db = database.db;
  const [owner] = await db
    .insert(users)
    .values({ email: `bench.${randomBytes(4).toString("hex")}@example.com`, emailVerifiedAt: new Date() })
    .returning({ id: users.id });
  const [practice] = await db
    .insert(practices)
    .values({ name: "Bench Counseling PLLC", timeZone: "America/Chicago" })
    .returning({ id: practices.id });
  if (!owner || !practice) throw new Error("the owner or the practice was not inserted");
  const practiceId = practice.id;
  await db.insert(practiceMembers).values({ practiceId, userId: owner.id, role: "owner" });
  await addPresetCategories(db, practiceId);
  const [checking] = await db
    .insert(ledgerAccounts)
    .values([
      { practiceId, name: "Business checking", kind: "checking" as const, last4: "1234" },
      { practiceId, name: "Tax savings", kind: "savings" as const, last4: "4417" },
    ])
    .returning({ id: ledgerAccounts.id });
  const [aetna] = await db
    .insert(payers)
    .values({ practiceId, name: "Aetna", kind: "insurance" })
    .returning({ id: payers.id });
  if (!checking || !aetna) throw new Error("the account or the payer was not inserted");
  await db.insert(rules).values([
    {
      practiceId,
      position: 1,
      name: "Aetna",
      conditions: { descriptionContains: "AETNA" },
      classification: "income",
      payerId: aetna.id,
    },
    {
      practiceId,
      position: 2,
      name: "Zoom",
      conditions: { descriptionStartsWith: "zoom.us" },
      classification: "personal",
    },
    {
      practiceId,
      position: 3,
      name: "Big deposits",
      conditions: { direction: "in", amountMinCents: 2_400_000 },
      classification: "owner_contribution",
    },
    {
      practiceId,
      position: 4,
      name: "Pattern",
      conditions: { descriptionPattern: "^THERAPYNOTES\\.COM" },
      classification: "personal",
    },
  ]);

  const config = readConfig({
    NODE_ENV: "test",
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "tl-bench-imports-")),
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
    db,
    { userId: owner.id, state: "active", method: "password", ip: "127.0.0.1", userAgent: "bench" },
    { absoluteTtlSeconds: 3600, idleTtlSeconds: 3600 },
  );
  const cookie = `tl_session=${await sealSessionToken(deps.secrets.sessionKey, session.id, session.expiresAt)}`;
  const tokenRes = await app.request("http://localhost/api/auth/csrf", { headers: { cookie } });
  const csrfCookie = tokenRes.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { token } = (await tokenRes.json()) as { token: string };
  return { practiceId, accountId: checking.id, cookie: `${cookie}; ${csrfCookie}`, csrf: token, app };
}

type Timed = {
  seconds: number;
  phases: Record<string, number>;
  longestGapMs: number;
  result: Record<string, unknown>;
};

/** Sends one request with Accept: application/x-ndjson and times its phases from the stream. */
async function streamed(s: Setup, method: string, url: string, body?: Uint8Array): Promise<Timed> {
  const started = performance.now();
  const res = await s.app.request(url, {
    method,
    headers: {
      cookie: s.cookie,
      "x-csrf-token": s.csrf,
      accept: "application/x-ndjson",
      ...(body ? { "content-type": "application/octet-stream" } : {}),
    },
    body,
  });
  if (!res.body) throw new Error(`${method} ${url}: no body (${res.status})`);
  const firstSeen: Record<string, number> = {};
  let last = started;
  let longestGapMs = 0;
  let result: Record<string, unknown> | null = null;
  let buffered = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = JSON.parse(buffered.slice(0, newline)) as Record<string, unknown>;
      buffered = buffered.slice(newline + 1);
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      if (line.type === "progress" && typeof line.phase === "string") firstSeen[line.phase] ??= now;
      if (line.type === "result") result = line;
      if (line.type === "error") throw new Error(`${method} ${url}: ${JSON.stringify(line)}`);
      newline = buffered.indexOf("\n");
    }
  }
  const ended = performance.now();
  if (!result) throw new Error(`${method} ${url}: the stream ended without a result`);
  const order = ["parse", "dedupe", "insert"].filter((p) => firstSeen[p] !== undefined);
  const phases: Record<string, number> = {};
  order.forEach((phase, i) => {
    const next = order[i + 1];
    phases[phase] = ((next ? (firstSeen[next] ?? ended) : ended) - (firstSeen[phase] ?? started)) / 1000;
  });
  return { seconds: (ended - started) / 1000, phases, longestGapMs, result };
}

async function plain(
  s: Setup,
  method: string,
  url: string,
): Promise<{ seconds: number; body: Record<string, unknown> }> {
  const started = performance.now();
  const res = await s.app.request(url, { method, headers: { cookie: s.cookie, "x-csrf-token": s.csrf } });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status !== 200) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(body)}`);
  return { seconds: (performance.now() - started) / 1000, body };
}

const phaseText = (phases: Record<string, number>) =>
  Object.entries(phases)
    .map(([phase, seconds]) => `${phase} ${seconds.toFixed(2)} s`)
    .join(", ");

async function measure(database: Database, label: string, rows: number): Promise<string[][]> {
  const s = await setUp(database);
  const file = generateLargeCsv(rows, 20_260_101);
  const bytes = new TextEncoder().encode(file.text());
  progress(`${label}: ${rows.toLocaleString("en-US")} rows, ${(bytes.length / 1e6).toFixed(1)} MB`);
  const base = `http://localhost/api/practices/${s.practiceId}/accounts/${s.accountId}/imports`;
  const query = "?fileName=large.csv";
  const out: string[][] = [];
  const row = (step: string, timed: Timed, note: string) => {
    progress(`${label}: ${step}: ${timed.seconds.toFixed(2)} s`);
    out.push([
      label,
      step,
      rows.toLocaleString("en-US"),
      timed.seconds.toFixed(2),
      formatNumber(Math.round(rows / timed.seconds)),
      phaseText(timed.phases),
      formatNumber(Math.round(timed.longestGapMs)),
      note,
    ]);
  };

  const preview = await streamed(s, "POST", `${base}/preview${query}`, bytes);
  const totals = (preview.result.preview as { totals: Record<string, number> }).totals;
  row(
    "preview (parse, dedupe, rules)",
    preview,
    `${totals.new} new, ${totals.ruleClassified} by rules, ${totals.estimatedTax} estimated tax`,
  );

  const first = await streamed(s, "POST", `${base}${query}`, bytes);
  const imported = first.result.import as { id: string; importedCount: number };
  if (imported.importedCount !== rows) throw new Error(`imported ${imported.importedCount} of ${rows}`);
  row("commit (parse, dedupe, rules, insert)", first, `${imported.importedCount} imported`);

  const again = await streamed(s, "POST", `${base}${query}`, bytes);
  const repeated = again.result.import as { importedCount: number; duplicateCount: number };
  row(
    "commit again (all duplicates)",
    again,
    `${repeated.importedCount} imported, ${repeated.duplicateCount} duplicates`,
  );

  const undo = await plain(s, "DELETE", `${base}/${imported.id}`);
  const removed = (undo.body.undo as { removedCount: number }).removedCount;
  progress(`${label}: undo: ${undo.seconds.toFixed(2)} s`);
  out.push([
    label,
    "undo",
    rows.toLocaleString("en-US"),
    undo.seconds.toFixed(2),
    formatNumber(Math.round(rows / undo.seconds)),
    "",
    "",
    `${removed} removed`,
  ]);
  return out;
}

/** The CSV reader and the privacy guard alone, without a database: the floor under every step. */
async function parseOnly(rows: number): Promise<string[]> {
  const bytes = new TextEncoder().encode(generateLargeCsv(rows, 20_260_101).text());
  const upload = { fileName: "large.csv", chunks: [bytes], size: bytes.length, sha256: "" };
  const started = performance.now();
  const source = await openCsvStatement(upload, { requested: null, saved: null, accountKind: "checking" });
  if (!source.rows) throw new Error("the generated file's columns were not recognised");
  let read = 0;
  for await (const batch of preparedBatches(source.rows(), 1000)) read += batch.length;
  const seconds = (performance.now() - started) / 1000;
  progress(`parse only: ${seconds.toFixed(2)} s`);
  return [
    "(none)",
    "parse and guard only",
    read.toLocaleString("en-US"),
    seconds.toFixed(2),
    formatNumber(Math.round(read / seconds)),
    "",
    "",
    "",
  ];
}

async function main() {
  const rows = rowCount();
  const table: string[][] = [await parseOnly(rows)];
  table.push(...(await onEachDatabase((database, label) => measure(database, label, rows), progress)));
  print(`Statement import (load ${os.loadavg()[0]?.toFixed(2)})`);
  print();
  print(
    formatTable(
      [
        "database",
        "step",
        "rows",
        "seconds",
        "rows/s",
        "phases",
        "longest gap between progress lines, ms",
        "result",
      ],
      table,
    ),
  );
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
