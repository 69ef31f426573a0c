import { api } from "../../api/client";
import { CSRF_HEADER } from "../../api/csrf-middleware";
import { type FieldProblem, PracticeApiError, requireBody } from "../practice/api-result";
import type { CsvMapping, DuplicateChoices, ImportProgress } from "./import-types";
import { readJsonLines } from "./json-lines";

/**
 * Sends a statement file to the preview or import route and follows the answer as a stream of
 * JSON lines (Accept: application/x-ndjson): progress lines at least every 400 ms, then the
 * result or the error. The typed client cannot stream a file up or lines down, so this is the
 * one hand-written fetch of the app; it sends the CSRF header the client's middleware would,
 * and retries once with a fresh token when the server says the token went stale.
 */

/** An error answer with everything the server said, `details` included (the problems of a file). */
export class StatementApiError extends PracticeApiError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(status, code, message, Array.isArray(details) ? details.filter(isFieldProblem) : []);
  }
}

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.path === "string" && typeof v.message === "string";
}

type ErrorShape = { error?: { code?: string; message?: string; details?: unknown } };

function errorFrom(status: number, body: ErrorShape | undefined): StatementApiError {
  return new StatementApiError(
    status,
    body?.error?.code ?? "unknown",
    body?.error?.message ?? `The server answered ${status}.`,
    body?.error?.details,
  );
}

let token: Promise<string> | undefined;

function csrfToken(): Promise<string> {
  token ??= api.GET("/auth/csrf").then((result) => requireBody(result).token);
  token.catch(() => {
    token = undefined;
  });
  return token;
}

export type StatementRequest = {
  practiceId: string;
  accountId: string;
  file: File;
  mapping: CsvMapping | null;
  duplicates?: DuplicateChoices;
  onProgress: (progress: ImportProgress) => void;
  signal?: AbortSignal;
};

function queryOf(request: StatementRequest): string {
  const query = new URLSearchParams({ fileName: request.file.name || "statement" });
  if (request.mapping) query.set("mapping", JSON.stringify(request.mapping));
  if (request.duplicates?.includeAll) query.set("includeProbableDuplicates", "true");
  else if (request.duplicates && request.duplicates.lines.size > 0) {
    query.set("includeLines", [...request.duplicates.lines].sort((a, b) => a - b).join(","));
  }
  return query.toString();
}

async function post(url: string, request: StatementRequest): Promise<Response> {
  const send = async () =>
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/octet-stream",
        Accept: "application/x-ndjson",
        [CSRF_HEADER]: await csrfToken(),
      },
      body: request.file,
      signal: request.signal ?? null,
    });
  const first = await send();
  if (first.status !== 403) return first;
  const body = (await first
    .clone()
    .json()
    .catch(() => undefined)) as ErrorShape | undefined;
  if (body?.error?.code !== "csrf_failed") return first;
  token = undefined;
  return send();
}

type Line =
  | ({ type: "progress" } & ImportProgress)
  | ({ type: "result"; status: number } & Record<string, unknown>)
  | ({ type: "error"; status: number } & ErrorShape);

async function answerOf<T>(response: Response, onProgress: (p: ImportProgress) => void): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as ErrorShape | undefined;
    throw errorFrom(response.status, body);
  }
  if (!response.headers.get("content-type")?.includes("application/x-ndjson")) {
    return (await response.json()) as T;
  }
  if (!response.body) throw errorFrom(500, undefined);
  for await (const value of readJsonLines(response.body)) {
    const line = value as Line;
    if (line.type === "progress")
      onProgress({ phase: line.phase, rows: line.rows, totalRows: line.totalRows });
    if (line.type === "error") throw errorFrom(line.status, line);
    if (line.type === "result") {
      const { type: _type, status: _status, ...body } = line;
      return body as T;
    }
  }
  // The stream ended without its last line: the connection broke.
  throw new TypeError("The answer was cut off.");
}

const base = (r: StatementRequest) => `/api/practices/${r.practiceId}/accounts/${r.accountId}/imports`;

/** What the import would do (nothing is written). */
export async function previewStatement<T>(request: StatementRequest): Promise<T> {
  const response = await post(`${base(request)}/preview?${queryOf(request)}`, request);
  return answerOf<T>(response, request.onProgress);
}

/** Imports the file, all or nothing. */
export async function importStatement<T>(request: StatementRequest): Promise<T> {
  const response = await post(`${base(request)}?${queryOf(request)}`, request);
  return answerOf<T>(response, request.onProgress);
}
