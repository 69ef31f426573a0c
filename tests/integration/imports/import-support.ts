import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Account } from "../../support/accounts.js";
import { expectJson, type LedgerFixture } from "../ledger/ledger-support.js";

export const STATEMENTS_DIR = fileURLToPath(new URL("../../fixtures/statements/", import.meta.url));

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${STATEMENTS_DIR}${name}`));
}

export function csv(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export type Totals = {
  rows: number;
  new: number;
  duplicates: number;
  probableDuplicates: number;
  includedProbableDuplicates: number;
  toImport: number;
  transfers: number;
  ruleClassified: number;
  estimatedTax: number;
  unreviewed: number;
  amountCents: number;
  closedYearRows: number;
  closedYears: number[];
};

export type PreviewRow = {
  line: number;
  date: string;
  amountCents: number;
  description: string;
  redacted: boolean;
  bankId: string | null;
  status: "new" | "duplicate" | "probable_duplicate";
  duplicateReason: string | null;
  duplicateOf: string | null;
  willImport: boolean;
  classification: string | null;
  proposedBy: string | null;
  transferWith: { transactionId: string; accountId: string; date: string; description: string } | null;
  inClosedYear: boolean;
};

export type Preview = {
  format: string;
  mapping: Record<string, unknown> | null;
  mappingSource: string | null;
  notes: string[];
  columns: string[];
  sample: { line: number; cells: string[] }[];
  problems: { line: number | null; message: string }[];
  ready: boolean;
  rows: PreviewRow[];
  rowsOmitted: number;
  totals: Totals;
  sameFileImportedAt: string[];
};

export type Batch = {
  id: string;
  accountId: string;
  fileName: string;
  fileSha256: string;
  format: string;
  rowCount: number;
  importedCount: number;
  duplicateCount: number;
  transferCount: number;
  ruleClassifiedCount: number;
  createdBy: string | null;
  createdByEmail: string | null;
  createdAt: string;
  undoneAt: string | null;
};

export type Commit = { import: Batch; totals: Totals; mappingSaved: boolean };

export type UploadOptions = {
  fileName?: string;
  mapping?: unknown;
  includeProbableDuplicates?: boolean;
  includeLines?: number[];
  accept?: string;
  contentType?: string;
};

function uploadPath(f: Pick<LedgerFixture, "base">, accountId: string, suffix: string, o: UploadOptions) {
  const query = new URLSearchParams({ fileName: o.fileName ?? "statement.csv" });
  if (o.mapping !== undefined) query.set("mapping", JSON.stringify(o.mapping));
  if (o.includeProbableDuplicates !== undefined) {
    query.set("includeProbableDuplicates", String(o.includeProbableDuplicates));
  }
  if (o.includeLines) query.set("includeLines", o.includeLines.join(","));
  return `${f.base}/accounts/${accountId}/imports${suffix}?${query}`;
}

/** Sends a statement file as a browser would: its bytes as the body, the CSRF token, the query. */
export async function sendFile(
  who: Account,
  f: Pick<LedgerFixture, "base">,
  accountId: string,
  suffix: "" | "/preview",
  bytes: Uint8Array,
  o: UploadOptions = {},
): Promise<Response> {
  const token = await who.client.csrf();
  return who.client.fetch(uploadPath(f, accountId, suffix, o), {
    method: "POST",
    headers: {
      "x-csrf-token": token,
      "content-type": o.contentType ?? "application/octet-stream",
      ...(o.accept ? { accept: o.accept } : {}),
    },
    body: bytes,
  });
}

export async function preview(
  who: Account,
  f: Pick<LedgerFixture, "base">,
  accountId: string,
  bytes: Uint8Array,
  o: UploadOptions = {},
): Promise<Preview> {
  const res = await sendFile(who, f, accountId, "/preview", bytes, o);
  return (await expectJson<{ preview: Preview }>(res, 200)).preview;
}

export async function commit(
  who: Account,
  f: Pick<LedgerFixture, "base">,
  accountId: string,
  bytes: Uint8Array,
  o: UploadOptions = {},
): Promise<Commit> {
  const res = await sendFile(who, f, accountId, "", bytes, o);
  return expectJson<Commit>(res, 201);
}

/** Adds an account to the practice (as its Owner) and returns its id. */
export async function addAccount(
  f: Pick<LedgerFixture, "base" | "owner">,
  name: string,
  kind: "checking" | "savings" | "credit_card" | "cash",
  last4?: string,
): Promise<string> {
  const res = await f.owner.client.post(`${f.base}/accounts`, { name, kind, ...(last4 ? { last4 } : {}) });
  return (await expectJson<{ account: { id: string } }>(res, 201)).account.id;
}

export type LedgerRow = {
  id: string;
  accountId: string;
  date: string;
  amountCents: number;
  description: string;
  classification: string;
  source: string;
  bankId: string | null;
  importBatchId: string | null;
  transferPairId: string | null;
  lockedFields: string[];
};

/** Every transaction of an account (through the API, all pages). */
export async function accountRows(
  who: Account,
  f: Pick<LedgerFixture, "base">,
  accountId: string,
): Promise<LedgerRow[]> {
  const rows: LedgerRow[] = [];
  let cursor: string | null = null;
  do {
    const query: URLSearchParams = new URLSearchParams({
      accountId,
      limit: "200",
      ...(cursor ? { cursor } : {}),
    });
    const page: { transactions: LedgerRow[]; nextCursor: string | null } = await expectJson(
      await who.client.get(`${f.base}/transactions?${query}`),
      200,
    );
    rows.push(...page.transactions);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

export const sum = (rows: { amountCents: number }[]) => rows.reduce((total, r) => total + r.amountCents, 0);

/** The lines of an NDJSON answer, parsed. */
export async function ndjsonLines(res: Response): Promise<Record<string, unknown>[]> {
  expect(res.headers.get("content-type")).toContain("application/x-ndjson");
  const text = await res.text();
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A CSV with a header and `rows` lines of "date,description,amount". */
export function csvOf(rows: [string, string, string][]): Uint8Array {
  return csv(`Date,Description,Amount\n${rows.map((r) => r.join(",")).join("\n")}\n`);
}
