import { expect } from "vitest";
import type { TestClient } from "../http-client.js";

export type SecretKind =
  | "password"
  | "totp secret"
  | "totp code"
  | "backup code"
  | "session token"
  | "csrf token"
  | "reset token";

/**
 * The secrets a test file handled (passwords, TOTP secrets and codes, backup codes, session
 * cookies…), collected as it goes, so that afterAll can show none of them reached a log line.
 */
export class SecretsSeen {
  private readonly values = new Map<string, SecretKind>();

  add(kind: SecretKind, ...values: (string | undefined)[]): void {
    for (const value of values) {
      if (value) this.values.set(value, kind);
    }
  }

  /** Backup codes in both forms a log could show: as printed and without the dashes. */
  backupCodes(codes: string[]): void {
    for (const code of codes) this.add("backup code", code, code.replaceAll("-", ""));
  }

  /** The client's current session cookie value (call after each sign-in). */
  client(client: TestClient): void {
    this.add("session token", client.sessionCookie());
  }

  get size(): number {
    return this.values.size;
  }

  /** Which of the secrets appear in `text`; six-digit codes only as a number of their own. */
  foundIn(text: string): string[] {
    const found: string[] = [];
    for (const [value, kind] of this.values) {
      const hit = /^\d+$/.test(value)
        ? new RegExp(`(?<![0-9])${value}(?![0-9])`).test(text)
        : text.includes(value);
      if (hit) found.push(`${kind}: ${value}`);
    }
    return found;
  }

  /** Fails unless the logs are non-empty and contain none of the secrets collected. */
  expectAbsentFrom(...logTexts: string[]): void {
    expect(this.size, "the file should have collected secrets to look for").toBeGreaterThan(0);
    const text = logTexts.join("\n");
    expect(text.length, "the logs were captured").toBeGreaterThan(0);
    expect(this.foundIn(text)).toEqual([]);
  }
}
