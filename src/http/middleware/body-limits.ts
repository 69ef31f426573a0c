import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppEnv } from "../app-env.js";
import { respondWithError } from "../errors.js";

/** The API paths that take a statement file as their raw body (routes/imports.ts). */
const STATEMENT_UPLOAD_PATH = /^\/api\/practices\/[^/]+\/accounts\/[^/]+\/imports(?:\/preview)?$/;

export function mediaTypeOf(header: string | undefined): string {
  return (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * A statement upload: POST of application/octet-stream to an import route. It is exempt from the
 * API's body limit because the import route streams it under its own (MAX_STATEMENT_BYTES, with
 * its own 413); any other content type on those paths gets the ordinary limit.
 */
export function isStatementUpload(c: Context<AppEnv>): boolean {
  return (
    c.req.method === "POST" &&
    STATEMENT_UPLOAD_PATH.test(c.req.path) &&
    mediaTypeOf(c.req.header("content-type")) === "application/octet-stream"
  );
}

/** The API's body limit (413 payload_too_large), except for statement uploads. */
export function apiBodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      respondWithError(c, 413, "payload_too_large", `The body is larger than ${maxBytes} bytes.`),
  });
  return (c, next) => (isStatementUpload(c) ? next() : limit(c, next));
}
