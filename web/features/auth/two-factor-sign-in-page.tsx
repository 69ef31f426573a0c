import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { MailLink, TextLink } from "../../ui/link";
import { CONTACT } from "../public/contact";
import { describeError, hasCode, requireBody } from "./api-result";
import { AuthPage } from "./auth-layout";
import { CodeInput } from "./code-input";
import { safeNextPath, withNext } from "./next-path";
import { noticeState } from "./notice";
import { backupCodeSchema, totpCodeSchema } from "./schemas";
import { forgetPreviousSession } from "./session-cache";

type CodeKind = "totp" | "backup";
const SCHEMAS = {
  totp: z.object({ code: totpCodeSchema }),
  backup: z.object({ code: backupCodeSchema }),
} as const;
type CodeValues = { code: string };

type CodeFormProps = {
  kind: CodeKind;
  pending: boolean;
  /** The API's answer about the code itself ("That code is not right…"); a new object each time. */
  serverError: { message: string } | null;
  /** After a switch of kind, the new field takes the cursor. */
  focusOnMount: boolean;
  onSubmit: (code: string) => void;
};

/** One form per kind of code (keyed by it), so each has its own rules and a fresh field. */
function CodeForm({ kind, pending, serverError, focusOnMount, onSubmit }: CodeFormProps) {
  const form = useForm<CodeValues, unknown, CodeValues>({
    resolver: zodResolver(SCHEMAS[kind]),
    defaultValues: { code: "" },
  });
  const { setError, setFocus } = form;
  useEffect(() => {
    if (serverError)
      setError("code", { type: "server", message: serverError.message }, { shouldFocus: true });
  }, [serverError, setError]);
  useEffect(() => {
    if (focusOnMount) setFocus("code");
  }, [focusOnMount, setFocus]);
  return (
    <form noValidate aria-label="Enter your code" onSubmit={form.handleSubmit(({ code }) => onSubmit(code))}>
      <FieldStack>
        <CodeInput kind={kind} error={form.formState.errors.code?.message} {...form.register("code")} />
        <SubmitButton size="lg" className="w-full" pending={pending} pendingLabel="Checking…">
          Verify and sign in
        </SubmitButton>
      </FieldStack>
    </form>
  );
}

export function TwoFactorSignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<CodeKind>("totp");
  const [switched, setSwitched] = useState(false);

  const verify = useMutation({
    mutationFn: async (code: string) => requireBody(await api.POST("/auth/mfa", { body: { code } })),
    onSuccess: async () => {
      forgetPreviousSession(queryClient);
      await navigate(next ?? "/app");
    },
    onError: async (error) => {
      if (hasCode(error, "mfa_attempts_exhausted")) {
        await navigate(withNext("/sign-in", next), { state: noticeState("error", error.message) });
      } else if (hasCode(error, "conflict")) {
        // Already finished (in another tab, say): nothing is left to do here.
        await navigate(next ?? "/app");
      }
    },
  });

  const codeError = hasCode(verify.error, "invalid_code", "validation_failed") ? verify.error : null;
  const otherError = verify.error && !codeError ? verify.error : null;
  const sessionGone = hasCode(otherError, "unauthenticated");

  return (
    <AuthPage
      title="Two-factor authentication"
      description={
        kind === "totp"
          ? "Open your authenticator app and enter the 6-digit code it shows for TherapyLedger."
          : "Enter one of the backup codes you saved when you turned on two-factor. Each code works once."
      }
      footer={
        <p>
          Lost your phone and your backup codes? Write to <MailLink address={CONTACT.support} />.
        </p>
      }
    >
      {otherError ? (
        <Alert tone="error" className="mb-5">
          {sessionGone
            ? "Your sign-in has expired, or it finished in another tab. "
            : `${describeError(otherError)} `}
          {sessionGone ? <TextLink to={withNext("/sign-in", next)}>Sign in again</TextLink> : null}
        </Alert>
      ) : null}
      <CodeForm
        key={kind}
        kind={kind}
        pending={verify.isPending}
        serverError={codeError}
        focusOnMount={switched}
        onSubmit={(code) => verify.mutate(code)}
      />
      <div className="mt-5 flex flex-wrap items-center justify-between gap-3 text-sm">
        <button
          type="button"
          onClick={() => {
            verify.reset();
            setSwitched(true);
            setKind((current) => (current === "totp" ? "backup" : "totp"));
          }}
          className="font-medium text-teal-700 underline decoration-teal-700/30 underline-offset-4 hover:text-teal-900"
        >
          {kind === "totp" ? "Use a backup code instead" : "Use your authenticator app instead"}
        </button>
        <TextLink to={withNext("/sign-in", next)}>Start over</TextLink>
      </div>
    </AuthPage>
  );
}
