import { QueryClient } from "@tanstack/react-query";
import { ApiRequestError } from "../api/client";

/** Retrying a 4xx gives the same answer again; only network faults and 5xx earn a retry. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
