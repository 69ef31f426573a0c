import { sql } from "drizzle-orm";
import { type Db, queryRows } from "../../src/db/client.js";

export type ForeignKey = {
  table: string;
  column: string;
  refTable: string;
  refColumn: string;
  deleteRule: string;
};

export async function listPublicTables(db: Db): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    db,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

export async function listForeignKeys(db: Db): Promise<ForeignKey[]> {
  const rows = await queryRows<{
    table_name: string;
    column_name: string;
    ref_table: string;
    ref_column: string;
    delete_rule: string;
  }>(
    db,
    sql`select kcu.table_name, kcu.column_name, ccu.table_name as ref_table, ccu.column_name as ref_column,
               rc.delete_rule
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu
          on kcu.constraint_name = rc.constraint_name and kcu.constraint_schema = rc.constraint_schema
        join information_schema.constraint_column_usage ccu
          on ccu.constraint_name = rc.constraint_name and ccu.constraint_schema = rc.constraint_schema
        where rc.constraint_schema = 'public'`,
  );
  return rows.map((r) => ({
    table: r.table_name,
    column: r.column_name,
    refTable: r.ref_table,
    refColumn: r.ref_column,
    deleteRule: r.delete_rule,
  }));
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * A condition selecting the rows of `table` that belong to the user. It follows cascading
 * foreign keys towards `users` (a session's user, a backup code's user) and, for a table that
 * people share, goes through a membership table (a practice is the user's through
 * practice_members; its accounts and transactions then follow from the practice).
 * Undefined when no such chain leads from the table to users.
 */
export function ownershipCondition(
  table: string,
  userId: string,
  keys: ForeignKey[],
  seen: Set<string> = new Set(),
): ReturnType<typeof sql> | undefined {
  if (table === "users") return sql`${ident(table)}."id" = ${userId}`;
  if (seen.has(table)) return undefined;
  const next = new Set(seen).add(table);
  const cascades = keys.filter((k) => k.deleteRule === "CASCADE");
  const conditions: ReturnType<typeof sql>[] = [];
  for (const k of cascades.filter((k) => k.table === table)) {
    const inner = ownershipCondition(k.refTable, userId, keys, next);
    if (inner) {
      conditions.push(
        sql`${ident(table)}.${ident(k.column)} in (select ${ident(k.refTable)}.${ident(k.refColumn)} from ${ident(k.refTable)} where ${inner})`,
      );
    }
  }
  // Through a membership table: rows of `member` point both at this table and at the user.
  for (const k of cascades.filter((k) => k.refTable === table && k.table !== table)) {
    const inner = ownershipCondition(k.table, userId, keys, next);
    if (inner) {
      conditions.push(
        sql`${ident(table)}.${ident(k.refColumn)} in (select ${ident(k.table)}.${ident(k.column)} from ${ident(k.table)} where ${inner})`,
      );
    }
  }
  if (conditions.length === 0) return undefined;
  return sql.join(conditions, sql` or `);
}

/** The rows of `table` that belong to the user, each as its JSON text. */
export async function findOwnedRows(
  db: Db,
  table: string,
  userId: string,
  keys: ForeignKey[],
): Promise<string[]> {
  const condition = ownershipCondition(table, userId, keys);
  if (!condition) throw new Error(`no foreign-key path from ${table} to users`);
  const rows = await queryRows<{ row: string }>(
    db,
    sql`select to_jsonb(${ident(table)})::text as row from ${ident(table)} where ${condition}`,
  );
  return rows.map((r) => r.row);
}

/** How many of these rows (as found by findOwnedRows) still exist. */
export async function countSurvivingRows(db: Db, table: string, rows: string[]): Promise<number> {
  if (rows.length === 0) return 0;
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${ident(table)} where to_jsonb(${ident(table)})::text in (${sql.join(
      rows.map((r) => sql`${r}`),
      sql`, `,
    )})`,
  );
  return row?.n ?? 0;
}
