import { randomInt } from "node:crypto";
import type { TestApp } from "./test-app.js";

export function randomIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/**
 * A browser-like client for the in-process app: it keeps cookies, fetches the CSRF token and
 * sends it on every state-changing request, as the web app does.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  /**
   * Each client comes from an address of its own (the test app trusts the proxy header), as
   * separate people do; tests of per-IP limits set the header themselves.
   */
  constructor(
    private readonly t: Pick<TestApp, "request">,
    readonly base = "http://localhost",
    readonly defaultHeaders: Record<string, string> = { "x-forwarded-for": randomIp() },
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** The raw value of the session cookie, whatever its prefix. */
  sessionCookie(): string | undefined {
    return this.cookies.get("__Host-tl_session") ?? this.cookies.get("tl_session");
  }

  private remember(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({
      ...this.defaultHeaders,
      ...(init.headers as Record<string, string> | undefined),
    });
    if (this.cookies.size > 0 && !headers.has("cookie")) headers.set("cookie", this.cookieHeader());
    const res = await this.t.request(`${this.base}${path}`, { ...init, headers });
    this.remember(res);
    return res;
  }

  async csrf(): Promise<string> {
    if (!this.csrfToken) {
      const res = await this.fetch("/api/auth/csrf");
      this.csrfToken = ((await res.json()) as { token: string }).token;
    }
    return this.csrfToken;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, { headers });
  }

  async send(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    const token = await this.csrf();
    return this.fetch(path, {
      method,
      headers: {
        "x-csrf-token": token,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.send("POST", path, body, headers);
  }

  delete(path: string, body?: unknown, headers?: Record<string, string>): Promise<Response> {
    return this.send("DELETE", path, body, headers);
  }
}
