// Acceptance 6 of issue 6 (imports): client names in person-to-person payment descriptions never
// reach the database or the logs. After importing every sample statement and a file of the privacy
// guard's corpus, entering and editing transactions by hand with names in them, and refused
// uploads whose messages quote descriptions, every text, varchar, text[] and jsonb column of every
// table is scanned for the invented names, and so are the captured logs.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { FICTIONAL_NAMES, REDACTED_CASES } from "../../unit/privacy/corpus.js";
import {
  createLedgerFixture,
  expectError,
  expectJson,
  type LedgerFixture,
} from "../ledger/ledger-support.js";
import { accountRows, addAccount, csv, fixture, ndjsonLines, preview, sendFile } from "./import-support.js";

/** The people invented for the sample statements (tests/fixtures/statements). */
const STATEMENT_NAMES = [
  ["TOBIAS", "FERNSWALLOW"],
  ["MARISOL", "BRAMBLEWICK"],
  ["JORDAN", "QUILLFEATHER"],
  ["WINSLOW", "THISTLEDOWN"],
];

/** What must appear nowhere: every invented surname or distinctive name, alone and as "FIRST LAST" / "LAST FIRST". */
function forbiddenTexts(): string[] {
  const names = [...FICTIONAL_NAMES, ...STATEMENT_NAMES.flatMap(([, last]) => (last ? [last] : []))];
  const pairs = REDACTED_CASES.flatMap((c) =>
    c.names.length === 2 ? [`${c.names[0]} ${c.names[1]}`, `${c.names[1]} ${c.names[0]}`] : [],
  );
  const statementPairs = STATEMENT_NAMES.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]);
  return [...new Set([...names, ...pairs, ...statementPairs].map((n) => n.toLowerCase()))];
}

let t: TestApp;
let f: LedgerFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createLedgerFixture(t);
});
afterAll(async () => t?.close());

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const corpusCsv = () =>
  csv(
    `Date,Description,Amount\n${REDACTED_CASES.map(
      (c, i) => `01/${String((i % 28) + 1).padStart(2, "0")}/2026,${quoted(c.description)},${i + 1}.00`,
    ).join("\n")}\n`,
  );

type Column = { table_name: string; column_name: string };

/** Every place in the database where one of the texts appears, as "table.column: count". */
async function findInDatabase(texts: string[]): Promise<string[]> {
  const columns = await queryRows<Column>(
    t.database.db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public'
          and (data_type in ('text', 'character varying', 'character', 'jsonb', 'json') or udt_name in ('_text', '_varchar'))
        order by table_name, column_name`,
  );
  expect(columns.length).toBeGreaterThan(30);
  const patterns = texts.map((text) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const [hit] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table_name)}
          where lower(${sql.identifier(column_name)}::text) like any(${sql.param(patterns)}::text[])`,
    );
    if ((hit?.n ?? 0) > 0) found.push(`${table_name}.${column_name}: ${hit?.n}`);
  }
  return found;
}

describe("the privacy guard", () => {
  it("an import stores each corpus description as the guard writes it, names replaced", async () => {
    const accountId = await addAccount(f, "Corpus", "checking");
    const seen = await preview(f.user, f, accountId, corpusCsv(), { fileName: "corpus.csv" });
    expect(seen.rows.every((r) => r.redacted)).toBe(true);
    const streamed = await sendFile(f.user, f, accountId, "", corpusCsv(), {
      fileName: "corpus.csv",
      accept: "application/x-ndjson",
    });
    const lines = await ndjsonLines(streamed);
    expect(lines.at(-1)).toMatchObject({ type: "result", status: 201 });
    const stored = (await accountRows(f.user, f, accountId)).map((r) => r.description).sort();
    expect(stored).toEqual(REDACTED_CASES.map((c) => c.expected.replace(/\s+/g, " ").trim()).sort());
  });

  it("manual entries, edits, memos, vendors and split memos are guarded on the ledger's write path", async () => {
    const res = await f.user.client.post(`${f.base}/transactions`, {
      accountId: f.accountId,
      date: "2026-02-02",
      amountCents: 15_000,
      description: "Zelle payment from ORLAITH J FENWHISTLE 18823411",
      memo: "Venmo from Zephyrine Quarrington",
      vendor: "Zelle payment to MARY-ANNE ASHGROVE-PIKE",
    });
    const { transaction } = await expectJson<{
      transaction: { id: string; description: string; memo: string };
    }>(res, 201);
    expect(transaction.description).toBe("Zelle payment from [client] 18823411");
    expect(transaction.memo).not.toContain("Quarrington");
    const edited = await f.user.client.send("PATCH", `${f.base}/transactions/${transaction.id}`, {
      description: "Zelle payment from ROSAMUND ELLERSLIE-KAY 4458120",
    });
    expect(
      (await expectJson<{ transaction: { description: string } }>(edited, 200)).transaction.description,
    ).toBe("Zelle payment from [client] 4458120");
    const split = await f.user.client.post(`${f.base}/transactions`, {
      accountId: f.accountId,
      date: "2026-02-03",
      amountCents: 30_000,
      classification: "income",
      splits: [
        { amountCents: 15_000, payerId: f.aetnaId, memo: "Zelle from Juniper Aldermoor" },
        { amountCents: 15_000, payerId: f.privatePayId },
      ],
    });
    expect(split.status).toBe(201);
  });

  it("a refusal that quotes the file's cells quotes them guarded", async () => {
    const accountId = await addAccount(f, "Wrong columns", "checking");
    const file = csv("Date,Description,Amount\n01/06/2026,Zelle payment from TOBIAS FERNSWALLOW,150.00\n");
    const seen = await preview(f.user, f, accountId, file);
    // The description column read as the amount: the message quotes the description.
    const mapping = { ...seen.mapping, descriptionColumn: 2, amount: { kind: "signed", column: 1 } };
    const error = await expectError(await sendFile(f.user, f, accountId, "", file, { mapping }), 422);
    expect(error.message).toContain('the amount "Zelle payment from [client]" is not a number');
    const wrong = await preview(f.user, f, accountId, file, { mapping });
    expect(JSON.stringify(wrong)).not.toMatch(/fernswallow/i);
  });

  it("after importing every sample statement, no column of any table and no log line holds an invented name", async () => {
    const statements: [string, "checking" | "credit_card" | "savings"][] = [
      ["chase-checking.csv", "checking"],
      ["bofa-checking-with-summary.csv", "checking"],
      ["wells-fargo-no-header.csv", "checking"],
      ["jan-feb.csv", "checking"],
      ["feb-mar.csv", "checking"],
      ["malformed-amount.csv", "checking"],
      ["bank-ofx1.ofx", "checking"],
      ["card-ofx2.ofx", "credit_card"],
      ["bank.qfx", "savings"],
    ];
    for (const [name, kind] of statements) {
      const accountId = await addAccount(f, `Scan ${name}`, kind);
      await preview(f.user, f, accountId, fixture(name), { fileName: name });
      const res = await sendFile(f.user, f, accountId, "", fixture(name), { fileName: name });
      expect(res.status, name).toBe(name.startsWith("malformed") ? 422 : 201);
    }
    const imported = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from transactions where description like '%[client]%'`,
    );
    expect(imported[0]?.n).toBeGreaterThan(REDACTED_CASES.length);

    const texts = forbiddenTexts();
    expect(texts).toContain("quillfeather");
    expect(await findInDatabase(texts)).toEqual([]);
    const logs = t.logs.text().toLowerCase();
    expect(logs.length).toBeGreaterThan(1000);
    expect(texts.filter((text) => logs.includes(text))).toEqual([]);
  });

  it("the scan would find a name that got through (it is not vacuous)", async () => {
    await t.database.db.execute(
      sql`insert into ledger_accounts (practice_id, name, kind) values (${f.practiceId}::uuid, 'Quillfeather test', 'cash')`,
    );
    expect(await findInDatabase(["quillfeather"])).toEqual(["ledger_accounts.name: 1"]);
    await t.database.db.execute(sql`delete from ledger_accounts where name = 'Quillfeather test'`);
  });
});
