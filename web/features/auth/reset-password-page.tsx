import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { TextLink } from "../../ui/link";
import { PasswordInput } from "../../ui/password-input";
import { hasCode, requireSuccess, useFormProblem } from "./api-result";
import { AuthPage } from "./auth-layout";
import { noticeState } from "./notice";
import { newPasswordSchema, PASSWORD_RULES } from "./schemas";
import { useHashToken } from "./use-hash-token";

const resetSchema = z.object({ password: newPasswordSchema });
type ResetValues = z.output<typeof resetSchema>;

function InvalidLink({ reason }: { reason: string }) {
  return (
    <AuthPage title="This link does not work" footer={<TextLink to="/sign-in">Back to sign in</TextLink>}>
      <Alert tone="warning" live="none">
        {reason}
      </Alert>
      <p className="mt-5">
        <TextLink to="/forgot-password">Ask for a new reset link</TextLink>
      </p>
    </AuthPage>
  );
}

export function ResetPasswordPage() {
  const token = useHashToken();
  const navigate = useNavigate();
  const form = useForm<z.input<typeof resetSchema>, unknown, ResetValues>({
    resolver: zodResolver(resetSchema),
    defaultValues: { password: "" },
  });
  const problem = useFormProblem(form.setError, ["password"]);
  const reset = useMutation({
    mutationFn: async ({ password }: ResetValues) => {
      if (!token) throw new Error("no token");
      requireSuccess(await api.POST("/auth/password/reset", { body: { token, password } }));
    },
    onSuccess: () =>
      navigate("/sign-in", {
        replace: true,
        state: noticeState("success", "Your password has been changed. Sign in with your new password."),
      }),
    onError: problem.report,
  });

  if (!token) {
    return (
      <InvalidLink reason="The link is incomplete. Open it straight from the email, or ask for a new one." />
    );
  }
  if (hasCode(reset.error, "invalid_token")) {
    return <InvalidLink reason={reset.error.message} />;
  }

  return (
    <AuthPage
      title="Choose a new password"
      description="After the change, every device signed in to your account is signed out."
    >
      {problem.message ? (
        <Alert tone="error" className="mb-5">
          {problem.message}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Choose a new password"
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          reset.mutate(values);
        })}
      >
        <FieldStack>
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            hint={PASSWORD_RULES}
            error={form.formState.errors.password?.message}
            {...form.register("password")}
          />
          <SubmitButton size="lg" className="w-full" pending={reset.isPending} pendingLabel="Saving…">
            Save new password
          </SubmitButton>
        </FieldStack>
      </form>
    </AuthPage>
  );
}
