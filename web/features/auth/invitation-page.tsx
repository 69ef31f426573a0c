import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect } from "react";
import { Link, useNavigate } from "react-router";
import { api } from "../../api/client";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { SpinnerIcon } from "../../ui/app-icons";
import { Badge } from "../../ui/badge";
import { Button, buttonClasses } from "../../ui/button";
import { cx } from "../../ui/cx";
import { SubmitButton } from "../../ui/form-field";
import { TextLink } from "../../ui/link";
import { describeError, hasCode, requireBody } from "./api-result";
import { AuthPage } from "./auth-layout";
import {
  findInvitationToken,
  forgetInvitationToken,
  INVITATION_PAGE,
  keepInvitationToken,
} from "./invitation-token";
import { withNext } from "./next-path";
import { useHashToken } from "./use-hash-token";

const ROLES: Record<string, { name: string; can: string }> = {
  admin: {
    name: "Admin",
    can: "Manage members, invitations, bank connections, accounts, payers, categories and settings.",
  },
  user: {
    name: "User",
    can: "Enter, import and categorize income and expenses, write rules and read reports.",
  },
};

const KEPT_ON_JOIN = new Set(["invitation-preview", "me", "system", "auth"]);

function sameAddress(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

type Preview = { practiceName: string; email: string; role: string };

function InvitationSummary({ preview }: { preview: Preview }) {
  const role = ROLES[preview.role] ?? { name: preview.role, can: "" };
  return (
    <dl className="grid gap-4 rounded-xl border border-slate-200 bg-slate-50 p-5 text-sm">
      <div>
        <dt className="text-slate-600">Practice</dt>
        <dd className="mt-0.5 text-lg font-semibold text-slate-900">{preview.practiceName}</dd>
      </div>
      <div>
        <dt className="text-slate-600">Sent to</dt>
        <dd className="mt-0.5 font-medium break-all text-slate-900">{preview.email}</dd>
      </div>
      <div>
        <dt className="text-slate-600">Your role</dt>
        <dd className="mt-1 flex flex-col items-start gap-1.5">
          <Badge tone="positive">{role.name}</Badge>
          {role.can ? <span className="text-slate-600">{role.can}</span> : null}
        </dd>
      </div>
    </dl>
  );
}

function InvitationProblem({ children }: { children: ReactNode }) {
  return (
    <AuthPage title="This invitation cannot be used" footer={<TextLink to="/">Go to the home page</TextLink>}>
      <Alert tone="warning" live="none">
        {children}
      </Alert>
    </AuthPage>
  );
}

/** What a person can do with the invitation, depending on who (if anyone) is signed in. */
function InvitationActions({ token, preview }: { token: string; preview: Preview }) {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: async () => requireBody(await api.POST("/invitations/accept", { body: { token } })),
    onSuccess: async ({ practiceId }) => {
      forgetInvitationToken();
      // The person's practices changed: drop what was cached about them, so the practice page
      // loads afresh. Not the preview, which is still on screen and whose token is now used
      // (asking again would be refused), nor the session and the shared queries.
      queryClient.removeQueries({
        predicate: (query) => !KEPT_ON_JOIN.has(String(query.queryKey[0])),
      });
      await navigate(`/practices/${practiceId}`);
    },
  });
  const switchAccount = useMutation({
    mutationFn: async () => {
      await api.POST("/auth/logout");
    },
    onSuccess: async () => {
      await navigate(withNext("/sign-in", INVITATION_PAGE));
      queryClient.clear();
    },
  });

  if (me.isPending) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-slate-600">
        <SpinnerIcon /> Checking who is signed in…
      </p>
    );
  }

  if (hasCode(me.error, "mfa_required")) {
    return (
      <Link
        to={withNext("/sign-in/two-factor", INVITATION_PAGE)}
        className={cx(buttonClasses("primary", "lg"), "w-full")}
      >
        Finish signing in
      </Link>
    );
  }

  if (!me.data) {
    return (
      <div className="flex flex-col gap-3">
        <p className="text-sm text-slate-600">
          Sign in as <span className="font-medium text-slate-900">{preview.email}</span> to join, or create an
          account with that address. You will come back here afterwards.
        </p>
        <div className="grid gap-3 sm:grid-cols-2">
          <Link to={withNext("/sign-in", INVITATION_PAGE)} className={buttonClasses("primary", "lg")}>
            Sign in
          </Link>
          <Link to={withNext("/sign-up", INVITATION_PAGE)} className={buttonClasses("secondary", "lg")}>
            Create account
          </Link>
        </div>
      </div>
    );
  }

  if (!sameAddress(me.data.user.email, preview.email)) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="warning" live="none">
          You are signed in as <strong className="font-semibold break-all">{me.data.user.email}</strong>, but
          this invitation was sent to <strong className="font-semibold break-all">{preview.email}</strong>.
          Sign in with that address to accept it.
        </Alert>
        <Button
          variant="secondary"
          size="lg"
          onClick={() => switchAccount.mutate()}
          disabled={switchAccount.isPending}
        >
          Sign out and switch account
        </Button>
      </div>
    );
  }

  if (me.data.session.state === "enrol_mfa") {
    return (
      <Alert tone="info" live="none">
        One of your practices requires two-factor authentication.{" "}
        <TextLink to="/account/two-factor">Turn it on</TextLink>, then come back to this link.
      </Alert>
    );
  }

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        accept.mutate();
      }}
    >
      {accept.isError ? <Alert tone="error">{describeError(accept.error)}</Alert> : null}
      <SubmitButton size="lg" className="w-full" pending={accept.isPending} pendingLabel="Joining…">
        Join {preview.practiceName}
      </SubmitButton>
    </form>
  );
}

export function InvitationPage() {
  const fromLink = useHashToken();
  const token = fromLink ?? findInvitationToken();
  useEffect(() => {
    if (fromLink) keepInvitationToken(fromLink);
  }, [fromLink]);

  const preview = useQuery({
    queryKey: ["invitation-preview", token],
    queryFn: async () =>
      requireBody(await api.POST("/invitations/preview", { body: { token: token ?? "" } })),
    enabled: token !== null,
    staleTime: 60_000,
  });

  useEffect(() => {
    if (hasCode(preview.error, "invalid_token")) forgetInvitationToken();
  }, [preview.error]);

  if (!token) {
    return (
      <InvitationProblem>
        The link is incomplete. Open it straight from the invitation email, or ask the practice for a new one.
      </InvitationProblem>
    );
  }
  if (preview.isError) {
    return <InvitationProblem>{describeError(preview.error)}</InvitationProblem>;
  }
  if (!preview.data) {
    return (
      <AuthPage title="Invitation">
        <p role="status" className="flex items-center gap-2 text-slate-600">
          <SpinnerIcon className="size-5 text-teal-700" /> Opening your invitation…
        </p>
      </AuthPage>
    );
  }
  return (
    <AuthPage
      title={`Join ${preview.data.practiceName}`}
      description="You have been invited to keep this practice’s books with its team on TherapyLedger."
    >
      <div className="flex flex-col gap-6">
        <InvitationSummary preview={preview.data} />
        <InvitationActions token={token} preview={preview.data} />
      </div>
    </AuthPage>
  );
}
