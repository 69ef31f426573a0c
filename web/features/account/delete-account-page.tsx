import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useNavigate } from "react-router";
import { z } from "zod";
import { api } from "../../api/client";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { cx } from "../../ui/cx";
import { dangerButtonClasses } from "../../ui/danger-button";
import { Dialog, DialogActions } from "../../ui/dialog";
import { CheckboxField, FieldStack } from "../../ui/form-field";
import { Input } from "../../ui/input";
import { TextLink } from "../../ui/link";
import { PasswordInput } from "../../ui/password-input";
import { hasCode, requireBody, requireSuccess, useFormProblem } from "../auth/api-result";
import { noticeState } from "../auth/notice";
import { currentPasswordSchema, secondFactorCodeSchema } from "../auth/schemas";
import { AccountPage, SectionCard } from "./account-layout";
import { LoadingCard } from "./loading-card";

function deleteSchema(twoFactor: boolean) {
  return z.object({
    password: currentPasswordSchema,
    code: twoFactor ? secondFactorCodeSchema : z.string(),
    understood: z.boolean().refine((value) => value, { message: "Tick the box to confirm you understand." }),
  });
}
type DeleteInput = { password: string; code: string; understood: boolean };

/** The practices the person owns, to point at their settings when one still has other members. */
function useOwnedPractices(enabled: boolean) {
  return useQuery({
    queryKey: ["practices"],
    queryFn: async () => requireBody(await api.GET("/practices")).practices,
    enabled,
    select: (practices) => practices.filter((p) => p.role === "owner"),
  });
}

function OwnsSharedPractice({ message }: { message: string }) {
  const owned = useOwnedPractices(true);
  return (
    <Alert tone="warning" title="Your account cannot be deleted yet">
      <p>{message}</p>
      {owned.data && owned.data.length > 0 ? (
        <ul className="mt-2 flex flex-col gap-1">
          {owned.data.map((practice) => (
            <li key={practice.id}>
              <TextLink to={`/practices/${practice.id}/settings`}>Settings of {practice.name}</TextLink>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2">
          <TextLink to="/app">Go to your practices</TextLink>
        </p>
      )}
    </Alert>
  );
}

export function DeleteAccountPage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const twoFactor = me.data?.user.twoFactorEnabled ?? false;
  const form = useForm<DeleteInput>({
    resolver: zodResolver(deleteSchema(twoFactor)),
    defaultValues: { password: "", code: "", understood: false },
  });
  const [confirming, setConfirming] = useState<DeleteInput | null>(null);
  const problem = useFormProblem(form.setError, ["password", "code"]);
  const remove = useMutation({
    mutationFn: async ({ password, code }: DeleteInput) =>
      requireSuccess(
        await api.DELETE("/me", { body: code && twoFactor ? { password, code } : { password } }),
      ),
    onSuccess: async () => {
      await navigate("/sign-in", {
        replace: true,
        state: noticeState("success", "Your account and all its data have been deleted."),
      });
      queryClient.clear();
    },
    onError: (error) => {
      setConfirming(null);
      problem.report(error);
    },
  });
  const ownsShared = hasCode(problem.problem, "conflict") ? problem.problem.message : null;

  if (!me.data) {
    return (
      <AccountPage title="Delete account">
        <LoadingCard />
      </AccountPage>
    );
  }

  return (
    <AccountPage title="Delete account" description="Close your TherapyLedger account for good.">
      <SectionCard tone="danger" title="This cannot be undone">
        <div className="flex flex-col gap-3 text-sm leading-relaxed text-slate-700">
          <p>Deleting your account removes, at once and permanently:</p>
          <ul className="list-disc space-y-1 pl-5 marker:text-slate-400">
            <li>your sign-in details, two-factor settings, devices and security activity;</li>
            <li>every practice where you are the only member, with all of its books;</li>
            <li>your membership of any other practice.</li>
          </ul>
          <p>
            If you own a practice that other people use, transfer its ownership or delete it first. Want a
            copy of your data? Export it before you go.
          </p>
        </div>
      </SectionCard>

      <SectionCard title="Confirm it is you">
        {ownsShared ? (
          <div className="mb-5">
            <OwnsSharedPractice message={ownsShared} />
          </div>
        ) : problem.message ? (
          <Alert tone="error" className="mb-5">
            {problem.message}
          </Alert>
        ) : null}
        {me.data.user.hasPassword ? null : (
          <Alert tone="info" live="none" className="mb-5">
            Deleting your account needs your password, and your account does not have one. Choose one with{" "}
            <TextLink to="/forgot-password">Forgot your password</TextLink> first.
          </Alert>
        )}
        <form
          noValidate
          aria-label="Delete your account"
          onSubmit={form.handleSubmit((values) => {
            problem.clear();
            setConfirming(values);
          })}
        >
          <FieldStack className="max-w-sm">
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              error={form.formState.errors.password?.message}
              {...form.register("password")}
            />
            {twoFactor ? (
              <Input
                label="Authenticator code or backup code"
                autoComplete="one-time-code"
                spellCheck={false}
                autoCapitalize="none"
                error={form.formState.errors.code?.message}
                {...form.register("code")}
              />
            ) : null}
            <CheckboxField
              label="I understand that my account and its data will be deleted permanently."
              error={form.formState.errors.understood?.message}
              {...form.register("understood")}
            />
            <button type="submit" className={cx(dangerButtonClasses(), "self-start")}>
              Delete my account…
            </button>
          </FieldStack>
        </form>
      </SectionCard>
      <p className="text-sm text-slate-600">
        Changed your mind? <TextLink to="/account">Back to your account</TextLink>
      </p>

      <Dialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Delete your account?"
        description={`${me.data.user.email} and all of its data will be deleted now. This cannot be undone.`}
      >
        <DialogActions>
          <Button variant="secondary" onClick={() => setConfirming(null)} autoFocus>
            Cancel
          </Button>
          <button
            type="button"
            className={dangerButtonClasses()}
            disabled={remove.isPending}
            onClick={() => confirming && remove.mutate(confirming)}
          >
            {remove.isPending ? "Deleting…" : "Delete my account"}
          </button>
        </DialogActions>
      </Dialog>
    </AccountPage>
  );
}
