import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { z } from "zod";
import { api } from "../../api/client";
import { Alert } from "../../ui/alert";
import { CheckboxField, FieldStack, SubmitButton } from "../../ui/form-field";
import { TextLink } from "../../ui/link";
import { hasCode, requireBody, useFormProblem } from "./api-result";
import { AuthPage } from "./auth-layout";
import { acceptTermsSchema } from "./schemas";
import { forgetPreviousSession } from "./session-cache";
import { ProviderLogo, SSO_PROVIDER_NAMES } from "./sso-buttons";
import { TermsLabel } from "./terms-label";

const termsSchema = z.object({ acceptTerms: acceptTermsSchema });
type TermsInput = z.input<typeof termsSchema>;

/**
 * The last step of a first sign-in with Google or Microsoft: the identity is verified, and the
 * account is created only once its owner accepts the Terms and the Privacy Policy.
 */
export function SsoAcceptTermsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pending = useQuery({
    queryKey: ["auth", "sso-sign-up"],
    queryFn: async () => requireBody(await api.GET("/auth/sso/sign-up")),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const form = useForm<TermsInput>({
    resolver: zodResolver(termsSchema),
    defaultValues: { acceptTerms: false },
  });
  const problem = useFormProblem(form.setError, ["acceptTerms"]);
  const complete = useMutation({
    mutationFn: async () =>
      requireBody(await api.POST("/auth/sso/complete", { body: { acceptTerms: true } })),
    onSuccess: async () => {
      forgetPreviousSession(queryClient);
      await navigate("/onboarding", { replace: true });
    },
    onError: problem.report,
  });

  const expired = hasCode(pending.error, "sso_expired") || hasCode(problem.problem, "sso_expired");
  if (expired || pending.isError) {
    return (
      <AuthPage
        title="This sign-up has expired"
        footer={<TextLink to="/sign-up">Create an account</TextLink>}
      >
        <Alert tone="warning" live="none">
          Nothing is waiting for your acceptance in this browser: the sign-up took too long or was started
          elsewhere. Start again with Google or Microsoft.
        </Alert>
        <p className="mt-5">
          <TextLink to="/sign-in">Back to sign in</TextLink>
        </p>
      </AuthPage>
    );
  }

  const taken = hasCode(problem.problem, "email_taken", "identity_taken");
  const provider = pending.data?.provider;

  return (
    <AuthPage
      title="One last step"
      description="Accept the Terms of Service and the Privacy Policy to create your TherapyLedger account."
    >
      {pending.data && provider ? (
        <div className="mb-5 flex items-center gap-3 rounded-xl border border-slate-200 bg-slate-50 px-4 py-3">
          <ProviderLogo provider={provider} className="size-6 shrink-0" />
          <div className="min-w-0 text-sm">
            <p className="text-slate-600">Signing up with {SSO_PROVIDER_NAMES[provider]} as</p>
            <p className="truncate font-semibold text-slate-900">{pending.data.email}</p>
          </div>
        </div>
      ) : null}
      {problem.message ? (
        <Alert tone="error" className="mb-5">
          {problem.message} {taken ? <TextLink to="/sign-in">Go to sign in</TextLink> : null}
        </Alert>
      ) : null}
      <form
        noValidate
        aria-label="Accept the terms"
        onSubmit={form.handleSubmit(() => {
          problem.clear();
          complete.mutate();
        })}
      >
        <FieldStack>
          <CheckboxField
            label={<TermsLabel />}
            error={form.formState.errors.acceptTerms?.message}
            {...form.register("acceptTerms")}
          />
          <SubmitButton
            size="lg"
            className="w-full"
            pending={complete.isPending}
            pendingLabel="Creating your account…"
          >
            Create my account
          </SubmitButton>
        </FieldStack>
      </form>
    </AuthPage>
  );
}
