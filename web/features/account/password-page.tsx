import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api } from "../../api/client";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { TextLink } from "../../ui/link";
import { PasswordInput } from "../../ui/password-input";
import { hasCode, requireSuccess, useFormProblem } from "../auth/api-result";
import { currentPasswordSchema, newPasswordSchema, PASSWORD_RULES } from "../auth/schemas";
import { AccountPage, SectionCard } from "./account-layout";
import { ACCOUNT_KEYS } from "./account-queries";
import { LoadingCard } from "./loading-card";

const changeSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema });
type ChangeValues = z.output<typeof changeSchema>;

function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof changeSchema>, unknown, ChangeValues>({
    resolver: zodResolver(changeSchema),
    defaultValues: { currentPassword: "", newPassword: "" },
  });
  const problem = useFormProblem(form.setError, ["currentPassword", "newPassword"]);
  const change = useMutation({
    mutationFn: async (values: ChangeValues) =>
      requireSuccess(await api.POST("/me/password", { body: values })),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ACCOUNT_KEYS.sessions });
    },
    onError: (error) => {
      if (hasCode(error, "invalid_credentials") && !problem.problem) {
        form.setError("currentPassword", { type: "server", message: error.message }, { shouldFocus: true });
      } else problem.report(error);
    },
  });
  return (
    <SectionCard
      title="Change your password"
      description="After the change, every other device signed in to your account is signed out. This one stays signed in."
    >
      <div className="flex flex-col gap-4">
        {change.isSuccess ? (
          <Alert tone="success">
            Your password has been changed, and your other devices have been signed out.
          </Alert>
        ) : null}
        {problem.message ? <Alert tone="error">{problem.message}</Alert> : null}
      </div>
      <form
        noValidate
        aria-label="Change your password"
        className={change.isSuccess || problem.message ? "mt-5" : undefined}
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          change.reset();
          change.mutate(values);
        })}
      >
        <FieldStack className="max-w-sm">
          <PasswordInput
            label="Current password"
            autoComplete="current-password"
            error={form.formState.errors.currentPassword?.message}
            {...form.register("currentPassword")}
          />
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            hint={PASSWORD_RULES}
            error={form.formState.errors.newPassword?.message}
            {...form.register("newPassword")}
          />
          <SubmitButton className="self-start" pending={change.isPending} pendingLabel="Saving…">
            Change password
          </SubmitButton>
        </FieldStack>
      </form>
    </SectionCard>
  );
}

export function PasswordPage() {
  const me = useMe();
  return (
    <AccountPage
      title="Password"
      description="Use a long password you do not use anywhere else; a password manager helps."
    >
      {!me.data ? (
        <LoadingCard />
      ) : me.data.user.hasPassword ? (
        <ChangePasswordForm />
      ) : (
        <SectionCard
          title="No password yet"
          description="You sign in with Google or Microsoft, so your account has no password."
        >
          <p className="text-sm leading-relaxed text-slate-700">
            To add one (so you can sign in even when your Google or Microsoft account is unavailable), sign
            out and use <TextLink to="/forgot-password">Forgot your password</TextLink> with{" "}
            {me.data.user.email}: the email lets you choose one.
          </p>
        </SectionCard>
      )}
    </AccountPage>
  );
}
