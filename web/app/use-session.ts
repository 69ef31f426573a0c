import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { ApiRequestError, api, requireData } from "../api/client";
import type { paths } from "../api/schema";

/** The body of `GET /api/me`: who is signed in, whether they accepted the current Terms, the session. */
export type Me = paths["/me"]["get"]["responses"][200]["content"]["application/json"];
export type MeUser = Me["user"];

export const ME_QUERY_KEY = ["me"] as const;

/**
 * The signed-in person. Fails with an ApiRequestError: 401 when nobody is signed in, 403
 * `mfa_required` while the second factor is still owed. Those are answers, not faults, so the
 * query client's retry rule (no retry below 500) leaves them alone.
 */
export function useMe() {
  return useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: async (): Promise<Me> => requireData(await api.GET("/me")),
    staleTime: 60_000,
  });
}

/**
 * Ends the session on the server, then forgets everything cached for it and goes to sign-in.
 * The cache is cleared after the navigation, so the signed-in screens are gone by then and
 * none of them asks the API again with a session that has ended.
 *
 *   const signOut = useSignOut();
 *   <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>Sign out</Button>
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      const result = await api.POST("/auth/logout");
      // 204 has no body, so openapi-fetch reports `data: undefined`: the status is what counts.
      if (!result.response.ok) {
        throw new ApiRequestError(result.response.status, "unknown", "We could not sign you out. Try again.");
      }
    },
    onSuccess: async () => {
      await navigate("/sign-in", { replace: true });
      queryClient.clear();
    },
  });
}
