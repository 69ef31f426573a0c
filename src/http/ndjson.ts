import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { type ImportProgress, ignoreProgress, type ProgressSink } from "../services/imports/progress.js";
import type { AppEnv } from "./app-env.js";
import { ApiError, errorBody } from "./errors.js";

export const NDJSON = "application/x-ndjson";

/** How often the current progress is sent, whether or not it moved: well under once a second. */
const PROGRESS_INTERVAL_MS = 250;

export type Outcome<T> = { status: ContentfulStatusCode; body: T };

/** Whether the client asked for a stream of progress lines (Accept: application/x-ndjson). */
export function wantsProgressStream(c: Context<AppEnv>): boolean {
  return (c.req.header("accept") ?? "").toLowerCase().includes(NDJSON);
}

function errorLine(c: Context<AppEnv>, error: unknown) {
  if (error instanceof ApiError) {
    return { type: "error", status: error.status, ...errorBody(error.code, error.message, error.details) };
  }
  if (error instanceof HTTPException && error.status < 500) {
    return {
      type: "error",
      status: error.status,
      ...errorBody("bad_request", error.message || "Bad request."),
    };
  }
  c.get("log")?.error({ err: error }, "unhandled error in a streamed answer");
  return {
    type: "error",
    status: 500,
    ...errorBody(
      "internal_error",
      "Something went wrong on our side. Please try again; if it keeps happening, contact support with the request id.",
      { requestId: c.get("requestId") },
    ),
  };
}

/**
 * Runs a long job (an import) and answers in one of two ways (decision 0013):
 * - `Accept: application/x-ndjson`: 200 at once, then one JSON object per line — progress lines
 *   `{"type":"progress","phase":…,"rows":N,"totalRows":N|null}` at least every 250 ms and on each
 *   change of phase, then exactly one `{"type":"result","status":201,…body}` or
 *   `{"type":"error","status":422,"error":{code,message,details}}` (the same error shape as any
 *   other answer, with the status it would have had).
 * - otherwise: the body as JSON with its status, and errors as the usual JSON error answers.
 * The job runs to its end even if the client goes away; it is one database transaction.
 */
export async function answerWithProgress<T extends object>(
  c: Context<AppEnv>,
  job: (progress: ProgressSink) => Promise<Outcome<T>>,
): Promise<Response> {
  if (!wantsProgressStream(c)) {
    const { status, body } = await job(ignoreProgress);
    return c.json(body, status);
  }
  const encoder = new TextEncoder();
  let open = true;
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (line: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      let latest: ImportProgress = { phase: "parse", rows: 0, totalRows: null };
      let unsent = false;
      const send = () => {
        unsent = false;
        write({ type: "progress", ...latest });
      };
      const sink: ProgressSink = (progress) => {
        const changed = progress.phase !== latest.phase;
        latest = progress;
        unsent = true;
        if (changed) send();
      };
      send();
      timer = setInterval(send, PROGRESS_INTERVAL_MS);
      job(sink)
        .then(
          ({ status, body }) => {
            if (unsent) send();
            write({ type: "result", status, ...body });
          },
          (error: unknown) => write(errorLine(c, error)),
        )
        .finally(() => {
          clearInterval(timer);
          if (open) controller.close();
          open = false;
        });
    },
    cancel() {
      open = false;
      clearInterval(timer);
    },
  });
  return c.body(stream, 200, { "Content-Type": `${NDJSON}; charset=utf-8` });
}
