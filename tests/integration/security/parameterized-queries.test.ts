// Attack: SQL injection through queries built from strings instead of bound parameters.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fixtures below are source code held as text
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type Allowed, lintSource } from "../../support/http/sql-lint.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** Constant raw SQL the code may run, each with the reason it is safe. Keep this list short. */
const ALLOWED: Allowed[] = [
  { file: "src/db/client.ts", sql: "select 1", reason: "probe when PGlite opens: a constant, no input" },
  {
    file: "src/db/client.ts",
    sql: "select pg_advisory_lock($1)",
    reason: "migration lock on the node-postgres client: constant text, the key is a bound parameter",
  },
  {
    file: "src/db/client.ts",
    sql: "select pg_advisory_unlock($1)",
    reason: "releases the migration lock: constant text, the key is a bound parameter",
  },
];

function sourceFiles(): string[] {
  return (fs.readdirSync(path.join(ROOT, "src"), { recursive: true }) as string[])
    .filter((f) => /\.(ts|mts|tsx)$/.test(f) && !f.endsWith(".d.ts"))
    .map((f) => path.posix.join("src", f.split(path.sep).join("/")));
}

describe("parameterized queries (lint over src/**/*.ts)", () => {
  it("no SQL is built from strings: every query goes through sql`` with bound parameters", () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(20);
    const used = new Set<Allowed>();
    const findings = files.flatMap((f) =>
      lintSource(f, fs.readFileSync(path.join(ROOT, f), "utf8"), ALLOWED, used),
    );
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.code}`)).toEqual([]);
    // A stale entry would let a future use slip in unreviewed.
    expect(ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.file}: ${a.sql}`)).toEqual([]);
    for (const entry of ALLOWED) expect(entry.reason.length, entry.sql).toBeGreaterThan(20);
  });

  /** Code the lint must flag, and the rule that must flag it. */
  const BAD: Record<string, [string, string]> = {
    "sql.raw with a template": [
      "db.execute(sql.raw(`select * from users where email = '${email}'`));",
      "sql.raw() with a value",
    ],
    "sql.raw with concatenation": [
      `db.execute(sql.raw("select * from users where id = '" + id + "'"));`,
      "sql.raw() with a value",
    ],
    "sql.raw quoting an identifier": [
      'const ident = (name: string) => sql.raw(`"${name}"`);',
      "sql.raw() with a value",
    ],
    "sql.raw with a parameter": [
      "function f(table: string) { return sql.raw(table); }",
      "sql.raw() with a value",
    ],
    "sql.raw with an unlisted constant": [`sql.raw("now()");`, "sql.raw() constant not in ALLOWED"],
    "query with a template": [
      "await pool.query(`select * from users where id = ${id}`);",
      ".query() with SQL built",
    ],
    "query with concatenation": [
      `await client.query("select * from users where id = " + id);`,
      ".query() with SQL built",
    ],
    "query with a built variable": [
      "const q = `delete from t where id = '${id}'`; await c.query(q);",
      ".query() with SQL built",
    ],
    "query with an unlisted constant": [
      `await client.query("delete from sessions");`,
      ".query() constant SQL not in ALLOWED",
    ],
    "unsafe with a template": ["await sqlClient.unsafe(`drop table ${name}`);", ".unsafe() with SQL built"],
    "query on a pool with a string parameter": [
      "async function run(pool: Pool, text: string) { return pool.query(text); }",
      ".query() with SQL built",
    ],
    "execute with a constant string": [`await db.execute("select 1");`, "execute() with a string"],
    "execute with a template": [
      "await db.execute(`update users set email = '${e}' where id = 1`);",
      "execute() with a string",
    ],
    "execute with a string parameter": [
      "async function run(text: string) { return db.execute(text); }",
      "execute() with a string",
    ],
    "a where clause by concatenation": [
      `const where = "where email = '" + email + "'";`,
      "SQL text built by string",
    ],
    "an untagged SQL template": [
      "const text = `select id from users where email = '${email}'`;",
      "SQL text built by string",
    ],
  };
  it.each(Object.entries(BAD))("flags %s", (_name, [code, rule]) => {
    const rules = lintSource("src/fixture.ts", code, []).map((f) => f.rule);
    expect(
      rules.some((r) => r.startsWith(rule)),
      rules.join("; "),
    ).toBe(true);
  });

  const GOOD: Record<string, string> = {
    "a sql template": "await db.execute(sql`update users set email = ${e} where id = ${id}`);",
    "identifiers and joins":
      "sql`select ${sql.identifier(col)} from t where k in (${sql.join(ks, sql`, `)})`;",
    "a SQL-typed parameter": "async function q(x: Db, query: SQL) { return x.execute(query); }",
    "a listed constant": `await client.query("select pg_advisory_lock($1)", [KEY]);`,
    "an HTTP query parameter": `const page = c.req.query("page");`,
    "an HTTP query parameter by name": "function f(c: Context, name: string) { return c.req.query(name); }",
    "a regular expression's exec": "function f(value: string) { return ISO_DATE.exec(value); }",
    "an error message": "throw new Error(`No API route ${method} ${path} from ${ip}`);",
    "drizzle's query builder": "await db.select().from(users).where(eq(users.email, email));",
  };
  const fixtureAllowed = [{ file: "src/fixture.ts", sql: "select pg_advisory_lock($1)", reason: "fixture" }];
  it.each(Object.entries(GOOD))("passes %s", (_name, code) => {
    expect(lintSource("src/fixture.ts", code, fixtureAllowed)).toEqual([]);
  });
});
