import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import { useSignOut } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { DeviceIcon } from "../../ui/app-icons";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { describeError, requireSuccess } from "../auth/api-result";
import { AccountPage, SectionCard } from "./account-layout";
import { ACCOUNT_KEYS, useSessions } from "./account-queries";
import { formatLocalDateTime, formatRelative } from "./format-time";
import { LoadingCard } from "./loading-card";
import { describeUserAgent } from "./user-agent";

const METHODS: Record<string, string> = {
  password: "Password",
  google: "Google",
  microsoft: "Microsoft",
};

type Session = NonNullable<ReturnType<typeof useSessions>["data"]>[number];

function SessionRow({ session }: { session: Session }) {
  const queryClient = useQueryClient();
  const signOutHere = useSignOut();
  const end = useMutation({
    mutationFn: async () =>
      requireSuccess(await api.DELETE("/me/sessions/{id}", { params: { path: { id: session.id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNT_KEYS.sessions }),
  });
  const device = describeUserAgent(session.userAgent);
  return (
    <li className="flex flex-col gap-3 p-5 sm:flex-row sm:items-center sm:justify-between sm:gap-6">
      <div className="flex min-w-0 items-start gap-4">
        <span className="mt-0.5 flex size-10 shrink-0 items-center justify-center rounded-full bg-slate-100 text-slate-600">
          <DeviceIcon className="size-5" />
        </span>
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {device}
            {session.current ? <Badge tone="positive">This device</Badge> : null}
          </p>
          <dl className="mt-1 grid gap-x-4 gap-y-0.5 text-sm text-slate-600 sm:grid-cols-[auto_1fr]">
            <dt className="sr-only sm:not-sr-only sm:text-slate-500">Last active</dt>
            <dd>
              <time dateTime={session.lastSeenAt} title={formatLocalDateTime(session.lastSeenAt)}>
                {session.current ? "Now" : formatRelative(session.lastSeenAt)}
              </time>
            </dd>
            <dt className="sr-only sm:not-sr-only sm:text-slate-500">Signed in</dt>
            <dd>
              <time dateTime={session.createdAt}>{formatLocalDateTime(session.createdAt)}</time> with{" "}
              {METHODS[session.method] ?? session.method}
            </dd>
            <dt className="sr-only sm:not-sr-only sm:text-slate-500">IP address</dt>
            <dd className="tabular-nums">{session.ip ?? "Unknown"}</dd>
          </dl>
          {end.isError ? (
            <p role="alert" className="mt-2 text-sm font-medium text-red-700">
              {describeError(end.error)}
            </p>
          ) : null}
        </div>
      </div>
      <Button
        variant="secondary"
        size="sm"
        className="shrink-0 self-start sm:self-center"
        disabled={end.isPending || signOutHere.isPending}
        aria-label={
          session.current
            ? "Sign out on this device"
            : `Sign out ${device}, last active ${formatRelative(session.lastSeenAt)}`
        }
        onClick={() => (session.current ? signOutHere.mutate() : end.mutate())}
      >
        {end.isPending || signOutHere.isPending ? "Signing out…" : "Sign out"}
      </Button>
    </li>
  );
}

export function SessionsPage() {
  const sessions = useSessions();
  return (
    <AccountPage
      title="Signed-in devices"
      description="Every browser where your account is signed in now. Do not recognise one? Sign it out, then change your password."
    >
      {sessions.isPending ? (
        <LoadingCard label="Loading your devices…" />
      ) : sessions.isError ? (
        <Alert tone="error">{describeError(sessions.error)}</Alert>
      ) : (
        <SectionCard
          title={`${sessions.data.length} active ${sessions.data.length === 1 ? "session" : "sessions"}`}
        >
          <ul className="-mx-6 -mb-6 divide-y divide-slate-200 border-t border-slate-200">
            {[...sessions.data]
              .sort(
                (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
              )
              .map((session) => (
                <SessionRow key={session.id} session={session} />
              ))}
          </ul>
        </SectionCard>
      )}
    </AccountPage>
  );
}
