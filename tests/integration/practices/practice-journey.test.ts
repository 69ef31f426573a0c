import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readOutbox } from "../../../src/integrations/email/outbox-sender.js";
import { registerAccount } from "../../support/accounts.js";
import { createTestApp, type TestApp } from "../../support/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function lastLinkTo(email: string): Promise<string> {
  await t.deps.queue.runDueJobs();
  const messages = await readOutbox(path.join(t.deps.config.dataDir, "outbox"));
  const mine = messages.filter((m) => m.to === email);
  const text = mine.at(-1)?.text ?? "";
  const token = /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no link in the last email to ${email}`);
  return token;
}

describe("a group practice", () => {
  it("Owner creates it, invites an Admin who accepts and invites a User; the User cannot manage members", async () => {
    const owner = await registerAccount(t);
    const created = await owner.client.post("/api/practices", {
      name: "Lakeside Counseling",
      timeZone: "America/Chicago",
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { practice } = (await created.json()) as { practice: { id: string; role: string } };
    expect(practice.role).toBe("owner");

    const admin = await registerAccount(t);
    const invite = await owner.client.post(`/api/practices/${practice.id}/invitations`, {
      email: admin.email,
      role: "admin",
    });
    expect(invite.status, await invite.clone().text()).toBe(201);
    const token = await lastLinkTo(admin.email);
    const preview = await admin.client.post("/api/invitations/preview", { token });
    expect(await preview.json()).toEqual({
      practiceName: "Lakeside Counseling",
      email: admin.email,
      role: "admin",
    });
    const accepted = await admin.client.post("/api/invitations/accept", { token });
    expect(accepted.status, await accepted.clone().text()).toBe(200);
    expect((await admin.client.post("/api/invitations/accept", { token })).status).toBe(400);

    const user = await registerAccount(t);
    expect(
      (
        await admin.client.post(`/api/practices/${practice.id}/invitations`, {
          email: user.email,
          role: "user",
        })
      ).status,
    ).toBe(201);
    const userToken = await lastLinkTo(user.email);
    expect((await user.client.post("/api/invitations/accept", { token: userToken })).status).toBe(200);

    expect((await user.client.get(`/api/practices/${practice.id}`)).status).toBe(200);
    expect((await user.client.get(`/api/practices/${practice.id}/members`)).status).toBe(403);
    const members = (await (await admin.client.get(`/api/practices/${practice.id}/members`)).json()) as {
      members: { email: string; role: string }[];
    };
    expect(members.members.map((m) => m.role).sort()).toEqual(["admin", "owner", "user"]);
    const stranger = await registerAccount(t);
    expect((await stranger.client.get(`/api/practices/${practice.id}`)).status).toBe(404);
  });
});
