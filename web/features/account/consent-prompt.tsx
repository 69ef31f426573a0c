import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { api } from "../../api/client";
import { ME_QUERY_KEY, type Me } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { CheckboxField, FieldStack, SubmitButton } from "../../ui/form-field";
import { formatCalendarDate } from "../../ui/format-date";
import { TextLink } from "../../ui/link";
import { requireSuccess, useFormProblem } from "../auth/api-result";
import { acceptTermsSchema } from "../auth/schemas";
import { TermsLabel } from "../auth/terms-label";

const consentSchema = z.object({ acceptTerms: acceptTermsSchema });

/**
 * Shown instead of any signed-in page while the person has not accepted the current Terms of
 * Service and Privacy Policy: reading them is a link away, accepting is one box and a button.
 */
export function ConsentPrompt({ consent }: { consent: Me["consent"] }) {
  const queryClient = useQueryClient();
  const form = useForm<z.input<typeof consentSchema>>({
    resolver: zodResolver(consentSchema),
    defaultValues: { acceptTerms: false },
  });
  const problem = useFormProblem(form.setError, ["acceptTerms"]);
  const accept = useMutation({
    mutationFn: async () => requireSuccess(await api.POST("/me/consent", { body: { acceptTerms: true } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
    onError: problem.report,
  });
  return (
    <Container className="flex justify-center py-12 sm:py-20">
      <title>Updated terms · TherapyLedger</title>
      <Card as="section" aria-labelledby="consent-title" className="w-full max-w-xl p-6 shadow-lg sm:p-8">
        <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">Before you continue</p>
        <h1 id="consent-title" className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
          We have updated our Terms and Privacy Policy
        </h1>
        <p className="mt-3 leading-relaxed text-slate-600">
          Please read the{" "}
          <TextLink to="/terms" target="_blank" rel="noopener">
            Terms of Service
          </TextLink>{" "}
          (effective {formatCalendarDate(consent.termsVersion)}) and the{" "}
          <TextLink to="/privacy" target="_blank" rel="noopener">
            Privacy Policy
          </TextLink>{" "}
          (effective {formatCalendarDate(consent.privacyVersion)}). Your books stay as they are; you can
          continue once you accept them.
        </p>
        {problem.message ? (
          <Alert tone="error" className="mt-5">
            {problem.message}
          </Alert>
        ) : null}
        <form
          noValidate
          aria-label="Accept the updated terms"
          className="mt-6"
          onSubmit={form.handleSubmit(() => {
            problem.clear();
            accept.mutate();
          })}
        >
          <FieldStack>
            <CheckboxField
              label={<TermsLabel />}
              error={form.formState.errors.acceptTerms?.message}
              {...form.register("acceptTerms")}
            />
            <SubmitButton size="lg" className="self-start" pending={accept.isPending} pendingLabel="Saving…">
              Accept and continue
            </SubmitButton>
          </FieldStack>
        </form>
      </Card>
    </Container>
  );
}
