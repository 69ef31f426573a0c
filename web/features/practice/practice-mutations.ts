import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { requireBody, requireSuccess } from "./api-result";
import { forgetPractice, rememberPractice } from "./last-practice";
import type { AssignableRole } from "./permissions";
import { type Practice, practiceKeys } from "./practice-queries";

const path = (practiceId: string) => ({ params: { path: { practiceId } } });

/** Puts the server's copy of a practice into the cached list, so every screen agrees at once. */
function storePractice(queryClient: QueryClient, practice: Practice) {
  queryClient.setQueryData<Practice[]>(practiceKeys.list, (list) => {
    if (!list) return [practice];
    const others = list.filter((p) => p.id !== practice.id);
    return [...others, practice].sort((a, b) => a.name.localeCompare(b.name));
  });
  return queryClient.invalidateQueries({ queryKey: practiceKeys.list });
}

/**
 * After leaving or deleting: go to another practice (or to onboarding) first, then forget this
 * one. The other order would show "practice not found" for a moment, and /app could even send
 * the person back to the practice that is gone.
 */
function useDepartFrom(practiceId: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    forgetPractice(practiceId);
    const remaining = queryClient
      .getQueryData<Practice[]>(practiceKeys.list)
      ?.filter((p) => p.id !== practiceId);
    const next = remaining?.[0];
    await navigate(next ? `/practices/${next.id}` : "/onboarding", { replace: true });
    queryClient.setQueryData<Practice[]>(practiceKeys.list, remaining);
    queryClient.removeQueries({ queryKey: practiceKeys.practice(practiceId) });
    await queryClient.invalidateQueries({ queryKey: practiceKeys.list });
  };
}

export function useCreatePractice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { name: string; timeZone: string }) =>
      requireBody(await api.POST("/practices", { body: input })).practice,
    onSuccess: async (practice) => {
      rememberPractice(practice.id);
      await storePractice(queryClient, practice);
    },
  });
}

export type PracticeChanges = { name?: string; timeZone?: string; requireTwoFactor?: boolean };

export function useUpdatePractice(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (changes: PracticeChanges) =>
      requireBody(await api.PATCH("/practices/{practiceId}", { ...path(practiceId), body: changes }))
        .practice,
    onSuccess: async (practice) => {
      await storePractice(queryClient, practice);
      await queryClient.invalidateQueries({ queryKey: practiceKeys.events(practiceId) });
    },
  });
}

export function useDeletePractice(practiceId: string) {
  const depart = useDepartFrom(practiceId);
  return useMutation({
    mutationFn: async (confirmName: string) =>
      requireSuccess(
        await api.DELETE("/practices/{practiceId}", { ...path(practiceId), body: { confirmName } }),
      ),
    onSuccess: depart,
  });
}

export function useLeavePractice(practiceId: string) {
  const depart = useDepartFrom(practiceId);
  return useMutation({
    mutationFn: async () => requireSuccess(await api.POST("/practices/{practiceId}/leave", path(practiceId))),
    onSuccess: depart,
  });
}

/** Member changes touch the members table, the event log and (for a transfer) the caller's role. */
function useMemberMutation<Input>(practiceId: string, send: (input: Input) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.practice(practiceId) }),
  });
}

export function useTransferOwnership(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (userId: string) =>
      requireSuccess(
        await api.POST("/practices/{practiceId}/transfer-ownership", {
          ...path(practiceId),
          body: { userId },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: practiceKeys.list }),
        queryClient.invalidateQueries({ queryKey: practiceKeys.practice(practiceId) }),
      ]),
  });
}

export function useChangeRole(practiceId: string) {
  return useMemberMutation(practiceId, async (input: { userId: string; role: AssignableRole }) =>
    requireSuccess(
      await api.PATCH("/practices/{practiceId}/members/{userId}", {
        params: { path: { practiceId, userId: input.userId } },
        body: { role: input.role },
      }),
    ),
  );
}

export function useRemoveMember(practiceId: string) {
  return useMemberMutation(practiceId, async (userId: string) =>
    requireSuccess(
      await api.DELETE("/practices/{practiceId}/members/{userId}", {
        params: { path: { practiceId, userId } },
      }),
    ),
  );
}

export function useInvite(practiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; role: AssignableRole }) =>
      requireBody(await api.POST("/practices/{practiceId}/invitations", { ...path(practiceId), body: input }))
        .invitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: practiceKeys.practice(practiceId) }),
  });
}

export function useResendInvitation(practiceId: string) {
  return useMemberMutation(practiceId, async (invitationId: string) =>
    requireSuccess(
      await api.POST("/practices/{practiceId}/invitations/{invitationId}/resend", {
        params: { path: { practiceId, invitationId } },
      }),
    ),
  );
}

export function useRevokeInvitation(practiceId: string) {
  return useMemberMutation(practiceId, async (invitationId: string) =>
    requireSuccess(
      await api.DELETE("/practices/{practiceId}/invitations/{invitationId}", {
        params: { path: { practiceId, invitationId } },
      }),
    ),
  );
}
