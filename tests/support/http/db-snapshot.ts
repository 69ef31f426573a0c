import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../../src/db/client.js";
import { listPublicTables } from "../ownership.js";

/** Tables whose changes are bookkeeping, not state a request may not change. */
const IGNORED_TABLES = new Set(["rate_limit_counters"]);
/** Columns refreshed by merely using a session (see services/sessions.ts). */
const IGNORED_COLUMNS: Record<string, string[]> = { sessions: ["last_seen_at"] };

export type DbSnapshot = Record<string, { rows: number; sha256: string }>;

/**
 * The row count and a hash of every row of every public table, so a test can show that a
 * request changed nothing at all (a GET, a refused CSRF attempt, a refused body).
 */
export async function snapshotDatabase(db: Db): Promise<DbSnapshot> {
  const snapshot: DbSnapshot = {};
  for (const table of await listPublicTables(db)) {
    if (IGNORED_TABLES.has(table)) continue;
    let row = sql`to_jsonb(t)`;
    for (const column of IGNORED_COLUMNS[table] ?? []) row = sql`${row} - ${column}::text`;
    const rows = await queryRows<{ r: string }>(
      db,
      sql`select (${row})::text as r from ${sql.identifier(table)} t order by 1`,
    );
    const hash = createHash("sha256");
    for (const r of rows) hash.update(r.r).update("\n");
    snapshot[table] = { rows: rows.length, sha256: hash.digest("hex") };
  }
  return snapshot;
}
