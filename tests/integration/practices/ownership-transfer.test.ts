// Attack: a practice left with no Owner or with two, through forged or racing transfers. With
// none, nobody could delete the practice or manage billing; with two, a demoted Owner would keep
// the Owner's powers. Exactly one Owner at all times, whatever arrives at once.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { type Account, registerAccount } from "../../support/accounts.js";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import {
  ACCESS_FORBIDDEN,
  addMemberDirectly,
  createPractice,
  createPracticeFixture,
  practiceEvents,
  rolesIn,
} from "../../support/practices.js";
import { errorOf, outboxFor } from "../../support/security/helpers.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createTestDatabase, usingPostgres } from "../../support/test-database.js";

const transfer = (from: Account, practiceId: string, to: string) =>
  from.client.post(`/api/practices/${practiceId}/transfer-ownership`, { userId: to });

function ownersOf(roles: Record<string, string>): string[] {
  return Object.keys(roles).filter((id) => roles[id] === "owner");
}

describe("transferring ownership", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it("makes the member Owner and the old Owner an Admin, mails both and records the event", async () => {
    const f = await createPracticeFixture(t);
    const res = await transfer(f.owner, f.practiceId, f.user.userId);
    expect(res.status, await res.clone().text()).toBe(204);
    expect(await rolesIn(t, f.practiceId)).toEqual({
      [f.owner.userId]: "admin",
      [f.admin.userId]: "admin",
      [f.user.userId]: "owner",
    });
    for (const person of [f.owner, f.user]) {
      const mails = (await outboxFor(t, person.email)).filter(
        (m) => m.subject === `Ownership of ${f.name} was transferred`,
      );
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toContain(f.owner.email);
      expect(mails[0]?.text).toContain(f.user.email);
    }
    const events = await practiceEvents(f.user, f.practiceId);
    expect(events.at(-1)).toMatchObject({
      type: "ownership_transferred",
      actorEmail: f.owner.email,
      subjectEmail: f.user.email,
    });
    // The former Owner keeps an Admin's powers and has lost the Owner's.
    expect((await f.owner.client.get(`/api/practices/${f.practiceId}/members`)).status).toBe(200);
    const again = await transfer(f.owner, f.practiceId, f.owner.userId);
    expect(again.status).toBe(403);
    expect((await errorOf(again)).message).toBe(ACCESS_FORBIDDEN);
  });

  it("is the Owner's alone: an Admin or a User gets 403 and nothing changes", async () => {
    const f = await createPracticeFixture(t);
    const before = await snapshotDatabase(t.database.db);
    for (const caller of [f.admin, f.user]) {
      const res = await transfer(caller, f.practiceId, caller.userId);
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ code: "forbidden", message: ACCESS_FORBIDDEN });
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("to a non-member (of another practice, or nobody) answers 404; to oneself 400; nothing changes", async () => {
    const f = await createPracticeFixture(t);
    const before = await snapshotDatabase(t.database.db);
    for (const target of [f.outsider.userId, randomUUID()]) {
      const res = await transfer(f.owner, f.practiceId, target);
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    }
    expect((await transfer(f.owner, f.practiceId, f.owner.userId)).status).toBe(400);
    // The demotion that ran first inside the refused transfers was rolled back.
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
    expect(ownersOf(await rolesIn(t, f.practiceId))).toEqual([f.owner.userId]);
  });
});

// PGlite serialises every query, so requests never truly overlap on it: these races mean
// something only on PostgreSQL, with a pool large enough for the transactions to run at once.
describe.runIf(usingPostgres)("racing transfers on PostgreSQL (pool of 12)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ database: await createTestDatabase({ poolSize: 12 }) });
  });
  afterAll(async () => t?.close());

  async function practiceWithMembers(count: number) {
    const owner = await registerAccount(t);
    const practiceId = await createPractice(owner);
    const members: Account[] = [];
    for (let i = 0; i < count; i++)
      members.push(await addMemberDirectly(t, practiceId, i % 2 ? "user" : "admin"));
    // Every client holds its CSRF token before the race, so no two requests fetch one at once.
    for (const m of [owner, ...members]) await m.client.csrf();
    return { owner, practiceId, members };
  }

  /** Resolves once `count` backends of this database wait on a lock. */
  async function lockWaiters(count: number): Promise<void> {
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      const [row] = await queryRows<{ n: number }>(
        t.database.db,
        sql`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'
              and query like 'update "practice_members"%'`,
      );
      if ((row?.n ?? 0) >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`fewer than ${count} transactions came to wait on the Owner's row`);
  }

  it("10 transfers from the Owner, all inside their transactions at once: one wins, nine get 409", async () => {
    const { owner, practiceId, members } = await practiceWithMembers(10);
    // A request refreshes a session idle for a minute; let that happen now, not during the race.
    expect((await owner.client.get("/api/me")).status).toBe(200);
    let answers: Promise<Response[]> = Promise.resolve([]);
    // Hold the Owner's row so that every transfer passes its access check and then waits at the
    // conditional demotion; letting go starts them together. (Pool: 1 holder + 10 + 1 poller.)
    await t.database.db.transaction(async (tx) => {
      await tx.execute(
        sql`select 1 from practice_members where practice_id = ${practiceId} and role = 'owner' for update`,
      );
      answers = Promise.all(members.map((m) => transfer(owner, practiceId, m.userId)));
      await lockWaiters(members.length);
    });
    const statuses = (await answers).map((r) => r.status);
    expect([...statuses].sort()).toEqual([204, ...Array<number>(9).fill(409)]);
    const winner = members[statuses.indexOf(204)] as Account;
    const roles = await rolesIn(t, practiceId);
    expect(ownersOf(roles)).toEqual([winner.userId]);
    expect(roles[owner.userId]).toBe("admin");
    const events = (await practiceEvents(winner, practiceId)).filter(
      (e) => e.type === "ownership_transferred",
    );
    expect(events).toHaveLength(1);
  });

  it("12 transfers at once on a warm pool: one wins, the rest are refused, never a 500", async () => {
    const { owner, practiceId, members } = await practiceWithMembers(12);
    // Open every pooled connection first, or the first request runs alone while others connect.
    await Promise.all(members.map(() => t.database.db.execute(sql`select pg_sleep(0.05)`)));
    const statuses = (await Promise.all(members.map((m) => transfer(owner, practiceId, m.userId)))).map(
      (r) => r.status,
    );
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    // A loser is refused by the conditional demotion (409) or, when the winner had committed
    // before its access check, as the Admin the Owner has become (403).
    expect(statuses.filter((s) => s !== 204 && s !== 409 && s !== 403)).toEqual([]);
    expect(ownersOf(await rolesIn(t, practiceId))).toEqual([members[statuses.indexOf(204)]?.userId]);
  });

  it("A→B while B→A (and onwards round a ring), many rounds: one Owner always, a consistent chain", async () => {
    const { owner, practiceId, members } = await practiceWithMembers(5);
    const ring = [owner, ...members];
    const byEmail = new Map(ring.map((m) => [m.email, m]));
    let wins = 0;
    for (let round = 0; round < 12; round++) {
      // Everyone passes ownership on at once, forwards and backwards, so a fresh Owner's own
      // transfer can overlap the one that made it Owner.
      const calls = ring.flatMap((m, i) => [
        transfer(m, practiceId, (ring[(i + 1) % ring.length] as Account).userId),
        transfer(m, practiceId, (ring[(i + ring.length - 1) % ring.length] as Account).userId),
      ]);
      const statuses = (await Promise.all(calls)).map((r) => r.status);
      expect(statuses.filter((s) => ![204, 403, 409].includes(s))).toEqual([]);
      wins += statuses.filter((s) => s === 204).length;
      expect(ownersOf(await rolesIn(t, practiceId))).toHaveLength(1);
    }
    expect(wins).toBeGreaterThan(0);
    // Replaying the events from the first Owner: each transfer was made by the Owner of the time.
    const roles = await rolesIn(t, practiceId);
    const current = byEmail.get(
      ring.map((m) => m.email).find((e) => roles[byEmail.get(e)?.userId ?? ""] === "owner") ?? "",
    ) as Account;
    const chain = (await practiceEvents(current, practiceId)).filter(
      (e) => e.type === "ownership_transferred",
    );
    expect(chain).toHaveLength(wins);
    let holder = owner.email;
    for (const event of chain) {
      expect(event.actorEmail).toBe(holder);
      holder = event.subjectEmail ?? "";
    }
    expect(holder).toBe(current.email);
  }, 120_000);

  it("a transfer racing an Admin who demotes or removes its target leaves exactly one Owner", async () => {
    for (let round = 0; round < 6; round++) {
      const { owner, practiceId, members } = await practiceWithMembers(2);
      const [admin, target] = members as [Account, Account];
      const statuses = (
        await Promise.all([
          transfer(owner, practiceId, target.userId),
          admin.client.send("PATCH", `/api/practices/${practiceId}/members/${target.userId}`, {
            role: "admin",
          }),
          admin.client.delete(`/api/practices/${practiceId}/members/${target.userId}`),
        ])
      ).map((r) => r.status);
      expect(statuses.filter((s) => s >= 500)).toEqual([]);
      const owners = ownersOf(await rolesIn(t, practiceId));
      expect(owners).toHaveLength(1);
      // Either the transfer won (and the Owner it made cannot be removed) or the Owner stayed.
      expect(owners[0]).toBe(statuses[0] === 204 ? target.userId : owner.userId);
    }
  }, 120_000);
});
