import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { api } from "../../api/client";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { SpinnerIcon } from "../../ui/app-icons";
import { buttonClasses } from "../../ui/button";
import { SubmitButton } from "../../ui/form-field";
import { TextLink } from "../../ui/link";
import { describeError, hasCode, requireBody, requireSuccess } from "./api-result";
import { AuthPage } from "./auth-layout";
import { useHashToken } from "./use-hash-token";

/** "Send a new link", for a person who is signed in; a signed-out one is asked to sign in first. */
function SendNewLink() {
  const me = useMe();
  const resend = useMutation({
    mutationFn: async () => requireBody(await api.POST("/me/email/verification")),
  });
  if (me.isPending) return null;
  if (!me.data) {
    return (
      <p className="mt-5 text-sm leading-relaxed text-slate-600">
        <TextLink to="/sign-in?next=%2Faccount">Sign in</TextLink> and we can send you a new link from your
        account settings.
      </p>
    );
  }
  if (me.data.user.emailVerified) {
    return (
      <Alert tone="success" className="mt-5">
        Good news: your address {me.data.user.email} is already confirmed.
      </Alert>
    );
  }
  if (resend.isSuccess) {
    return (
      <Alert tone="success" className="mt-5">
        We sent a new link to {me.data.user.email}. It works for 7 days.
      </Alert>
    );
  }
  return (
    <div className="mt-5 flex flex-col gap-3">
      {resend.isError ? <Alert tone="error">{describeError(resend.error)}</Alert> : null}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          resend.mutate();
        }}
      >
        <SubmitButton pending={resend.isPending} pendingLabel="Sending…">
          Send a new link
        </SubmitButton>
      </form>
    </div>
  );
}

export function VerifyEmailPage() {
  const token = useHashToken();
  const verify = useMutation({
    mutationFn: async (value: string) =>
      requireSuccess(await api.POST("/auth/verify-email", { body: { token: value } })),
  });
  // A token works once: send it once, even when React runs effects twice in development.
  const sent = useRef(false);
  const { mutate } = verify;
  useEffect(() => {
    if (token && !sent.current) {
      sent.current = true;
      mutate(token);
    }
  }, [token, mutate]);

  if (!token || verify.isError) {
    const reason = !token
      ? "The link is incomplete. Open it straight from the email."
      : hasCode(verify.error, "invalid_token")
        ? "This link has expired or has been used already."
        : describeError(verify.error);
    return (
      <AuthPage title="We could not confirm your email">
        <Alert tone="warning" live="none">
          {reason}
        </Alert>
        <SendNewLink />
      </AuthPage>
    );
  }

  if (verify.isSuccess) {
    return (
      <AuthPage title="Email confirmed">
        <Alert tone="success">Thank you: your email address is confirmed.</Alert>
        <Link to="/app" className={`${buttonClasses("primary", "lg")} mt-6 w-full`}>
          Continue to TherapyLedger
        </Link>
      </AuthPage>
    );
  }

  return (
    <AuthPage title="Confirming your email">
      <p role="status" className="flex items-center gap-3 text-slate-600">
        <SpinnerIcon className="size-5 text-teal-700" />
        One moment…
      </p>
    </AuthPage>
  );
}
