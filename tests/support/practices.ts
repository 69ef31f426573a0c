import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { type Db, queryRows } from "../../src/db/client.js";
import type { SessionState } from "../../src/db/schema/identity.js";
import { practiceMembers, type Role } from "../../src/db/schema/practices.js";
import { sealSessionToken } from "../../src/identity/session-token.js";
import { createSession } from "../../src/services/sessions.js";
import { type Account, registerAccount } from "./accounts.js";
import { TestClient } from "./http-client.js";
import { listForeignKeys } from "./ownership.js";
import { mailedTokens } from "./security/helpers.js";
import type { TestApp } from "./test-app.js";

/** The messages of enforce-access.ts's own refusals, to tell them from a handler's 403 or 404. */
export const ACCESS_NOT_FOUND = "No such practice, or you are not a member of it.";
export const ACCESS_FORBIDDEN = "Your role in this practice does not allow this.";

export type PracticeFixture = {
  practiceId: string;
  name: string;
  owner: Account;
  admin: Account;
  user: Account;
  /** The Owner of another practice, who belongs to nothing here. */
  outsider: Account;
  otherPracticeId: string;
};

export function practiceName(prefix = "Practice"): string {
  return `${prefix} ${randomBytes(3).toString("hex")}`;
}

/** Creates a practice through the API; the account becomes its Owner. */
export async function createPractice(account: Account, name = practiceName()): Promise<string> {
  const res = await account.client.post("/api/practices", { name, timeZone: "America/Chicago" });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { practice: { id: string } }).practice.id;
}

/** The token of the newest invitation email to `email`. */
export async function invitationToken(t: TestApp, email: string): Promise<string> {
  const token = (await mailedTokens(t, email, /invited you to/)).at(-1);
  if (!token) throw new Error(`no invitation email to ${email}`);
  return token;
}

/** Invites a new account with a role and has it accept, as people do. */
export async function inviteAndAccept(
  t: TestApp,
  inviter: Account,
  practiceId: string,
  role: "admin" | "user",
): Promise<Account> {
  const invitee = await registerAccount(t);
  const invited = await inviter.client.post(`/api/practices/${practiceId}/invitations`, {
    email: invitee.email,
    role,
  });
  expect(invited.status, await invited.clone().text()).toBe(201);
  const accepted = await invitee.client.post("/api/invitations/accept", {
    token: await invitationToken(t, invitee.email),
  });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  return invitee;
}

/** A practice with an Owner, an Admin and a User (joined by invitation), and an outsider. */
export async function createPracticeFixture(t: TestApp, name = practiceName()): Promise<PracticeFixture> {
  const owner = await registerAccount(t);
  const practiceId = await createPractice(owner, name);
  const admin = await inviteAndAccept(t, owner, practiceId, "admin");
  const user = await inviteAndAccept(t, owner, practiceId, "user");
  const outsider = await registerAccount(t);
  const otherPracticeId = await createPractice(outsider, practiceName("Elsewhere"));
  return { practiceId, name, owner, admin, user, outsider, otherPracticeId };
}

/** Setup for many members at once: a new account put straight into the practice. */
export async function addMemberDirectly(t: TestApp, practiceId: string, role: "admin" | "user") {
  const account = await registerAccount(t);
  await t.database.db.insert(practiceMembers).values({ practiceId, userId: account.userId, role });
  return account;
}

/** Puts the fixture's memberships back as they were (after a leave, say): Owner last. */
export async function restoreMemberships(t: TestApp, f: PracticeFixture): Promise<void> {
  const rows: { practiceId: string; userId: string; role: Role }[] = [
    { practiceId: f.practiceId, userId: f.admin.userId, role: "admin" },
    { practiceId: f.practiceId, userId: f.user.userId, role: "user" },
    { practiceId: f.practiceId, userId: f.owner.userId, role: "owner" },
    { practiceId: f.otherPracticeId, userId: f.outsider.userId, role: "owner" },
  ];
  for (const row of rows) {
    await t.database.db
      .insert(practiceMembers)
      .values(row)
      .onConflictDoUpdate({
        target: [practiceMembers.practiceId, practiceMembers.userId],
        set: { role: row.role },
      });
  }
}

/** A session cookie value for a new session row, as signing in would make. */
export async function mintSession(
  t: TestApp,
  userId: string,
  state: SessionState = "active",
): Promise<string> {
  const { config, secrets } = t.deps;
  const row = await createSession(
    t.database.db,
    { userId, state, method: "password", ip: "127.0.0.1", userAgent: "practices-test" },
    { absoluteTtlSeconds: config.sessionAbsoluteTtlSeconds, idleTtlSeconds: config.sessionIdleTtlSeconds },
  );
  return sealSessionToken(secrets.sessionKey, row.id, row.expiresAt);
}

/** A browser that holds a CSRF token and whatever session cookie the test gives it. */
export async function browser(t: TestApp): Promise<TestClient> {
  const client = new TestClient(t);
  await client.csrf();
  return client;
}

/** Every member's role in the practice, by user id. */
export async function rolesIn(t: TestApp, practiceId: string): Promise<Record<string, Role>> {
  const rows = await t.database.db
    .select({ userId: practiceMembers.userId, role: practiceMembers.role })
    .from(practiceMembers)
    .where(eq(practiceMembers.practiceId, practiceId));
  return Object.fromEntries(rows.map((r) => [r.userId, r.role]));
}

export type PracticeEvent = { type: string; actorEmail: string | null; subjectEmail: string | null };

/** The practice's events as its Owner or an Admin reads them, oldest first. */
export async function practiceEvents(reader: Account, practiceId: string): Promise<PracticeEvent[]> {
  const res = await reader.client.get(`/api/practices/${practiceId}/events`);
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { events: PracticeEvent[] }).events.reverse();
}

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/**
 * The rows of every table that belong to the practice, each as its JSON text, by table: the
 * practice itself and every table that reaches `practices.id` through cascading foreign keys.
 */
export async function practiceRows(db: Db, practiceId: string): Promise<Map<string, string[]>> {
  const keys = (await listForeignKeys(db)).filter((k) => k.deleteRule === "CASCADE");
  const conditions = new Map<string, ReturnType<typeof sql>>([
    ["practices", sql`"practices"."id" = ${practiceId}`],
  ]);
  // Breadth-first from practices: a table whose key points at a table already reached.
  for (let grew = true; grew; ) {
    grew = false;
    for (const k of keys) {
      const parent = conditions.get(k.refTable);
      if (!parent || conditions.has(k.table)) continue;
      conditions.set(
        k.table,
        sql`${ident(k.table)}.${ident(k.column)} in (select ${ident(k.refTable)}.${ident(k.refColumn)} from ${ident(k.refTable)} where ${parent})`,
      );
      grew = true;
    }
  }
  const found = new Map<string, string[]>();
  for (const [table, condition] of conditions) {
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select to_jsonb(${ident(table)})::text as row from ${ident(table)} where ${condition} order by 1`,
    );
    found.set(
      table,
      rows.map((r) => r.row),
    );
  }
  return found;
}
