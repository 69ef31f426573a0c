import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { PracticeApiError } from "./api-result";
import { ErrorNotice, StatusMessage } from "./feedback";
import { can } from "./permissions";
import { applyFieldProblems, type PracticeDetails, practiceDetailsSchema } from "./practice-form-schema";
import { useUpdatePractice } from "./practice-mutations";
import type { Practice } from "./practice-queries";
import { Section } from "./section";
import { TimeZoneSelect } from "./time-zone-select";
import { describeTimeZone } from "./time-zones";

const FIELDS = ["name", "timeZone"] as const;

function ReadOnlyDetails({ practice }: { practice: Practice }) {
  return (
    <Section title="Practice details" description="Only the Owner and Admins can change these.">
      <dl className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <dt className="text-sm text-slate-600">Name</dt>
          <dd className="font-medium text-slate-900">{practice.name}</dd>
        </div>
        <div className="flex flex-col gap-1">
          <dt className="text-sm text-slate-600">Time zone</dt>
          <dd className="font-medium text-slate-900">{describeTimeZone(practice.timeZone)}</dd>
        </div>
      </dl>
    </Section>
  );
}

/** The practice's name and time zone; only what changed is sent. */
export function PracticeDetailsForm({ practice }: { practice: Practice }) {
  const update = useUpdatePractice(practice.id);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const form = useForm<PracticeDetails>({
    resolver: zodResolver(practiceDetailsSchema),
    values: { name: practice.name, timeZone: practice.timeZone },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  if (!can(practice.role, "settings.manage")) return <ReadOnlyDetails practice={practice} />;

  const onSubmit = form.handleSubmit(async (values) => {
    setSaved(undefined);
    const changes = {
      ...(values.name !== practice.name ? { name: values.name } : {}),
      ...(values.timeZone !== practice.timeZone ? { timeZone: values.timeZone } : {}),
    };
    if (Object.keys(changes).length === 0) return;
    try {
      await update.mutateAsync(changes);
      setSaved("Practice details saved.");
    } catch (error) {
      if (error instanceof PracticeApiError) applyFieldProblems(error.fieldProblems, FIELDS, form.setError);
    }
  });

  return (
    <Section
      title="Practice details"
      description="The name members see, and the time zone the ledger keeps its days in."
    >
      <form noValidate onSubmit={onSubmit} aria-label="Practice details" className="flex flex-col gap-5">
        <div className="grid gap-5 md:grid-cols-2">
          <Input
            label="Practice name"
            autoComplete="organization"
            error={errors.name?.message}
            {...form.register("name")}
          />
          <TimeZoneSelect
            currentValue={practice.timeZone}
            error={errors.timeZone?.message}
            {...form.register("timeZone")}
          />
        </div>
        <ErrorNotice
          error={
            update.error instanceof PracticeApiError && update.error.fieldProblems.length > 0
              ? undefined
              : update.error
          }
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={isSubmitting} pendingLabel="Saving…" disabled={!isDirty}>
            Save details
          </SubmitButton>
          <StatusMessage message={saved} />
        </div>
      </form>
    </Section>
  );
}
