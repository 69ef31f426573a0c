import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { useLocation } from "react-router";
import { SubmitButton } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { PracticeApiError } from "./api-result";
import { ErrorNotice, StatusMessage } from "./feedback";
import { SelectField } from "./fields";
import { ROLE_SUMMARIES } from "./permissions";
import { applyFieldProblems, type InvitationInput, invitationSchema } from "./practice-form-schema";
import { useInvite } from "./practice-mutations";
import type { Practice } from "./practice-queries";

const FIELDS = ["email", "role"] as const;

/** Invite by address and role; the person gets an email link that works for 7 days. */
export function InviteForm({ practice }: { practice: Practice }) {
  const invite = useInvite(practice.id);
  const [sent, setSent] = useState<string | undefined>(undefined);
  const { hash } = useLocation();
  const form = useForm<InvitationInput>({
    resolver: zodResolver(invitationSchema),
    defaultValues: { email: "", role: "user" },
  });
  const { errors, isSubmitting } = form.formState;
  const role = form.watch("role");

  // "Invite people" on the overview links to #invite: land in the email field, ready to type.
  useEffect(() => {
    if (hash === "#invite") form.setFocus("email");
  }, [hash, form]);

  const onSubmit = form.handleSubmit(async (values) => {
    setSent(undefined);
    try {
      const invitation = await invite.mutateAsync(values);
      form.reset({ email: "", role: values.role });
      setSent(`Invitation sent to ${invitation.email}. The link in it works for 7 days.`);
    } catch (error) {
      if (error instanceof PracticeApiError) applyFieldProblems(error.fieldProblems, FIELDS, form.setError);
    }
  });

  return (
    <form noValidate onSubmit={onSubmit} aria-label="Invite someone" className="flex flex-col gap-5">
      <div className="grid gap-5 sm:grid-cols-[1fr_12rem]">
        <Input
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={errors.email?.message}
          {...form.register("email")}
        />
        <SelectField label="Role" error={errors.role?.message} {...form.register("role")}>
          <option value="user">User</option>
          <option value="admin">Admin</option>
        </SelectField>
      </div>
      <p className="-mt-2 text-sm text-slate-600">
        <span className="font-medium text-slate-800">{role === "admin" ? "Admin" : "User"}:</span>{" "}
        {ROLE_SUMMARIES[role]}
      </p>
      <ErrorNotice
        error={
          invite.error instanceof PracticeApiError && invite.error.fieldProblems.length > 0
            ? undefined
            : invite.error
        }
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={isSubmitting} pendingLabel="Sending…">
          Send invitation
        </SubmitButton>
        <StatusMessage message={sent} />
      </div>
    </form>
  );
}
