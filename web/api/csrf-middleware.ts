import type { Middleware } from "openapi-fetch";

/** Methods that never change state on the server, so they carry no CSRF token. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CSRF_HEADER = "X-CSRF-Token";

type CsrfOptions = {
  /** Asks the server for this browser's token (GET /api/auth/csrf). */
  fetchToken: () => Promise<string>;
  /** Sends the retried request; the browser's fetch unless a test supplies another. */
  fetch?: (request: Request) => Promise<Response>;
};

async function isCsrfFailure(response: Response): Promise<boolean> {
  if (response.status !== 403) return false;
  try {
    const body = (await response.clone().json()) as { error?: { code?: unknown } };
    return body.error?.code === "csrf_failed";
  } catch {
    return false;
  }
}

/**
 * Adds the CSRF token to every state-changing request. The token is fetched lazily, on the
 * first such request, and shared by all requests after it. A token can go stale (its cookie
 * expired or was cleared), so a 403 `csrf_failed` drops it, fetches a fresh one and retries
 * the request once; a second refusal is handed back to the caller as it is.
 */
export function createCsrfMiddleware(options: CsrfOptions): Middleware {
  const { fetchToken } = options;
  const send = options.fetch ?? ((request: Request) => fetch(request));
  let pending: Promise<string> | undefined;
  // A request body can be read only once, so keep an untouched copy for the one retry.
  const spares = new Map<string, Request>();

  function currentToken(): Promise<string> {
    if (!pending) {
      pending = fetchToken().catch((error: unknown) => {
        pending = undefined; // a failed fetch must not poison every later request
        throw error;
      });
    }
    return pending;
  }

  async function withToken(request: Request): Promise<Request> {
    request.headers.set(CSRF_HEADER, await currentToken());
    return request;
  }

  return {
    async onRequest({ request, id }) {
      if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
      spares.set(id, request.clone());
      return withToken(request);
    },
    async onResponse({ response, id }) {
      const spare = spares.get(id);
      spares.delete(id);
      if (!spare || !(await isCsrfFailure(response))) return undefined;
      pending = undefined;
      return send(await withToken(spare));
    },
    onError({ id }) {
      spares.delete(id);
      return undefined;
    },
  };
}
