import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { requireBody } from "../auth/api-result";

export const ACCOUNT_KEYS = {
  sessions: ["me", "sessions"] as const,
  securityEvents: ["me", "security-events"] as const,
  identities: ["me", "identities"] as const,
};

export function useSessions() {
  return useQuery({
    queryKey: ACCOUNT_KEYS.sessions,
    queryFn: async () => requireBody(await api.GET("/me/sessions")).sessions,
  });
}

export function useSecurityEvents() {
  return useQuery({
    queryKey: ACCOUNT_KEYS.securityEvents,
    queryFn: async () => requireBody(await api.GET("/me/security-events")).events,
    staleTime: 0,
  });
}

export function useIdentities() {
  return useQuery({
    queryKey: ACCOUNT_KEYS.identities,
    queryFn: async () => requireBody(await api.GET("/me/identities")).identities,
  });
}
