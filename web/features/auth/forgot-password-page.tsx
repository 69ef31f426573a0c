import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { TextLink } from "../../ui/link";
import { requireBody, useFormProblem } from "./api-result";
import { AuthPage } from "./auth-layout";
import { emailSchema } from "./schemas";

const forgotSchema = z.object({ email: emailSchema });
type ForgotInput = z.input<typeof forgotSchema>;
type ForgotValues = z.output<typeof forgotSchema>;

/**
 * The answer is the same whether or not an account has the address, so this page cannot be
 * used to find out who has an account.
 */
export function ForgotPasswordPage() {
  const form = useForm<ForgotInput, unknown, ForgotValues>({
    resolver: zodResolver(forgotSchema),
    defaultValues: { email: "" },
  });
  const problem = useFormProblem(form.setError, ["email"]);
  const request = useMutation({
    mutationFn: async ({ email }: ForgotValues) =>
      requireBody(await api.POST("/auth/password/forgot", { body: { email } })),
    onError: problem.report,
  });

  if (request.isSuccess) {
    return (
      <AuthPage title="Check your email" footer={<TextLink to="/sign-in">Back to sign in</TextLink>}>
        <Alert tone="success" live="status">
          If an account uses <strong className="font-semibold break-all">{request.variables.email}</strong>,
          we have sent it a link to choose a new password. The link works for 30 minutes.
        </Alert>
        <p className="mt-5 text-sm leading-relaxed text-slate-600">
          Nothing arrived after a few minutes? Check your spam folder, or{" "}
          <button
            type="button"
            onClick={() => request.reset()}
            className="font-medium text-teal-700 underline decoration-teal-700/30 underline-offset-4 hover:text-teal-900"
          >
            try another address
          </button>
          .
        </p>
      </AuthPage>
    );
  }

  return (
    <AuthPage
      title="Reset your password"
      description="Enter the email address of your account and we will send you a link to choose a new password."
      footer={
        <p>
          Remembered it? <TextLink to="/sign-in">Sign in</TextLink>
        </p>
      }
    >
      {problem.message ? (
        <Alert tone="error" className="mb-5">
          {problem.message}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Request a password reset link"
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          request.mutate(values);
        })}
      >
        <FieldStack>
          <Input
            label="Email"
            type="email"
            autoComplete="email"
            inputMode="email"
            spellCheck={false}
            error={form.formState.errors.email?.message}
            {...form.register("email")}
          />
          <SubmitButton size="lg" className="w-full" pending={request.isPending} pendingLabel="Sending…">
            Send reset link
          </SubmitButton>
        </FieldStack>
      </form>
    </AuthPage>
  );
}
