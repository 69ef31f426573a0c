import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../../src/db/client.js";
import { withDatabase } from "../setup/global-setup.js";

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);

/**
 * A fresh, migrated database of its own: PGlite loaded from the template dump, or a PostgreSQL
 * database copied from the template. Closing it drops the PostgreSQL copy.
 */
export async function createTestDatabase(options: { poolSize?: number } = {}): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = inject("postgresTemplate");
    if (!template) throw new Error("global setup did not provide a PostgreSQL template");
    const name = `tl_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    const database = await openPostgres(withDatabase(url, name), options.poolSize ?? 12);
    return {
      ...database,
      async close() {
        await database.close();
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }
  const template = inject("pgliteTemplate");
  if (!template) throw new Error("global setup did not provide a PGlite template");
  const blob = new Blob([fs.readFileSync(template)]);
  return openPglite(undefined, { loadDataDir: blob });
}
