import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useNavigate } from "react-router";
import { api } from "../../api/client";
import { ME_QUERY_KEY, type Me, useMe, useSignOut } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { Badge } from "../../ui/badge";
import { SubmitButton } from "../../ui/form-field";
import { CheckIcon, ShieldIcon } from "../../ui/icons";
import { describeError, requireBody } from "../auth/api-result";
import { AccountPage, SectionCard } from "./account-layout";
import { BackupCodesPanel } from "./backup-codes-panel";
import { LoadingCard } from "./loading-card";
import { DisableTwoFactor, RegenerateBackupCodes } from "./two-factor-manage";
import { type TwoFactorSecret, TwoFactorSetup } from "./two-factor-setup";

/**
 * What the page shows. The backup codes come first whatever else changes: they are shown once,
 * so nothing (not even the refreshed account data that says two-factor is now on) may replace
 * them before the person says they saved them.
 */
type View =
  | { kind: "status" }
  | { kind: "setup"; secret: TwoFactorSecret }
  | { kind: "codes"; codes: string[]; reason: "enabled" | "regenerated" };

function StatusCard({
  me,
  onStart,
  starting,
  error,
}: {
  me: Me;
  onStart: () => void;
  starting: boolean;
  error: unknown;
}) {
  const on = me.user.twoFactorEnabled;
  return (
    <SectionCard
      title="Status"
      aside={
        on ? (
          <Badge tone="positive">
            <CheckIcon className="size-3.5" />
            On
          </Badge>
        ) : (
          <Badge tone="pending">Off</Badge>
        )
      }
      description={
        on
          ? "After your password, TherapyLedger asks for a code from your authenticator app. Someone who learns your password still cannot get in."
          : "Add a second step to signing in: a 6-digit code from an app on your phone, which changes every 30 seconds. Someone who learns your password still cannot get in."
      }
    >
      {on ? null : (
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            onStart();
          }}
        >
          {error ? <Alert tone="error">{describeError(error)}</Alert> : null}
          <SubmitButton className="self-start" pending={starting} pendingLabel="Preparing…">
            <ShieldIcon className="size-4" />
            Set up two-factor
          </SubmitButton>
        </form>
      )}
    </SectionCard>
  );
}

export function TwoFactorPage() {
  const me = useMe();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [view, setView] = useState<View>({ kind: "status" });
  const [notice, setNotice] = useState<string | null>(null);
  const enrolment = me.data?.session.state === "enrol_mfa";

  const start = useMutation({
    mutationFn: async () => requireBody(await api.POST("/me/two-factor/setup")),
    onSuccess: (secret) => {
      setNotice(null);
      setView({ kind: "setup", secret });
    },
  });

  const refreshMe = () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });

  const title = "Two-factor authentication";
  if (!me.data) {
    return (
      <AccountPage title={title}>
        <LoadingCard />
      </AccountPage>
    );
  }

  let body: ReactNode;
  if (view.kind === "codes") {
    body = (
      <BackupCodesPanel
        codes={view.codes}
        email={me.data.user.email}
        reason={view.reason}
        doneLabel={enrolment ? "Continue to TherapyLedger" : "Done"}
        onDone={async () => {
          await refreshMe();
          setView({ kind: "status" });
          if (enrolment) await navigate("/app");
        }}
      />
    );
  } else if (view.kind === "setup" && !me.data.user.twoFactorEnabled) {
    body = (
      <TwoFactorSetup
        secret={view.secret}
        onEnabled={(codes) => setView({ kind: "codes", codes, reason: "enabled" })}
        onCancel={enrolment ? undefined : () => setView({ kind: "status" })}
      />
    );
  } else if (me.data.user.twoFactorEnabled) {
    body = (
      <>
        <StatusCard me={me.data} onStart={() => start.mutate()} starting={false} error={null} />
        <RegenerateBackupCodes
          onCodes={(codes) => setView({ kind: "codes", codes, reason: "regenerated" })}
        />
        <DisableTwoFactor
          hasPassword={me.data.user.hasPassword}
          onDisabled={async () => {
            await refreshMe();
            setNotice("Two-factor authentication is off.");
          }}
        />
      </>
    );
  } else {
    body = (
      <StatusCard
        me={me.data}
        onStart={() => start.mutate()}
        starting={start.isPending}
        error={start.error}
      />
    );
  }

  return (
    <AccountPage
      title={title}
      description="Protect your account with a code from your phone as well as your password."
    >
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {body}
      {view.kind === "status" && !me.data.user.twoFactorEnabled && enrolment ? (
        <p className="text-sm text-slate-600">
          Not now? <SignOutLink />
        </p>
      ) : null}
    </AccountPage>
  );
}

function SignOutLink() {
  const signOut = useSignOut();
  return (
    <button
      type="button"
      onClick={() => signOut.mutate()}
      className="font-medium text-teal-700 underline decoration-teal-700/30 underline-offset-4 hover:text-teal-900"
    >
      Sign out
    </button>
  );
}
