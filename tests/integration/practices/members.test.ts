// Attacks on membership: an Admin demoting or evicting the Owner to take the practice over, a
// member changing roles or removing people without the power to, and changes nobody can trace
// afterwards. Every change is an event the Owner and Admins can read, naming who did what to whom.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import {
  ACCESS_FORBIDDEN,
  ACCESS_NOT_FOUND,
  createPracticeFixture,
  inviteAndAccept,
  type PracticeFixture,
  practiceEvents,
  rolesIn,
} from "../../support/practices.js";
import { errorOf, outboxFor } from "../../support/security/helpers.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const memberPath = (f: PracticeFixture, userId: string) => `/api/practices/${f.practiceId}/members/${userId}`;

describe("roles", () => {
  it("an Admin makes a User an Admin and back; the members list shows it", async () => {
    const f = await createPracticeFixture(t);
    expect((await f.admin.client.send("PATCH", memberPath(f, f.user.userId), { role: "admin" })).status).toBe(
      204,
    );
    expect((await rolesIn(t, f.practiceId))[f.user.userId]).toBe("admin");
    // Now an Admin, the former User may manage members.
    expect((await f.user.client.get(`/api/practices/${f.practiceId}/members`)).status).toBe(200);
    expect((await f.admin.client.send("PATCH", memberPath(f, f.user.userId), { role: "user" })).status).toBe(
      204,
    );
    const list = (await (await f.owner.client.get(`/api/practices/${f.practiceId}/members`)).json()) as {
      members: { userId: string; email: string; role: string }[];
    };
    expect(Object.fromEntries(list.members.map((m) => [m.email, m.role]))).toEqual({
      [f.owner.email]: "owner",
      [f.admin.email]: "admin",
      [f.user.email]: "user",
    });
  });

  it("nobody changes the Owner's role, not even the Owner: 403 and nothing changes", async () => {
    const f = await createPracticeFixture(t);
    const before = await snapshotDatabase(t.database.db);
    for (const caller of [f.admin, f.owner]) {
      for (const role of ["admin", "user"]) {
        const res = await caller.client.send("PATCH", memberPath(f, f.owner.userId), { role });
        expect(res.status).toBe(403);
        expect((await errorOf(res)).code).toBe("forbidden");
      }
    }
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });

  it("a User changes no role and removes nobody (403); a stranger's id is 404", async () => {
    const f = await createPracticeFixture(t);
    const before = await snapshotDatabase(t.database.db);
    const asUser = [
      await f.user.client.send("PATCH", memberPath(f, f.user.userId), { role: "admin" }),
      await f.user.client.delete(memberPath(f, f.admin.userId)),
    ];
    for (const res of asUser) expect(await errorOf(res)).toMatchObject({ message: ACCESS_FORBIDDEN });
    const stranger = await f.admin.client.send("PATCH", memberPath(f, f.outsider.userId), { role: "user" });
    expect(stranger.status).toBe(404);
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });
});

describe("leaving and removal", () => {
  it("an Admin removes a member, who is emailed and loses access at once", async () => {
    const f = await createPracticeFixture(t);
    expect((await f.admin.client.delete(memberPath(f, f.user.userId))).status).toBe(204);
    expect((await rolesIn(t, f.practiceId))[f.user.userId]).toBeUndefined();
    const mails = (await outboxFor(t, f.user.email)).filter(
      (m) => m.subject === `You were removed from ${f.name}`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain(f.admin.email);
    // The same session, still signed in, now meets the non-member's 404.
    const res = await f.user.client.get(`/api/practices/${f.practiceId}`);
    expect(res.status).toBe(404);
    expect((await errorOf(res)).message).toBe(ACCESS_NOT_FOUND);
    expect((await f.admin.client.delete(memberPath(f, f.user.userId))).status).toBe(404);
  });

  it("the Owner can be neither removed nor leave: 403 and still the Owner", async () => {
    const f = await createPracticeFixture(t);
    const removed = await f.admin.client.delete(memberPath(f, f.owner.userId));
    expect(removed.status).toBe(403);
    const selfRemoved = await f.owner.client.delete(memberPath(f, f.owner.userId));
    expect(selfRemoved.status).toBe(403);
    const left = await f.owner.client.post(`/api/practices/${f.practiceId}/leave`);
    expect(left.status).toBe(403);
    expect((await errorOf(left)).message).toMatch(/transfer ownership first/);
    expect((await rolesIn(t, f.practiceId))[f.owner.userId]).toBe("owner");
    expect(await outboxFor(t, f.owner.email)).not.toContainEqual(
      expect.objectContaining({ subject: `You were removed from ${f.name}` }),
    );
  });

  it("a User and an Admin may leave; afterwards they are strangers to it", async () => {
    const f = await createPracticeFixture(t);
    for (const member of [f.user, f.admin]) {
      expect((await member.client.post(`/api/practices/${f.practiceId}/leave`)).status).toBe(204);
      expect((await member.client.get(`/api/practices/${f.practiceId}`)).status).toBe(404);
      expect((await member.client.post(`/api/practices/${f.practiceId}/leave`)).status).toBe(404);
    }
    expect(await rolesIn(t, f.practiceId)).toEqual({ [f.owner.userId]: "owner" });
  });
});

describe("the practice's events", () => {
  it("the Owner and Admins read every member change with its actor and subject; a User gets 403", async () => {
    const f = await createPracticeFixture(t);
    const extra = await inviteAndAccept(t, f.admin, f.practiceId, "user");
    await f.admin.client.send("PATCH", memberPath(f, extra.userId), { role: "admin" });
    await f.owner.client.delete(memberPath(f, extra.userId));
    await f.user.client.post(`/api/practices/${f.practiceId}/leave`);
    const invitation = await f.admin.client.post(`/api/practices/${f.practiceId}/invitations`, {
      email: "later@example.com",
      role: "user",
    });
    const { id } = ((await invitation.json()) as { invitation: { id: string } }).invitation;
    await f.admin.client.post(`/api/practices/${f.practiceId}/invitations/${id}/resend`);
    await f.owner.client.delete(`/api/practices/${f.practiceId}/invitations/${id}`);
    await f.owner.client.send("PATCH", `/api/practices/${f.practiceId}`, { name: `${f.name} & Co` });
    await f.owner.client.post(`/api/practices/${f.practiceId}/transfer-ownership`, {
      userId: f.admin.userId,
    });

    const events = await practiceEvents(f.owner, f.practiceId);
    expect(await practiceEvents(f.admin, f.practiceId)).toEqual(events);
    const o = f.owner.email;
    const a = f.admin.email;
    expect(events.map((e) => [e.type, e.actorEmail, e.subjectEmail])).toEqual([
      ["practice_created", o, null],
      ["member_invited", o, null],
      ["member_joined", a, a],
      ["member_invited", o, null],
      ["member_joined", f.user.email, f.user.email],
      ["member_invited", a, null],
      ["member_joined", extra.email, extra.email],
      ["member_role_changed", a, extra.email],
      ["member_removed", o, extra.email],
      ["member_left", f.user.email, f.user.email],
      ["member_invited", a, null],
      ["invitation_resent", a, null],
      ["invitation_revoked", o, null],
      ["practice_updated", o, null],
      ["ownership_transferred", o, a],
    ]);
    const user = await inviteAndAccept(t, f.admin, f.practiceId, "user");
    const res = await user.client.get(`/api/practices/${f.practiceId}/events`);
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toBe(ACCESS_FORBIDDEN);
  });
});
