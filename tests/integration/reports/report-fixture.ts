/** A ledger fixture for the report tests: more payers, and a category on every Schedule C line. */
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { categories, payers } from "../../../src/db/schema/ledger.js";
import { SCHEDULE_C_LINE_CODES } from "../../../src/domain/ledger/schedule-c.js";
import type { TestApp } from "../../support/test-app.js";
import { createLedgerFixture, expectJson, type LedgerFixture } from "../ledger/ledger-support.js";
import type { Targets } from "./ledger-generator.js";

export type ReportFixture = LedgerFixture & { targets: Targets };

/** Names a spreadsheet would run as formulas, were they not neutralised. */
export const HOSTILE_PAYER = '=HYPERLINK("http://evil.example","Click")';
export const HOSTILE_PAYER_2 = "-2+3";
export const HOSTILE_CATEGORY = "@SUM(A1:A9)";

export async function createReportFixture(t: TestApp): Promise<ReportFixture> {
  const f = await createLedgerFixture(t);
  const db = t.database.db;
  await db.insert(payers).values([
    { practiceId: f.practiceId, name: "Blue Cross", kind: "insurance" },
    { practiceId: f.practiceId, name: "Employee Assistance Co", kind: "eap" },
    { practiceId: f.practiceId, name: HOSTILE_PAYER, kind: "other" },
    { practiceId: f.practiceId, name: HOSTILE_PAYER_2, kind: "other" },
  ]);
  const have = await db.select().from(categories).where(eq(categories.practiceId, f.practiceId));
  const missing = SCHEDULE_C_LINE_CODES.filter((line) => !have.some((c) => c.scheduleCLine === line));
  await db.insert(categories).values([
    ...missing.map((line) => ({
      practiceId: f.practiceId,
      name: `Line ${line} costs`,
      scheduleCLine: line,
    })),
    { practiceId: f.practiceId, name: "Conference meals", scheduleCLine: "24b" as const },
    { practiceId: f.practiceId, name: HOSTILE_CATEGORY, scheduleCLine: "27a" as const },
  ]);
  const payerRows = await db.select().from(payers).where(eq(payers.practiceId, f.practiceId));
  const categoryRows = await db.select().from(categories).where(eq(categories.practiceId, f.practiceId));
  expect(new Set(categoryRows.map((c) => c.scheduleCLine)).size).toBe(SCHEDULE_C_LINE_CODES.length);
  return {
    ...f,
    targets: {
      accountId: f.accountId,
      payers: payerRows.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      categories: categoryRows.map((c) => ({ id: c.id, name: c.name, line: c.scheduleCLine })),
    },
  };
}

export type Query = { from: string; to: string; format?: string };

export function reportUrl(base: string, report: string, q: Query): string {
  const params = new URLSearchParams({ from: q.from, to: q.to, ...(q.format ? { format: q.format } : {}) });
  return `${base}/reports/${report}?${params}`;
}

/** Fetches a report's JSON as the practice's User (reports.read is everyone's). */
export async function fetchReport<T>(f: LedgerFixture, report: string, key: string, q: Query): Promise<T> {
  const body = await expectJson<Record<string, T>>(
    await f.user.client.get(reportUrl(f.base, report, q)),
    200,
  );
  return body[key] as T;
}
