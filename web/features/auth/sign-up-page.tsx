import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { CheckboxField, FieldStack, SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { TextLink } from "../../ui/link";
import { PasswordInput } from "../../ui/password-input";
import { hasCode, requireBody, useFormProblem } from "./api-result";
import { AuthPage } from "./auth-layout";
import { safeNextPath, withNext } from "./next-path";
import { acceptTermsSchema, emailSchema, newPasswordSchema, PASSWORD_RULES } from "./schemas";
import { forgetPreviousSession } from "./session-cache";
import { SsoButtons } from "./sso-buttons";
import { TermsLabel } from "./terms-label";

const signUpSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  acceptTerms: acceptTermsSchema,
});
type SignUpInput = z.input<typeof signUpSchema>;
type SignUpValues = z.output<typeof signUpSchema>;

export function SignUpPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<SignUpInput, unknown, SignUpValues>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { email: "", password: "", acceptTerms: false },
  });
  const { errors } = form.formState;
  const problem = useFormProblem(form.setError, ["email", "password", "acceptTerms"]);

  const signUp = useMutation({
    mutationFn: async ({ email, password }: SignUpValues) =>
      requireBody(await api.POST("/auth/register", { body: { email, password, acceptTerms: true } })),
    onSuccess: async () => {
      forgetPreviousSession(queryClient);
      await navigate(next ?? "/onboarding");
    },
    onError: (error) => {
      if (hasCode(error, "email_taken")) {
        form.setError("email", { type: "server", message: error.message }, { shouldFocus: true });
        problem.clear();
        return;
      }
      problem.report(error);
    },
  });

  const emailTaken = errors.email?.type === "server" && hasCode(signUp.error, "email_taken");

  return (
    <AuthPage
      title="Create your account"
      description="Start keeping your practice’s books in one place. Financial data only: no clinical notes, no client names."
      footer={
        <p>
          Already have an account? <TextLink to={withNext("/sign-in", next)}>Sign in</TextLink>
        </p>
      }
    >
      {problem.message ? (
        <Alert tone="error" title="Your account was not created" className="mb-5">
          {problem.message}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Create an account"
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          signUp.mutate(values);
        })}
      >
        <FieldStack>
          <div className="flex flex-col gap-1.5">
            <Input
              label="Email"
              type="email"
              autoComplete="email"
              inputMode="email"
              spellCheck={false}
              error={errors.email?.message}
              {...form.register("email")}
            />
            {emailTaken ? (
              <p className="text-sm text-slate-700">
                <TextLink to={withNext("/sign-in", next)}>Sign in to that account</TextLink> or{" "}
                <TextLink to="/forgot-password">reset its password</TextLink>.
              </p>
            ) : null}
          </div>
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            hint={PASSWORD_RULES}
            error={errors.password?.message}
            {...form.register("password")}
          />
          <CheckboxField
            label={<TermsLabel />}
            error={errors.acceptTerms?.message}
            {...form.register("acceptTerms")}
          />
          <SubmitButton
            size="lg"
            className="w-full"
            pending={signUp.isPending}
            pendingLabel="Creating your account…"
          >
            Create account
          </SubmitButton>
        </FieldStack>
      </form>
      <SsoButtons />
    </AuthPage>
  );
}
