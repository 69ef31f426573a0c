import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate, useSearchParams } from "react-router";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { FieldStack, SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { TextLink } from "../../ui/link";
import { PasswordInput } from "../../ui/password-input";
import { hasCode, requireBody, useFormProblem } from "./api-result";
import { AuthPage } from "./auth-layout";
import { safeNextPath, withNext } from "./next-path";
import { useNotice } from "./notice";
import { currentPasswordSchema, emailSchema } from "./schemas";
import { forgetPreviousSession } from "./session-cache";
import { SsoButtons } from "./sso-buttons";
import { describeSsoOutcome } from "./sso-messages";

const signInSchema = z.object({ email: emailSchema, password: currentPasswordSchema });
type SignInValues = z.input<typeof signInSchema>;
type SignInResult = { mfaRequired: boolean; enrolmentRequired: boolean };

async function submitSignIn(values: z.output<typeof signInSchema>): Promise<SignInResult> {
  try {
    return requireBody(await api.POST("/auth/login", { body: values }));
  } catch (error) {
    // A sign-in left half-way (password given, code never entered) keeps a pending session,
    // which may only finish or sign out: end it and start again, once.
    if (!hasCode(error, "mfa_required")) throw error;
    await api.POST("/auth/logout");
    return requireBody(await api.POST("/auth/login", { body: values }));
  }
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const ssoOutcome = describeSsoOutcome(params.get("sso"));
  const notice = useNotice();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm<SignInValues, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: "", password: "" },
  });
  const { errors } = form.formState;
  const problem = useFormProblem(form.setError, ["email", "password"]);

  const signIn = useMutation({
    mutationFn: submitSignIn,
    onSuccess: async (result) => {
      // Whatever was cached belonged to whoever was signed in before.
      forgetPreviousSession(queryClient);
      if (result.mfaRequired) await navigate(withNext("/sign-in/two-factor", next));
      else if (result.enrolmentRequired) await navigate("/account/two-factor");
      else await navigate(next ?? "/app");
    },
    onError: problem.report,
  });

  return (
    <AuthPage
      title="Sign in"
      description="Welcome back. Sign in to your practice’s books."
      footer={
        <p>
          New to TherapyLedger? <TextLink to={withNext("/sign-up", next)}>Create an account</TextLink>
        </p>
      }
    >
      <div className="flex flex-col gap-4">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {ssoOutcome ? <Alert tone={ssoOutcome.tone}>{ssoOutcome.text}</Alert> : null}
        {problem.message ? (
          <Alert tone="error" title="You are not signed in">
            {problem.message}
          </Alert>
        ) : null}
      </div>
      <form
        noValidate
        aria-label="Sign in"
        className={notice || ssoOutcome || problem.message ? "mt-5" : undefined}
        onSubmit={form.handleSubmit((values) => {
          problem.clear();
          signIn.mutate(values);
        })}
      >
        <FieldStack>
          <Input
            label="Email"
            type="email"
            autoComplete="username"
            inputMode="email"
            spellCheck={false}
            error={errors.email?.message}
            {...form.register("email")}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            error={errors.password?.message}
            labelAside={
              <TextLink to="/forgot-password" className="text-sm">
                Forgot your password?
              </TextLink>
            }
            {...form.register("password")}
          />
          <SubmitButton size="lg" className="w-full" pending={signIn.isPending} pendingLabel="Signing in…">
            Sign in
          </SubmitButton>
        </FieldStack>
      </form>
      <SsoButtons />
    </AuthPage>
  );
}
