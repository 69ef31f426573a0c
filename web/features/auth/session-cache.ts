import type { QueryClient } from "@tanstack/react-query";

/** Queries that do not depend on who is signed in: the service's health, the SSO providers. */
const SHARED_KEYS = new Set(["system", "auth"]);

/**
 * Forgets everything cached for whoever was signed in before, when someone signs in (or
 * half-signs in). Queries that are the same for everyone stay: dropping them would make the
 * mounted footer ask for /api/health again at once, with a session that may still owe its
 * second factor.
 */
export function forgetPreviousSession(queryClient: QueryClient): void {
  queryClient.removeQueries({
    predicate: (query) => !SHARED_KEYS.has(String(query.queryKey[0])),
  });
}
