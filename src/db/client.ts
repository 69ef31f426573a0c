import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { messageOf } from "../lib/error-message.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: "pglite" | "postgres";
  /** Applies pending migrations; safe when several instances start at once. */
  migrate(): Promise<void>;
  /** The number of migrations in the code base and how many of them the database has. */
  migrationStatus(): Promise<{ expected: number; applied: number }>;
  close(): Promise<void>;
};

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
const MIGRATION_LOCK_KEY = 7_301_101; // any constant; names the advisory lock for migrations

let migrationCount: number | undefined;

/** How many migrations the code base has; read once, since the files do not change while running. */
function expectedMigrationCount(): number {
  if (migrationCount === undefined) {
    const journal = JSON.parse(
      fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8"),
    ) as { entries: unknown[] };
    migrationCount = journal.entries.length;
  }
  return migrationCount;
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(executor: Pick<Db, "execute">, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function countAppliedMigrations(db: Db): Promise<number> {
  const [found] = await queryRows<{ exists: boolean }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`,
  );
  if (!found?.exists) return 0;
  const [counted] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return counted?.n ?? 0;
}

/** Opens PGlite in `dataDir` (created when missing), or an in-memory one when `dataDir` is undefined. */
export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  let client: PGlite;
  try {
    if (dataDir) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.accessSync(dataDir, fs.constants.W_OK);
    }
    client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
    await client.query("select 1");
  } catch (error) {
    throw new DatabaseStartError(
      `Cannot open the embedded database in ${dataDir ?? "memory"}: ${messageOf(error)}. ` +
        "If the folder is damaged, restore it from a backup or move it aside to start fresh.",
    );
  }
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    async migrationStatus() {
      return { expected: expectedMigrationCount(), applied: await countAppliedMigrations(db) };
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

export async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseStartError(`Cannot reach the database at ${redactUrl(url)}: ${messageOf(error)}`);
  }
  const db = drizzlePg({ client: pool, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // One connection holds the advisory lock and runs the migrations, so that instances
      // starting together apply each migration once.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        try {
          await migratePg(drizzlePg({ client, casing: "snake_case" }), {
            migrationsFolder: MIGRATIONS_FOLDER,
          });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    async migrationStatus() {
      return { expected: expectedMigrationCount(), applied: await countAppliedMigrations(db) };
    },
    async close() {
      await pool.end();
    },
  };
}

/** Hides the password of a connection URL before it is shown or logged. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

export async function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
  poolSize: number;
}): Promise<Database> {
  const database = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize)
    : await openPglite(path.join(options.dataDir, "pgdata"));
  try {
    await database.migrate();
  } catch (error) {
    await database.close().catch(() => {});
    throw new DatabaseStartError(`Database migration failed: ${messageOf(error)}`);
  }
  return database;
}
