import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { TextLink } from "../../ui/link";
import { PasswordInput } from "../../ui/password-input";
import { hasCode, requireBody, requireSuccess, useFormProblem } from "../auth/api-result";
import { currentPasswordSchema, secondFactorCodeSchema } from "../auth/schemas";
import { SectionCard } from "./account-layout";

const CODE_FIELD = {
  label: "Authenticator code or backup code",
  autoComplete: "one-time-code",
  spellCheck: false,
  autoCapitalize: "none",
} as const;

const regenerateSchema = z.object({ code: secondFactorCodeSchema });
type RegenerateValues = z.output<typeof regenerateSchema>;

/** A fresh set of ten backup codes; the old set stops working at once. */
export function RegenerateBackupCodes({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const form = useForm<z.input<typeof regenerateSchema>, unknown, RegenerateValues>({
    resolver: zodResolver(regenerateSchema),
    defaultValues: { code: "" },
  });
  const problem = useFormProblem(form.setError, ["code"]);
  const regenerate = useMutation({
    mutationFn: async ({ code }: RegenerateValues) =>
      requireBody(await api.POST("/me/two-factor/backup-codes", { body: { code } })).backupCodes,
    onSuccess: onCodes,
    onError: (error) => {
      if (hasCode(error, "invalid_code")) {
        form.setError("code", { type: "server", message: error.message }, { shouldFocus: true });
      } else problem.report(error);
    },
  });
  return (
    <SectionCard
      title="Backup codes"
      description="Each backup code signs you in once when you cannot use your phone. Used some, or lost them? Make a new set; the old codes stop working."
    >
      {problem.message ? (
        <Alert tone="error" className="mb-4">
          {problem.message}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Make new backup codes"
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          regenerate.mutate(values);
        })}
      >
        <FieldStack className="max-w-sm">
          <Input {...CODE_FIELD} error={form.formState.errors.code?.message} {...form.register("code")} />
          <SubmitButton
            variant="secondary"
            className="self-start"
            pending={regenerate.isPending}
            pendingLabel="Making codes…"
          >
            Make new backup codes
          </SubmitButton>
        </FieldStack>
      </form>
    </SectionCard>
  );
}

const disableSchema = z.object({ password: currentPasswordSchema, code: secondFactorCodeSchema });
type DisableValues = z.output<typeof disableSchema>;

/** Turning two-factor off asks for both factors, so a borrowed, signed-in laptop is not enough. */
export function DisableTwoFactor({
  hasPassword,
  onDisabled,
}: {
  hasPassword: boolean;
  onDisabled: () => void;
}) {
  const form = useForm<z.input<typeof disableSchema>, unknown, DisableValues>({
    resolver: zodResolver(disableSchema),
    defaultValues: { password: "", code: "" },
  });
  const problem = useFormProblem(form.setError, ["password", "code"]);
  const disable = useMutation({
    mutationFn: async (values: DisableValues) =>
      requireSuccess(await api.POST("/me/two-factor/disable", { body: values })),
    onSuccess: onDisabled,
    onError: (error) => {
      if (hasCode(error, "invalid_code")) {
        form.setError("code", { type: "server", message: error.message }, { shouldFocus: true });
      } else if (hasCode(error, "invalid_credentials")) {
        form.setError("password", { type: "server", message: error.message }, { shouldFocus: true });
      } else problem.report(error);
    },
  });
  return (
    <SectionCard
      title="Turn off two-factor authentication"
      description="Your account will then be protected by your password alone. Practices that require two-factor will ask you to turn it on again."
    >
      {hasPassword ? null : (
        <Alert tone="info" live="none" className="mb-4">
          Turning it off needs your password, and your account does not have one yet. Choose one with{" "}
          <TextLink to="/forgot-password">Forgot your password</TextLink> first.
        </Alert>
      )}
      {problem.message ? (
        <Alert tone="error" className="mb-4">
          {problem.message}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Turn off two-factor authentication"
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          disable.mutate(values);
        })}
      >
        <FieldStack className="max-w-sm">
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            error={form.formState.errors.password?.message}
            {...form.register("password")}
          />
          <Input {...CODE_FIELD} error={form.formState.errors.code?.message} {...form.register("code")} />
          <SubmitButton
            variant="secondary"
            className="self-start"
            pending={disable.isPending}
            pendingLabel="Turning off…"
          >
            Turn off two-factor
          </SubmitButton>
        </FieldStack>
      </form>
    </SectionCard>
  );
}
