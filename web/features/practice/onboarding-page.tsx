import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { SubmitButton } from "../../ui/form-field";
import { MailIcon } from "../../ui/icons";
import { Input } from "../../ui/input";
import { TextLink } from "../../ui/link";
import { PageHeader } from "../../ui/page-header";
import { PracticeApiError } from "./api-result";
import { ErrorNotice } from "./feedback";
import { applyFieldProblems, type PracticeDetails, practiceDetailsSchema } from "./practice-form-schema";
import { useCreatePractice } from "./practice-mutations";
import { usePractices } from "./practice-queries";
import { TimeZoneSelect } from "./time-zone-select";
import { detectTimeZone } from "./time-zones";

const FIELDS = ["name", "timeZone"] as const;

/** Naming a first (or another) practice; the person who creates it becomes its Owner. */
export function OnboardingPage() {
  const navigate = useNavigate();
  const practices = usePractices();
  const create = useCreatePractice();
  const form = useForm<PracticeDetails>({
    resolver: zodResolver(practiceDetailsSchema),
    defaultValues: { name: "", timeZone: detectTimeZone() },
  });
  const { errors, isSubmitting } = form.formState;
  const hasPractices = (practices.data?.length ?? 0) > 0;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const practice = await create.mutateAsync(values);
      navigate(`/practices/${practice.id}`);
    } catch (error) {
      if (error instanceof PracticeApiError) applyFieldProblems(error.fieldProblems, FIELDS, form.setError);
    }
  });

  return (
    <>
      <title>Set up your practice · TherapyLedger</title>
      <div className="border-b border-slate-200 bg-gradient-to-b from-teal-50/70 to-white">
        <Container narrow className="py-12 sm:py-14">
          <PageHeader
            eyebrow={hasPractices ? "New practice" : "Welcome"}
            title={hasPractices ? "Add another practice" : "Set up your practice"}
            description={
              <p>
                A practice holds one ledger: its accounts, income, expenses and tax set-aside. You will be its
                Owner, and you can invite the people who help you run it.
              </p>
            }
          />
        </Container>
      </div>
      <Container narrow className="grid gap-8 py-10 sm:py-12 md:grid-cols-[1fr_16rem]">
        <Card className="p-6 sm:p-8">
          <form noValidate onSubmit={onSubmit} className="flex flex-col gap-6" aria-label="New practice">
            <Input
              label="Practice name"
              autoComplete="organization"
              hint="As your clients and your CPA know it, e.g. “Riverside Counseling, PLLC”. You can change it later."
              error={errors.name?.message}
              {...form.register("name")}
            />
            <TimeZoneSelect error={errors.timeZone?.message} {...form.register("timeZone")} />
            <ErrorNotice
              error={
                create.error instanceof PracticeApiError && create.error.fieldProblems.length > 0
                  ? undefined
                  : create.error
              }
            />
            <div className="flex flex-wrap items-center gap-4">
              <SubmitButton size="lg" pending={isSubmitting} pendingLabel="Creating…">
                Create practice
              </SubmitButton>
              {hasPractices ? <TextLink to="/app">Back to your practices</TextLink> : null}
            </div>
          </form>
        </Card>
        <aside
          aria-labelledby="invited-heading"
          className="flex flex-col gap-3 text-sm leading-relaxed text-slate-600"
        >
          <span className="inline-flex size-10 items-center justify-center rounded-xl bg-teal-50 text-teal-700">
            <MailIcon />
          </span>
          <h2 id="invited-heading" className="text-base font-semibold text-slate-900">
            Joining someone else’s practice?
          </h2>
          <p>
            You do not need to create one. Open the link in the invitation email you received, signed in with
            the address it was sent to, and you will join that practice with the role you were given.
          </p>
          <p>Invitation links work for 7 days; ask the person who invited you to re-send an expired one.</p>
        </aside>
      </Container>
    </>
  );
}
