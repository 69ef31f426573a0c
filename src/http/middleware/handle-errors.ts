import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../app-env.js";
import { ApiError, type ErrorCode, errorBody, respondWithError } from "../errors.js";

function codeForHttpException(status: number, message: string): ErrorCode {
  if (status === 413) return "payload_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 400 && /json/i.test(message)) return "malformed_json";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  return "bad_request";
}

/**
 * Turns anything thrown below into the one JSON error shape. A bug (anything that is not an
 * ApiError or HTTPException) answers 500 with a generic message; its details go to the log only.
 */
export const handleErrors: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ApiError) {
    const response = c.json(errorBody(error.code, error.message, error.details), error.status);
    for (const [k, v] of Object.entries(error.headers ?? {})) response.headers.set(k, v);
    return response;
  }
  if (error instanceof HTTPException && error.status < 500) {
    const status = error.status as ContentfulStatusCode;
    const code = codeForHttpException(status, error.message);
    const message =
      code === "malformed_json"
        ? "The request body is not valid JSON."
        : code === "unsupported_media_type"
          ? "Send the body as application/json."
          : error.message || "Bad request.";
    return respondWithError(c, status, code, message);
  }
  const log = c.get("log");
  log?.error({ err: error }, "unhandled error");
  return respondWithError(
    c,
    500,
    "internal_error",
    "Something went wrong on our side. Please try again; if it keeps happening, contact support with the request id.",
    { requestId: c.get("requestId") },
  );
};

export const handleApiNotFound: NotFoundHandler<AppEnv> = (c: Context<AppEnv>) =>
  respondWithError(c, 404, "not_found", `No API route ${c.req.method} ${c.req.path}.`);
