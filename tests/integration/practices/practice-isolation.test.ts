// Attacks: insecure direct object references and mass assignment. A member of one practice
// names another practice's member or invitation under their own practice's path, or smuggles a
// `role` or `practiceId` into a body to promote themselves or to act on another practice.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerAccount } from "../../support/accounts.js";
import { snapshotDatabase } from "../../support/http/db-snapshot.js";
import {
  ACCESS_NOT_FOUND,
  createPracticeFixture,
  invitationToken,
  type PracticeFixture,
  rolesIn,
} from "../../support/practices.js";
import { errorOf } from "../../support/security/helpers.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
/** Two practices with the same shape; `a.outsider` owns a practice of its own, unrelated to b. */
let a: PracticeFixture;
let b: PracticeFixture;
let bInvitationId: string;
beforeAll(async () => {
  t = await createTestApp();
  a = await createPracticeFixture(t);
  b = await createPracticeFixture(t);
  const invited = await b.owner.client.post(`/api/practices/${b.practiceId}/invitations`, {
    email: "pending.b@example.com",
    role: "user",
  });
  expect(invited.status).toBe(201);
  bInvitationId = ((await invited.json()) as { invitation: { id: string } }).invitation.id;
});
afterAll(async () => t?.close());

describe("another practice's ids", () => {
  it("answer 404 with nothing of the practice in them, to every member of another practice", async () => {
    for (const stranger of [a.owner, a.admin, a.user]) {
      for (const path of ["", "/members", "/events", "/invitations"]) {
        const res = await stranger.client.get(`/api/practices/${b.practiceId}${path}`);
        expect(res.status).toBe(404);
        const text = await res.text();
        expect(JSON.parse(text)).toEqual({ error: { code: "not_found", message: ACCESS_NOT_FOUND } });
        expect(text).not.toContain(b.name);
      }
      const listed = (await (await stranger.client.get("/api/practices")).json()) as {
        practices: { id: string }[];
      };
      expect(listed.practices.map((p) => p.id)).not.toContain(b.practiceId);
    }
  });

  it("named under one's own practice, another practice's member or invitation is not found and untouched", async () => {
    const before = await snapshotDatabase(t.database.db);
    const own = `/api/practices/${a.practiceId}`;
    const attempts = [
      a.owner.client.send("PATCH", `${own}/members/${b.admin.userId}`, { role: "user" }),
      a.owner.client.delete(`${own}/members/${b.user.userId}`),
      a.owner.client.post(`${own}/transfer-ownership`, { userId: b.user.userId }),
      a.owner.client.post(`${own}/invitations/${bInvitationId}/resend`),
      a.owner.client.delete(`${own}/invitations/${bInvitationId}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status, await res.clone().text()).toBe(404);
    }
    expect(await rolesIn(t, b.practiceId)).toEqual({
      [b.owner.userId]: "owner",
      [b.admin.userId]: "admin",
      [b.user.userId]: "user",
    });
    expect(await snapshotDatabase(t.database.db)).toEqual(before);
  });
});

describe("a `role` or `practiceId` smuggled into a body", () => {
  it("is refused with 400 validation_failed and changes nothing", async () => {
    const invitee = await registerAccount(t);
    const invited = await a.owner.client.post(`/api/practices/${a.practiceId}/invitations`, {
      email: invitee.email,
      role: "user",
    });
    expect(invited.status).toBe(201);
    const token = await invitationToken(t, invitee.email);
    const own = `/api/practices/${a.practiceId}`;
    const cases: [string, () => Promise<Response>][] = [
      [
        "admin renames and makes itself owner",
        () => a.admin.client.send("PATCH", own, { name: "X", role: "owner" }),
      ],
      [
        "owner renames another practice",
        () => a.owner.client.send("PATCH", own, { name: "X", practiceId: b.practiceId }),
      ],
      [
        "create a practice with a role",
        () => a.user.client.post("/api/practices", { name: "Mine", timeZone: "UTC", role: "admin" }),
      ],
      [
        "create a practice inside another",
        () =>
          a.user.client.post("/api/practices", { name: "Mine", timeZone: "UTC", practiceId: b.practiceId }),
      ],
      [
        "invite into another practice",
        () =>
          a.admin.client.post(`${own}/invitations`, {
            email: "x@example.com",
            role: "user",
            practiceId: b.practiceId,
          }),
      ],
      [
        "invite an Owner",
        () => a.admin.client.post(`${own}/invitations`, { email: "x@example.com", role: "owner" }),
      ],
      [
        "make a member Owner",
        () => a.admin.client.send("PATCH", `${own}/members/${a.user.userId}`, { role: "owner" }),
      ],
      [
        "change a role in another practice",
        () =>
          a.admin.client.send("PATCH", `${own}/members/${a.user.userId}`, {
            role: "admin",
            practiceId: b.practiceId,
          }),
      ],
      [
        "transfer with a role",
        () => a.owner.client.post(`${own}/transfer-ownership`, { userId: a.user.userId, role: "user" }),
      ],
      ["accept as Admin", () => invitee.client.post("/api/invitations/accept", { token, role: "admin" })],
      [
        "accept into another practice",
        () => invitee.client.post("/api/invitations/accept", { token, practiceId: b.practiceId }),
      ],
    ];
    for (const [name, attempt] of cases) {
      const before = await snapshotDatabase(t.database.db);
      const res = await attempt();
      expect(res.status, name).toBe(400);
      expect((await errorOf(res)).code, name).toBe("validation_failed");
      expect(await snapshotDatabase(t.database.db), name).toEqual(before);
    }
    // The invitation was not used up by the refused attempts, and it still gives only its role.
    const accepted = await invitee.client.post("/api/invitations/accept", { token });
    expect(await accepted.json()).toEqual({ practiceId: a.practiceId, role: "user" });
  });
});
