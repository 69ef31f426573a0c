// Attacks on invitations: replaying a used, expired, revoked or superseded link; using a link
// meant for someone else (a forwarded email) to join a practice; reading working links out of a
// database leak; flooding addresses with invitations from one practice.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Account, registerAccount } from "../../support/accounts.js";
import { TestClient } from "../../support/http-client.js";
import {
  createPractice,
  createPracticeFixture,
  invitationToken,
  type PracticeFixture,
  practiceEvents,
  rolesIn,
} from "../../support/practices.js";
import { dumpDatabase, errorOf, outboxFor } from "../../support/security/helpers.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";
import { createTestDatabase, usingPostgres } from "../../support/test-database.js";

let t: TestApp;
let f: PracticeFixture;
beforeAll(async () => {
  t = await createTestApp();
  f = await createPracticeFixture(t);
});
afterAll(async () => t?.close());

async function invite(
  inviter: Account,
  email: string,
  role: "admin" | "user" = "user",
  practiceId = f.practiceId,
) {
  const res = await inviter.client.post(`/api/practices/${practiceId}/invitations`, { email, role });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { invitation: { id: string; expiresAt: string } }).invitation;
}

async function expectRefused(token: string, by: Account): Promise<void> {
  const preview = await new TestClient(t).post("/api/invitations/preview", { token });
  expect(preview.status).toBe(400);
  const accept = await by.client.post("/api/invitations/accept", { token });
  expect(accept.status).toBe(400);
  expect((await errorOf(accept)).code).toBe("invalid_token");
  expect((await rolesIn(t, f.practiceId))[by.userId]).toBeUndefined();
}

const accept = (by: Account, token: string) => by.client.post("/api/invitations/accept", { token });

describe("an invitation link", () => {
  it("is stored only as its SHA-256 hash, expires in 7 days, and works once", async () => {
    const invitee = await registerAccount(t);
    const invitation = await invite(f.admin, invitee.email, "admin");
    const token = await invitationToken(t, invitee.email);
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeGreaterThan(7 * 86_400_000 - 120_000);
    expect(Date.parse(invitation.expiresAt) - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
    const dump = await dumpDatabase(t);
    expect(dump).not.toContain(token);
    expect(dump).toContain(createHash("sha256").update(token).digest("hex"));

    expect((await accept(invitee, token)).status).toBe(200);
    expect((await rolesIn(t, f.practiceId))[invitee.userId]).toBe("admin");
    const replay = await accept(invitee, token);
    expect(replay.status).toBe(400);
    expect((await new TestClient(t).post("/api/invitations/preview", { token })).status).toBe(400);
  });

  it("is refused once expired", async () => {
    const invitee = await registerAccount(t);
    const { id } = await invite(f.owner, invitee.email);
    const token = await invitationToken(t, invitee.email);
    await t.database.db.execute(
      sql`update invitations set expires_at = now() - interval '1 second' where id = ${id}`,
    );
    await expectRefused(token, invitee);
  });

  it("is bound to its address: signed in as anyone else, 403 and not joined; signed out, 401", async () => {
    const invitee = await registerAccount(t);
    await invite(f.owner, invitee.email.toUpperCase());
    const token = await invitationToken(t, invitee.email);
    const other = await registerAccount(t);
    const res = await accept(other, token);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe("forbidden");
    expect((await new TestClient(t).post("/api/invitations/accept", { token })).status).toBe(401);
    expect((await rolesIn(t, f.practiceId))[other.userId]).toBeUndefined();
    // The refusals did not use it up: its own address (in any case) still joins.
    expect((await accept(invitee, token)).status).toBe(200);
  });

  it("stops working when revoked, and leaves the pending list", async () => {
    const invitee = await registerAccount(t);
    const { id } = await invite(f.admin, invitee.email);
    const token = await invitationToken(t, invitee.email);
    const path = `/api/practices/${f.practiceId}/invitations`;
    expect((await f.admin.client.delete(`${path}/${id}`)).status).toBe(204);
    await expectRefused(token, invitee);
    const pending = (await (await f.admin.client.get(path)).json()) as { invitations: { id: string }[] };
    expect(pending.invitations.map((i) => i.id)).not.toContain(id);
    expect((await f.admin.client.delete(`${path}/${id}`)).status).toBe(404);
    expect((await f.admin.client.post(`${path}/${id}/resend`)).status).toBe(404);
  });

  it("re-sent, arrives with a new link that works while the old one is refused", async () => {
    const invitee = await registerAccount(t);
    const { id } = await invite(f.owner, invitee.email);
    const first = await invitationToken(t, invitee.email);
    expect(
      (await f.owner.client.post(`/api/practices/${f.practiceId}/invitations/${id}/resend`)).status,
    ).toBe(204);
    const second = await invitationToken(t, invitee.email);
    expect(second).not.toBe(first);
    await expectRefused(first, invitee);
    expect((await accept(invitee, second)).status).toBe(200);
  });

  it("inviting the same address again replaces the pending link; inviting a member answers 409", async () => {
    const invitee = await registerAccount(t);
    await invite(f.owner, invitee.email);
    const first = await invitationToken(t, invitee.email);
    await invite(f.admin, invitee.email, "admin");
    const second = await invitationToken(t, invitee.email);
    await expectRefused(first, invitee);
    expect(await (await accept(invitee, second)).json()).toEqual({ practiceId: f.practiceId, role: "admin" });
    const again = await f.owner.client.post(`/api/practices/${f.practiceId}/invitations`, {
      email: invitee.email,
      role: "user",
    });
    expect(again.status).toBe(409);
  });
});

describe("invitation limits", () => {
  it("a practice may send 20 an hour (re-sends count); the 21st answers 429; other practices are unaffected", async () => {
    const owner = await registerAccount(t);
    const practiceId = await createPractice(owner);
    const first = await invite(owner, "flood.0@example.com", "user", practiceId);
    for (let i = 1; i < 19; i++) await invite(owner, `flood.${i}@example.com`, "user", practiceId);
    const resend = `/api/practices/${practiceId}/invitations/${first.id}/resend`;
    expect((await owner.client.post(resend)).status).toBe(204);
    const over = await owner.client.post(`/api/practices/${practiceId}/invitations`, {
      email: "flood.20@example.com",
      role: "user",
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await owner.client.post(resend)).status).toBe(429);
    const sent = await outboxFor(t, "flood.20@example.com");
    expect(sent).toEqual([]);
    await invite(f.owner, "not.flooded@example.com");
  });
});

describe("emails and events", () => {
  it("the invitation, the welcome to the practice and the removal notice go out, and each change is an event", async () => {
    const invitee = await registerAccount(t);
    await invite(f.admin, invitee.email, "user");
    const [mail] = (await outboxFor(t, invitee.email)).filter((m) => /invited you/.test(m.subject));
    expect(mail?.subject).toBe(`${f.admin.email} invited you to ${f.name} on TherapyLedger`);
    expect(mail?.text).toMatch(/as User/);
    expect(mail?.text).toMatch(/expires in 7 days/);
    expect(mail?.text).toMatch(/\/invitations\/accept#token=[A-Za-z0-9_-]{43}/);
    expect(mail?.html).toContain(f.name);

    expect((await accept(invitee, await invitationToken(t, invitee.email))).status).toBe(200);
    const added = (await outboxFor(t, invitee.email)).filter(
      (m) => m.subject === `You were added to ${f.name}`,
    );
    expect(added).toHaveLength(1);
    expect(added[0]?.text).toContain(f.admin.email);
    expect(added[0]?.text).toContain(`/practices/${f.practiceId}`);

    expect(
      (await f.owner.client.delete(`/api/practices/${f.practiceId}/members/${invitee.userId}`)).status,
    ).toBe(204);
    const removed = (await outboxFor(t, invitee.email)).filter(
      (m) => m.subject === `You were removed from ${f.name}`,
    );
    expect(removed).toHaveLength(1);
    expect(removed[0]?.text).toContain(f.owner.email);

    const mine = (await practiceEvents(f.admin, f.practiceId)).filter(
      (e) => e.subjectEmail === invitee.email || JSON.stringify(e).includes(invitee.email),
    );
    expect(mine.map((e) => [e.type, e.actorEmail])).toEqual([
      ["member_invited", f.admin.email],
      ["member_joined", invitee.email],
      ["member_removed", f.owner.email],
    ]);
  });
});

// PGlite serialises every query, so only PostgreSQL lets these accepts really overlap.
describe.runIf(usingPostgres)("invitations at once, on PostgreSQL", () => {
  let pg: TestApp;
  beforeAll(async () => {
    pg = await createTestApp({ database: await createTestDatabase({ poolSize: 12 }) });
  });
  afterAll(async () => pg?.close());

  /** Opens every pooled connection, so that no request runs alone while the others connect. */
  const warmPool = () =>
    Promise.all(Array.from({ length: 12 }, () => pg.database.db.execute(sql`select pg_sleep(0.05)`)));

  it("25 invitations at once from one practice: exactly 20 go out, 5 answer 429", async () => {
    const owner = await registerAccount(pg);
    const practiceId = await createPractice(owner);
    await owner.client.csrf();
    await warmPool();
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        owner.client.post(`/api/practices/${practiceId}/invitations`, {
          email: `burst.${i}@example.com`,
          role: "user",
        }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array<number>(20).fill(201), ...Array<number>(5).fill(429)]);
  });

  it("joins once: one 200, the rest 400, never a 500", async () => {
    const owner = await registerAccount(pg);
    const practiceId = await createPractice(owner);
    const invitee = await registerAccount(pg);
    const invited = await owner.client.post(`/api/practices/${practiceId}/invitations`, {
      email: invitee.email,
      role: "user",
    });
    expect(invited.status).toBe(201);
    const token = await invitationToken(pg, invitee.email);
    await invitee.client.csrf();
    await warmPool();
    const answers = await Promise.all(Array.from({ length: 10 }, () => accept(invitee, token)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(9).fill(400)]);
    expect(await rolesIn(pg, practiceId)).toEqual({ [owner.userId]: "owner", [invitee.userId]: "user" });
  });
});
