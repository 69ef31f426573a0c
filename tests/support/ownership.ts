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
 * A condition selecting the rows of `table` that belong to the user, following foreign keys
 * towards `users` (a session's user, a backup code's user, later a practice member's practice…).
 * Undefined when no chain of foreign keys leads from the table to users.
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
  const conditions = keys
    .filter((k) => k.table === table && k.deleteRule === "CASCADE")
    .map((k) => {
      const inner = ownershipCondition(k.refTable, userId, keys, next);
      if (!inner) return undefined;
      return sql`${ident(table)}.${ident(k.column)} in (select ${ident(k.refTable)}.${ident(k.refColumn)} from ${ident(k.refTable)} where ${inner})`;
    })
    .filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (conditions.length === 0) return undefined;
  return sql.join(conditions, sql` or `);
}

export async function countOwnedRows(
  db: Db,
  table: string,
  userId: string,
  keys: ForeignKey[],
): Promise<number> {
  const condition = ownershipCondition(table, userId, keys);
  if (!condition) throw new Error(`no foreign-key path from ${table} to users`);
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${ident(table)} where ${condition}`,
  );
  return row?.n ?? 0;
}
