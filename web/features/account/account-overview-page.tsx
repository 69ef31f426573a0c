import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { api } from "../../api/client";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { ChevronRightIcon } from "../../ui/app-icons";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { CheckIcon, MailIcon } from "../../ui/icons";
import { describeError, requireBody } from "../auth/api-result";
import { ACCOUNT_SECTIONS, AccountPage, SectionCard } from "./account-layout";
import { LoadingCard } from "./loading-card";

const SUMMARIES: Record<string, string> = {
  "/account/two-factor": "A code from your phone as well as your password.",
  "/account/password": "Change the password you sign in with.",
  "/account/sign-in-methods": "Your password, and Google or Microsoft.",
  "/account/sessions": "Where your account is signed in now; sign out any of them.",
  "/account/security-events": "Sign-ins and changes to your security settings.",
  "/account/delete": "Close your account and delete its data.",
};

function VerifyEmailAction() {
  const resend = useMutation({
    mutationFn: async () => requireBody(await api.POST("/me/email/verification")),
  });
  if (resend.isSuccess)
    return (
      <p role="status" className="text-sm text-teal-800">
        Sent. Check your inbox for the link.
      </p>
    );
  return (
    <div className="flex flex-col items-start gap-2">
      <Button variant="secondary" size="sm" onClick={() => resend.mutate()} disabled={resend.isPending}>
        {resend.isPending ? "Sending…" : "Send the confirmation link again"}
      </Button>
      {resend.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {describeError(resend.error)}
        </p>
      ) : null}
    </div>
  );
}

function SectionLink({ to, label, status }: { to: string; label: string; status?: ReactNode }) {
  return (
    <li>
      <Link
        to={to}
        className="group flex items-center justify-between gap-4 rounded-xl px-5 py-4 hover:bg-slate-50"
      >
        <span className="flex min-w-0 flex-col">
          <span className="font-medium text-slate-900 group-hover:text-teal-800">{label}</span>
          <span className="text-sm text-slate-600">{SUMMARIES[to]}</span>
        </span>
        <span className="flex shrink-0 items-center gap-3">
          {status}
          <ChevronRightIcon className="size-4 text-slate-400" />
        </span>
      </Link>
    </li>
  );
}

export function AccountOverviewPage() {
  const me = useMe();
  if (!me.data) {
    return (
      <AccountPage title="Your account">
        <LoadingCard />
      </AccountPage>
    );
  }
  const { user } = me.data;
  const statuses: Record<string, ReactNode> = {
    "/account/two-factor": user.twoFactorEnabled ? (
      <Badge tone="positive">
        <CheckIcon className="size-3.5" />
        On
      </Badge>
    ) : (
      <Badge tone="pending">Off</Badge>
    ),
    "/account/password": user.hasPassword ? <Badge tone="positive">Set</Badge> : <Badge>Not set</Badge>,
  };
  return (
    <AccountPage title="Your account" description="Your sign-in details and the security of your account.">
      <SectionCard
        title="Email address"
        aside={
          user.emailVerified ? (
            <Badge tone="positive">
              <CheckIcon className="size-3.5" />
              Confirmed
            </Badge>
          ) : (
            <Badge tone="pending">Not confirmed</Badge>
          )
        }
      >
        <p className="flex items-center gap-2 font-medium break-all text-slate-900">
          <MailIcon className="size-5 shrink-0 text-slate-500" />
          {user.email}
        </p>
        {user.emailVerified ? null : (
          <div className="mt-4 flex flex-col gap-3">
            <Alert tone="info" live="none">
              We sent you a link to confirm this address. Confirming it makes sure that security alerts and
              password resets reach you.
            </Alert>
            <VerifyEmailAction />
          </div>
        )}
      </SectionCard>
      {user.twoFactorEnabled ? null : (
        <Alert tone="warning" title="Turn on two-factor authentication" live="none">
          Your books hold your practice’s finances. A code from your phone keeps them safe even if your
          password leaks.{" "}
          <Link to="/account/two-factor" className="font-semibold underline underline-offset-4">
            Set it up now
          </Link>
        </Alert>
      )}
      <section
        aria-labelledby="security-settings"
        className="rounded-2xl border border-slate-200 bg-white p-2 shadow-sm shadow-slate-900/5"
      >
        <h2
          id="security-settings"
          className="px-5 pt-4 pb-2 text-lg font-semibold tracking-tight text-slate-900"
        >
          Security settings
        </h2>
        <ul className="flex flex-col">
          {ACCOUNT_SECTIONS.filter((section) => section.to !== "/account").map((section) => (
            <SectionLink
              key={section.to}
              to={section.to}
              label={section.label}
              status={statuses[section.to]}
            />
          ))}
        </ul>
      </section>
    </AccountPage>
  );
}
