import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { type ApiErrorBody, ApiRequestError } from "../../api/client";

/** One field a validation failure names: `{ path: "password", message: "Use at least 8 characters." }`. */
export type FieldProblem = { path: string; message: string };

/**
 * An ApiRequestError that keeps what `requireData` drops: the field problems of a
 * `validation_failed` answer, so a form can show each under its field, and the `Retry-After` of
 * a 429, so the page can say how long to wait. Still an ApiRequestError, so the query client's
 * retry rule treats it like any other 4xx.
 */
export class ApiProblem extends ApiRequestError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fieldProblems: FieldProblem[],
    readonly retryAfterSeconds: number | null,
  ) {
    super(status, code, message);
  }
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

function isFieldProblem(value: unknown): value is FieldProblem {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.path === "string" && typeof candidate.message === "string";
}

function readRetryAfter(response: Response): number | null {
  const value = Number(response.headers.get("Retry-After"));
  return Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

function problemOf(result: FetchResult<unknown>): ApiProblem {
  const body = result.error as Partial<ApiErrorBody> | undefined;
  const details = body?.error?.details;
  return new ApiProblem(
    result.response.status,
    body?.error?.code ?? "unknown",
    body?.error?.message ?? `The server answered ${result.response.status}.`,
    Array.isArray(details) ? details.filter(isFieldProblem) : [],
    readRetryAfter(result.response),
  );
}

/** The body of a successful answer, or an ApiProblem. */
export function requireBody<T>(result: FetchResult<T>): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw problemOf(result);
}

/** For answers without a body (204): openapi-fetch gives `data: undefined`, so the status decides. */
export function requireSuccess(result: FetchResult<unknown>): void {
  if (!result.response.ok) throw problemOf(result);
}

export function hasCode(error: unknown, ...codes: string[]): error is ApiRequestError {
  return error instanceof ApiRequestError && codes.includes(error.code);
}

/** "about 15 minutes", "30 seconds", "about 2 hours": a wait a person can plan around. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.ceil(minutes / 60);
  return `about ${hours} hour${hours === 1 ? "" : "s"}`;
}

/** A sentence a person can act on, whatever went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 429) {
      const wait = error instanceof ApiProblem ? error.retryAfterSeconds : null;
      return wait ? `${error.message} You can try again in ${describeWait(wait)}.` : error.message;
    }
    if (error.status >= 500) {
      return "Something went wrong on our side. Nothing was changed; try again in a moment.";
    }
    return error.message;
  }
  // fetch rejects with a TypeError when the network or the server cannot be reached.
  return "We could not reach TherapyLedger. Check your connection and try again.";
}

/**
 * Puts the API's field problems under the form's own fields (the first one focused) and says
 * whether every problem found a field. When one did not, the caller shows the message above
 * the form so that nothing is lost.
 */
export function showFieldProblems<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!(error instanceof ApiProblem) || error.fieldProblems.length === 0) return false;
  let placedAll = true;
  let first = true;
  for (const problem of error.fieldProblems) {
    const field = fields.find((name) => name === problem.path);
    if (!field) {
      placedAll = false;
      continue;
    }
    setError(field, { type: "server", message: problem.message }, { shouldFocus: first });
    first = false;
  }
  return placedAll;
}

/**
 * The part of a failed request a form shows above its fields: set by `report` when an error
 * could not be placed under a field, cleared when the form is sent again.
 */
export function useFormProblem<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
) {
  const [problem, setProblem] = useState<unknown>(null);
  return {
    problem,
    message: problem === null ? null : describeError(problem),
    clear: () => setProblem(null),
    report: (error: unknown) => setProblem(showFieldProblems(error, setError, fields) ? null : error),
  };
}
