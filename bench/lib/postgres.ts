import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openPglite, openPostgres } from "../../src/db/client.js";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Throws unless the URL names a PostgreSQL server on this machine: benchmarks stay local. */
export function requireLocalPostgresUrl(adminUrl: string): URL {
  const url = new URL(adminUrl);
  if (!/^postgres(ql)?:$/.test(url.protocol)) throw new Error("BENCH_DATABASE_URL must be postgres://…");
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`BENCH_DATABASE_URL must point at 127.0.0.1 or localhost, not ${url.hostname}`);
  }
  return url;
}

/**
 * Creates `count` empty databases named tl_bench_<random>_<n> through the admin connection and
 * returns their URLs; `drop` removes them all (also when a connection is still open).
 */
export async function createBenchDatabases(adminUrl: string, count: number) {
  const base = requireLocalPostgresUrl(adminUrl);
  const prefix = `tl_bench_${randomBytes(4).toString("hex")}`;
  const names = Array.from({ length: count }, (_, i) => `${prefix}_${i + 1}`);
  const created: string[] = [];

  async function withAdmin(run: (client: pg.Client) => Promise<void>) {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      await run(client);
    } finally {
      await client.end();
    }
  }

  async function drop() {
    if (created.length === 0) return;
    await withAdmin(async (client) => {
      for (const name of created.splice(0)) {
        // The names are ours (hex and digits), so quoting them as identifiers is enough.
        await client.query(`drop database if exists "${name}" with (force)`);
      }
    });
  }

  try {
    await withAdmin(async (client) => {
      for (const name of names) {
        await client.query(`create database "${name}"`);
        created.push(name);
      }
    });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }

  const urls = names.map((name) => {
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  });
  return { names, urls, drop };
}

/**
 * Runs `measure` on a fresh, migrated PostgreSQL database (when BENCH_DATABASE_URL is set) and
 * then on a fresh PGlite folder (unless BENCH_SKIP_PGLITE is set), dropping both afterwards.
 * Returns the rows each run produced, PostgreSQL's first.
 */
export async function onEachDatabase<Row>(
  measure: (database: Database, label: "PostgreSQL" | "PGlite") => Promise<Row[]>,
  progress: (message: string) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    const bench = await createBenchDatabases(adminUrl, 1);
    try {
      const database = await openPostgres(bench.urls[0] ?? "", 10);
      try {
        await database.migrate();
        rows.push(...(await measure(database, "PostgreSQL")));
      } finally {
        await database.close();
      }
    } finally {
      await bench.drop();
    }
  } else {
    progress("BENCH_DATABASE_URL is not set: PostgreSQL skipped");
  }
  if (!process.env.BENCH_SKIP_PGLITE) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tl-bench-pglite-"));
    try {
      const database = await openPglite(dataDir);
      try {
        await database.migrate();
        rows.push(...(await measure(database, "PGlite")));
      } finally {
        await database.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return rows;
}
