import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { components, paths } from "../../api/schema";
import { requireBody } from "./api-result";

export type Practice = components["schemas"]["Practice"];

type JsonOf<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { "application/json": infer Body } } } };
}
  ? Body
  : never;

export type Member = JsonOf<"/practices/{practiceId}/members">["members"][number];
export type Invitation = JsonOf<"/practices/{practiceId}/invitations">["invitations"][number];
export type PracticeEvent = JsonOf<"/practices/{practiceId}/events">["events"][number];

/**
 * Query keys. Everything about one practice sits under ["practices", id], so leaving or
 * deleting it drops all of it at once; the list has a key of its own so refreshing it does not
 * refetch every table.
 */
export const practiceKeys = {
  list: ["practices", "list"] as const,
  practice: (practiceId: string) => ["practices", practiceId] as const,
  members: (practiceId: string) => ["practices", practiceId, "members"] as const,
  invitations: (practiceId: string) => ["practices", practiceId, "invitations"] as const,
  events: (practiceId: string) => ["practices", practiceId, "events"] as const,
};

/**
 * The practices the person belongs to, with their role in each. The switcher, /app and every
 * practice page read the practice from this one list rather than asking for it again.
 */
export function usePractices() {
  return useQuery({
    queryKey: practiceKeys.list,
    queryFn: async () => requireBody(await api.GET("/practices")).practices,
  });
}

const path = (practiceId: string) => ({ params: { path: { practiceId } } });

/** `enabled` is false for a role the server would refuse, so the browser never asks in vain. */
export function useMembers(practiceId: string, enabled = true) {
  return useQuery({
    queryKey: practiceKeys.members(practiceId),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/members", path(practiceId))).members,
    enabled,
  });
}

export function useInvitations(practiceId: string, enabled = true) {
  return useQuery({
    queryKey: practiceKeys.invitations(practiceId),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/invitations", path(practiceId))).invitations,
    enabled,
  });
}

export function usePracticeEvents(practiceId: string, enabled = true) {
  return useQuery({
    queryKey: practiceKeys.events(practiceId),
    queryFn: async () =>
      requireBody(await api.GET("/practices/{practiceId}/events", path(practiceId))).events,
    enabled,
  });
}
