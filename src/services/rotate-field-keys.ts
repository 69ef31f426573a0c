import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../db/client.js";
import { ENCRYPTED_COLUMNS } from "../db/encrypted-columns.js";
import type { FieldCipher } from "../identity/field-encryption.js";
import { EMAIL_JOB_KIND } from "../integrations/email/email-job.js";
import { EMAIL_PAYLOAD_CONTEXT } from "./mailer.js";

export type RotationReport = { column: string; reencrypted: number; current: number }[];

const ident = (name: string) => sql.identifier(name);

/**
 * Re-encrypts every stored envelope whose key is not the key ring's first (current) key.
 * Each value is decrypted with the ring and written back under the current key with the same
 * context; the update is conditional on the old value, so a concurrent change wins.
 */
export async function rotateFieldKeys(db: Db, cipher: FieldCipher): Promise<RotationReport> {
  const report: RotationReport = [];
  for (const { table, column, idColumn } of ENCRYPTED_COLUMNS) {
    const rows = await queryRows<{ id: string; value: string }>(
      db,
      sql`select ${ident(idColumn)}::text as id, ${ident(column)} as value from ${ident(table)} where ${ident(column)} is not null`,
    );
    let reencrypted = 0;
    for (const row of rows) {
      if (!cipher.needsReencryption(row.value)) continue;
      const context = { table, column, rowId: row.id };
      const fresh = cipher.encrypt(cipher.decrypt(row.value, context), context);
      await db.execute(
        sql`update ${ident(table)} set ${ident(column)} = ${fresh} where ${ident(idColumn)}::text = ${row.id} and ${ident(column)} = ${row.value}`,
      );
      reencrypted += 1;
    }
    report.push({ column: `${table}.${column}`, reencrypted, current: rows.length - reencrypted });
  }
  report.push(await rotateEmailPayloads(db, cipher));
  return report;
}

/** Queued emails are sealed with the same cipher; unsent ones are re-sealed too. */
async function rotateEmailPayloads(db: Db, cipher: FieldCipher) {
  const rows = await queryRows<{ id: number; sealed: string }>(
    db,
    sql`select id, payload->>'sealed' as sealed from jobs where kind = ${EMAIL_JOB_KIND} and status in ('pending', 'failed')`,
  );
  let reencrypted = 0;
  for (const row of rows) {
    if (!cipher.needsReencryption(row.sealed)) continue;
    const fresh = cipher.encrypt(cipher.decrypt(row.sealed, EMAIL_PAYLOAD_CONTEXT), EMAIL_PAYLOAD_CONTEXT);
    await db.execute(
      sql`update jobs set payload = ${JSON.stringify({ sealed: fresh })}::jsonb where id = ${row.id} and payload->>'sealed' = ${row.sealed}`,
    );
    reencrypted += 1;
  }
  return { column: "jobs.payload (email)", reencrypted, current: rows.length - reencrypted };
}
