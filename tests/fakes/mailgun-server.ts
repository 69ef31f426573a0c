import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

/**
 * A stand-in for Mailgun's HTTP API on 127.0.0.1, speaking its wire format: `POST
 * /v3/{domain}/messages` with HTTP Basic `api:<key>` and a multipart/form-data body, answered
 * with `{ id, message: "Queued. Thank you." }`. Anything else is answered 404 and recorded in
 * `unexpected`, so a test can fail on an outbound request nobody planned.
 */

export type FakeMailgunMessage = {
  id: string;
  domain: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Every form field as sent, repeated fields in order (`o:tracking`, `h:…`, `v:…` included). */
  fields: Record<string, string[]>;
  contentType: string;
};

export type FakeMailgunFailure = { status: number; body?: string | Record<string, unknown> };

export type FakeMailgun = {
  url: string;
  apiKey: string;
  domain: string;
  messages: FakeMailgunMessage[];
  unexpected: { method: string; path: string }[];
  /** Every request that reached the server, including the failed and rejected ones. */
  requestCount(): number;
  /** The next `count` authenticated sends are answered with `failure` (Infinity: all of them). */
  failNext(count: number, failure: FakeMailgunFailure): void;
  close(): Promise<void>;
};

const DEFAULT_FAILURE_BODIES: Record<number, Record<string, unknown>> = {
  400: { message: "'to' parameter is not a valid address. please check documentation" },
  429: { message: "Too many requests" },
  500: { message: "Internal Server Error" },
  503: { message: "Service Unavailable" },
};

export async function startFakeMailgun(
  options: { apiKey?: string; domain?: string } = {},
): Promise<FakeMailgun> {
  const apiKey = options.apiKey ?? "key-fake-0123456789abcdef";
  const domain = options.domain ?? "mg.therapyledger.test";
  const messages: FakeMailgunMessage[] = [];
  const unexpected: { method: string; path: string }[] = [];
  let requests = 0;
  let pendingFailures = 0;
  let failure: FakeMailgunFailure = { status: 500 };
  let sequence = 0;

  const app = new Hono();
  app.use(async (_c, next) => {
    requests += 1;
    await next();
  });

  app.post("/v3/:domain/messages", async (c) => {
    // Mailgun checks the credential before anything else, and answers a bad one in plain text.
    if (c.req.header("authorization") !== `Basic ${Buffer.from(`api:${apiKey}`).toString("base64")}`) {
      return c.text("Forbidden", 401);
    }
    const target = c.req.param("domain");
    if (target !== domain) {
      unexpected.push({ method: "POST", path: c.req.path });
      return c.json({ message: `Domain not found: ${target}` }, 404);
    }
    if (pendingFailures > 0) {
      pendingFailures -= 1;
      const body = failure.body ?? DEFAULT_FAILURE_BODIES[failure.status] ?? { message: "error" };
      return typeof body === "string"
        ? c.body(body, failure.status as 400)
        : c.json(body, failure.status as 400);
    }
    const contentType = c.req.header("content-type") ?? "";
    if (!contentType.startsWith("multipart/form-data")) {
      return c.json({ message: "expected multipart/form-data" }, 400);
    }
    const form = await c.req.raw.formData();
    const fields: Record<string, string[]> = {};
    for (const [name, value] of form.entries()) {
      const list = fields[name] ?? [];
      list.push(typeof value === "string" ? value : `[file ${value.name}]`);
      fields[name] = list;
    }
    const first = (name: string) => fields[name]?.[0] ?? "";
    for (const required of ["from", "to", "subject"]) {
      if (!first(required)) return c.json({ message: `${required} parameter is missing` }, 400);
    }
    if (!first("text") && !first("html")) {
      return c.json({ message: "Need at least one of 'text' or 'html' parameters specified" }, 400);
    }
    sequence += 1;
    const id = `<${Date.now()}.${sequence}@${domain}>`;
    messages.push({
      id,
      domain: target,
      from: first("from"),
      // Mailgun reads each `to` field, and commas within one, as recipients.
      to: (fields.to ?? []).flatMap((v) => v.split(",").map((s) => s.trim())),
      subject: first("subject"),
      text: first("text"),
      html: first("html"),
      fields,
      contentType,
    });
    return c.json({ id, message: "Queued. Thank you." });
  });

  app.all("*", (c) => {
    unexpected.push({ method: c.req.method, path: c.req.path });
    return c.json({ message: "Not Found" }, 404);
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    domain,
    messages,
    unexpected,
    requestCount: () => requests,
    failNext(count, next) {
      pendingFailures = count;
      failure = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
