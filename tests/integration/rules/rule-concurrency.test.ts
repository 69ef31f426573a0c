// Racing changes to the order of rules: two reorders, or rules added at once, must never leave
// two rules at one position (the order would then fall back to ids, which nobody chose).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createTestDatabase, usingPostgres } from "../../support/test-database.js";
import { createLedgerFixture, expectJson, type LedgerFixture } from "../ledger/ledger-support.js";
import { addRule, listRules } from "./rules-support.js";

// PGlite serialises every query, so requests never truly overlap on it: these races mean
// something only on PostgreSQL, with a pool large enough for the transactions to run at once.
describe.runIf(usingPostgres)("racing rule order changes on PostgreSQL (pool of 12)", () => {
  let t: TestApp;
  let f: LedgerFixture;
  beforeAll(async () => {
    t = await createTestApp({ database: await createTestDatabase({ poolSize: 12 }) });
    f = await createLedgerFixture(t);
    for (const who of [f.owner, f.admin, f.user]) await who.client.csrf();
  });
  afterAll(async () => t?.close());

  /** Resolves once `count` backends of this database wait on a lock. */
  async function lockWaiters(count: number): Promise<void> {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      const [row] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if ((row?.n ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fewer than ${count} transactions came to wait on the practice's row`);
  }

  /** Holds the practice's row as a rule-order change would, starts `calls`, lets go once all wait. */
  async function startTogether(calls: () => Promise<Response>[], waiting: number): Promise<Response[]> {
    let answers: Promise<Response[]> = Promise.resolve([]);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1 from practices where id = ${f.practiceId} for no key update`);
      answers = Promise.all(calls());
      await lockWaiters(waiting);
    });
    return answers;
  }

  async function positions(): Promise<number[]> {
    const rows = await queryRows<{ position: number }>(
      t.database.db,
      sql`select position from rules where practice_id = ${f.practiceId} order by position`,
    );
    return rows.map((r) => r.position);
  }

  it("two reorders inside their transactions at once: both apply, one after the other; one whole order wins", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const body = {
        conditions: { descriptionContains: `shop ${i}` },
        action: { classification: "personal" },
      };
      ids.push((await addRule(f.user, f, body)).id);
    }
    const forwards = [...ids].reverse();
    const shuffled = [ids[3], ids[0], ids[5], ids[1], ids[4], ids[2]] as string[];
    const answers = await startTogether(
      () => [
        f.user.client.post(`${f.base}/rules/reorder`, { ruleIds: forwards }),
        f.admin.client.post(`${f.base}/rules/reorder`, { ruleIds: shuffled }),
      ],
      2,
    );
    for (const res of answers) await expectJson(res, 200);
    expect(await positions()).toEqual([0, 1, 2, 3, 4, 5]);
    const order = (await listRules(f.user, f)).map((r) => r.id);
    expect([forwards, shuffled]).toContainEqual(order);
  });

  it("eight rules added at once and reorders racing them: positions stay distinct", async () => {
    const before = (await listRules(f.user, f)).map((r) => r.id);
    const adds = () =>
      Array.from({ length: 8 }, (_, i) =>
        (i % 2 ? f.user : f.owner).client.post(`${f.base}/rules`, {
          conditions: { descriptionContains: `race ${i}` },
          action: { classification: "transfer" },
        }),
      );
    const answers = await startTogether(
      () => [...adds(), f.admin.client.post(`${f.base}/rules/reorder`, { ruleIds: [...before].reverse() })],
      9, // 1 holder + 9 waiting + 1 poller: within the pool of 12
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.slice(0, 8)).toEqual(Array<number>(8).fill(201));
    // The reorder names the rules as they were: it wins if it ran first, else the set changed (409).
    expect([200, 409]).toContain(statuses[8]);
    const all = await positions();
    expect(all).toHaveLength(before.length + 8);
    expect(new Set(all).size).toBe(all.length);
  });
  it("ten rules added at once on a warm pool, without a holder: positions stay distinct", async () => {
    const g = await createLedgerFixture(t);
    for (const who of [g.owner, g.admin, g.user]) await who.client.csrf();
    // Open every pooled connection first, or the first request runs alone while others connect.
    await Promise.all(Array.from({ length: 10 }, () => t.database.db.execute(sql`select pg_sleep(0.05)`)));
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        [g.owner, g.admin, g.user][i % 3]?.client.post(`${g.base}/rules`, {
          conditions: { descriptionContains: `warm ${i}` },
          action: { classification: "personal" },
        }),
      ),
    );
    expect(answers.map((r) => r?.status)).toEqual(Array<number>(10).fill(201));
    expect((await listRules(g.user, g)).map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
