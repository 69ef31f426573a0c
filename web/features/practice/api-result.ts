import { type ApiErrorBody, ApiRequestError } from "../../api/client";

/** One field a validation failure names: `{ path: "name", message: "Give the practice a name." }`. */
export type FieldProblem = { path: string; message: string };

/**
 * An ApiRequestError that keeps the field problems of a `validation_failed` answer, which
 * `requireData` drops, so a form can show each message under its own field. It is still an
 * ApiRequestError, so the query client's retry rule treats it like any other 4xx.
 */
export class PracticeApiError extends ApiRequestError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly fieldProblems: FieldProblem[],
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

function errorOf(result: FetchResult<unknown>): PracticeApiError {
  const body = result.error as Partial<ApiErrorBody> | undefined;
  const details = body?.error?.details;
  return new PracticeApiError(
    result.response.status,
    body?.error?.code ?? "unknown",
    body?.error?.message ?? `The server answered ${result.response.status}.`,
    Array.isArray(details) ? details.filter(isFieldProblem) : [],
  );
}

/** The body of a successful answer, or a PracticeApiError. */
export function requireBody<T>(result: FetchResult<T>): T {
  if (result.response.ok && result.data !== undefined) return result.data;
  throw errorOf(result);
}

/**
 * For answers with no body (204). openapi-fetch gives `data: undefined` for those, so
 * `requireData` would call a success a failure; the status is what counts.
 */
export function requireSuccess(result: FetchResult<unknown>): void {
  if (!result.response.ok) throw errorOf(result);
}

/** A sentence a person can act on, whatever went wrong. */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) {
    if (error.status === 429) return `${error.message} Wait a little, then try again.`;
    if (error.status >= 500) {
      return "Something went wrong on our side. Your data is safe; try again in a moment.";
    }
    return error.message;
  }
  // fetch rejects with a TypeError when the network or the server cannot be reached.
  return "We could not reach TherapyLedger. Check your connection and try again.";
}

/** Whether the API refused because the person's role does not allow it. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 403;
}
