import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error code the API answers with, in one map: the client can rely on these strings. */
export const ERROR_CODES = {
  bad_request: "bad_request",
  validation_failed: "validation_failed",
  malformed_json: "malformed_json",
  unsupported_media_type: "unsupported_media_type",
  payload_too_large: "payload_too_large",
  unauthenticated: "unauthenticated",
  invalid_credentials: "invalid_credentials",
  invalid_code: "invalid_code",
  invalid_token: "invalid_token",
  mfa_attempts_exhausted: "mfa_attempts_exhausted",
  reauthentication_required: "reauthentication_required",
  email_taken: "email_taken",
  mfa_required: "mfa_required",
  mfa_enrolment_required: "mfa_enrolment_required",
  forbidden: "forbidden",
  csrf_failed: "csrf_failed",
  https_required: "https_required",
  not_found: "not_found",
  method_not_allowed: "method_not_allowed",
  conflict: "conflict",
  period_closed: "period_closed",
  in_use: "in_use",
  splits_unbalanced: "splits_unbalanced",
  statement_invalid: "statement_invalid",
  last_sign_in_method: "last_sign_in_method",
  sso_expired: "sso_expired",
  identity_taken: "identity_taken",
  rate_limited: "rate_limited",
  not_ready: "not_ready",
  internal_error: "internal_error",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type ErrorBody = {
  error: { code: ErrorCode; message: string; details?: unknown };
};

/** Thrown anywhere below a route; the error handler turns it into the JSON error shape. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

export function respondWithError(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  details?: unknown,
): Response {
  return c.json(errorBody(code, message, details), status);
}
