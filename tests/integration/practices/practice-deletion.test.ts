// Attacks and accidents on deletion: an Admin (or a forged click) wiping a practice, a deletion
// that leaves the practice's data behind in some table, and an Owner's account deletion that
// strands a practice others still work in without an Owner.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../../src/db/client.js";
import { type Account, registerAccount } from "../../support/accounts.js";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import { listForeignKeys } from "../../support/ownership.js";
import {
  createPractice,
  createPracticeFixture,
  type PracticeFixture,
  practiceRows,
  rolesIn,
} from "../../support/practices.js";
import { dumpDatabase, errorOf } from "../../support/security/helpers.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { seedLedgerRows } from "../ledger/ledger-support.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const deletePractice = (by: Account, f: { practiceId: string }, confirmName: string) =>
  by.client.delete(`/api/practices/${f.practiceId}`, { confirmName });

/** Leaves a row of the practice in every practice table: members, invitations, events, ledger. */
async function busyPractice(): Promise<PracticeFixture> {
  const f = await createPracticeFixture(t);
  await seedLedgerRows(f.owner, f.practiceId);
  const invited = await f.admin.client.post(`/api/practices/${f.practiceId}/invitations`, {
    email: `pending.${f.practiceId}@example.com`,
    role: "user",
  });
  expect(invited.status).toBe(201);
  return f;
}

/** The rows, anywhere in the database, whose text names `id`, each prefixed by its table. */
async function rowsNaming(id: string): Promise<string[]> {
  let table = "";
  const found: string[] = [];
  for (const line of (await dumpDatabase(t)).split("\n")) {
    if (line.startsWith("-- ")) table = line.slice(3);
    else if (line.includes(id)) found.push(`${table}: ${line}`);
  }
  return found;
}

describe("deleting a practice", () => {
  it("every table that holds practice data reaches practices.id by a cascading key", async () => {
    const keys = await listForeignKeys(t.database.db);
    const toPractices = keys.filter((k) => k.refTable === "practices");
    expect(toPractices.map((k) => k.table).sort()).toEqual([
      "categories",
      "closed_periods",
      "estimated_tax_payments",
      "import_batches",
      "import_mappings",
      "invitations",
      "ledger_accounts",
      "mileage_entries",
      "payer_rates",
      "payers",
      "practice_events",
      "practice_members",
      "reconciliations",
      "rules",
      "tax_profiles",
      "transaction_audit",
      "transaction_splits",
      "transactions",
      "vehicle_methods",
    ]);
    expect(toPractices.filter((k) => k.deleteRule !== "CASCADE")).toEqual([]);
  });

  it("is the Owner's alone: an Admin or a User gets 403 even with the right name", async () => {
    const f = await busyPractice();
    const before = await snapshotDatabase(t.database.db);
    for (const caller of [f.admin, f.user]) {
      const res = await deletePractice(caller, f, f.name);
      expect(res.status).toBe(403);
      expect((await errorOf(res)).code).toBe("forbidden");
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("needs the practice's name typed exactly: a wrong or missing name is 400 and deletes nothing", async () => {
    const f = await busyPractice();
    const before = await snapshotDatabase(t.database.db);
    for (const confirmName of ["", f.name.toLowerCase(), `${f.name}x`, "Another practice"]) {
      const res = await deletePractice(f.owner, f, confirmName);
      expect(res.status, confirmName).toBe(400);
      expect((await errorOf(res)).code).toBe("validation_failed");
    }
    expect((await f.owner.client.delete(`/api/practices/${f.practiceId}`, {})).status).toBe(400);
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("with the right name, removes every row of the practice in every table and nothing of others", async () => {
    const doomed = await busyPractice();
    const bystander = await busyPractice();
    const db = t.database.db;
    const mine = await practiceRows(db, doomed.practiceId);
    for (const [table, rows] of mine) expect(rows.length, `seed a row in ${table}`).toBeGreaterThan(0);
    const theirs = await practiceRows(db, bystander.practiceId);

    const res = await deletePractice(doomed.owner, doomed, doomed.name);
    expect(res.status, await res.clone().text()).toBe(204);

    for (const [table, rows] of await practiceRows(db, doomed.practiceId)) expect(rows, table).toEqual([]);
    expect(await practiceRows(db, bystander.practiceId)).toEqual(theirs);
    // Its members keep their accounts and other practices; the deleted one is a stranger's 404.
    for (const member of [doomed.owner, doomed.admin, doomed.user]) {
      expect((await member.client.get("/api/me")).status).toBe(200);
      expect((await member.client.get(`/api/practices/${doomed.practiceId}`)).status).toBe(404);
    }
    const listed = (await (await doomed.outsider.client.get("/api/practices")).json()) as {
      practices: unknown[];
    };
    expect(listed.practices).toHaveLength(1);
  });

  it("leaves no row anywhere that names it, its invitation rate-limit counter included", async () => {
    const doomed = await busyPractice();
    expect(await rowsNaming(doomed.practiceId)).not.toEqual([]);
    expect((await deletePractice(doomed.owner, doomed, doomed.name)).status).toBe(204);
    expect(await rowsNaming(doomed.practiceId)).toEqual([]);
  });
});

describe("deleting the account of an Owner", () => {
  const deleteAccount = (account: Account) =>
    account.client.delete("/api/me", { password: account.password });

  async function userExists(userId: string): Promise<boolean> {
    const rows = await queryRows(t.database.db, sql`select 1 from users where id = ${userId}`);
    return rows.length > 0;
  }

  it("whose practice has other members is refused with 409 until ownership is transferred", async () => {
    const f = await createPracticeFixture(t);
    const before = await snapshotDatabase(t.database.db);
    const refused = await deleteAccount(f.owner);
    expect(refused.status).toBe(409);
    expect((await errorOf(refused)).message).toMatch(/Transfer ownership or delete the practice/);
    expect(await snapshotDatabase(t.database.db)).toEqual(before);

    const moved = await f.owner.client.post(`/api/practices/${f.practiceId}/transfer-ownership`, {
      userId: f.admin.userId,
    });
    expect(moved.status).toBe(204);
    expect((await deleteAccount(f.owner)).status).toBe(204);
    expect(await userExists(f.owner.userId)).toBe(false);
    expect(await rolesIn(t, f.practiceId)).toEqual({ [f.admin.userId]: "owner", [f.user.userId]: "user" });
  });

  it("who deleted the practice first may then go", async () => {
    const f = await createPracticeFixture(t);
    expect((await deletePractice(f.owner, f, f.name)).status).toBe(204);
    expect((await deleteAccount(f.owner)).status).toBe(204);
    expect(await userExists(f.admin.userId)).toBe(true);
  });

  it("who is its only member takes the practice, and all its data, along", async () => {
    const owner = await registerAccount(t);
    const practiceId = await createPractice(owner);
    await owner.client.post(`/api/practices/${practiceId}/invitations`, {
      email: "never.came@example.com",
      role: "user",
    });
    const db = t.database.db;
    const before = await practiceRows(db, practiceId);
    expect(before.get("invitations")).toHaveLength(1);
    expect((await deleteAccount(owner)).status).toBe(204);
    for (const [table, rows] of await practiceRows(db, practiceId)) expect(rows, table).toEqual([]);
  });

  it("a member who is not the Owner leaves the practice intact when deleting their account", async () => {
    const f = await createPracticeFixture(t);
    expect((await deleteAccount(f.user)).status).toBe(204);
    expect(await rolesIn(t, f.practiceId)).toEqual({ [f.owner.userId]: "owner", [f.admin.userId]: "admin" });
  });
});
