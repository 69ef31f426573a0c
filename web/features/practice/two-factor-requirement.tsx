import { useState } from "react";
import { ENROLMENT_PAGE } from "../../app/signed-in-layout";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { Badge } from "../../ui/badge";
import { SubmitButton } from "../../ui/form-field";
import { TextLink } from "../../ui/link";
import { ErrorNotice, StatusMessage } from "./feedback";
import { CheckboxField } from "./fields";
import { can } from "./permissions";
import { useUpdatePractice } from "./practice-mutations";
import type { Practice } from "./practice-queries";
import { Section } from "./section";

function Explanation() {
  return (
    <>
      <p>
        Members who sign in with a password will have to set up an authenticator app at their next sign-in
        before they can open anything else. Members who already use two-factor notice no change.
      </p>
      <p className="mt-2">
        Members who sign in with Google or Microsoft are not asked for a second code here: they rely on that
        provider’s own multi-factor authentication, so make sure it is turned on for their accounts.
      </p>
    </>
  );
}

/** Owner only: whether every member must use two-factor authentication. */
export function TwoFactorRequirement({ practice }: { practice: Practice }) {
  const update = useUpdatePractice(practice.id);
  const [required, setRequired] = useState(practice.requireTwoFactor);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const me = useMe();
  const ownAccountLacksTwoFactor = me.data?.user.hasPassword === true && !me.data.user.twoFactorEnabled;
  const status = practice.requireTwoFactor ? (
    <Badge tone="positive">Required</Badge>
  ) : (
    <Badge tone="neutral">Not required</Badge>
  );

  if (!can(practice.role, "security.manage")) {
    return (
      <Section
        id="two-factor"
        title="Two-factor authentication"
        aside={status}
        description={
          practice.requireTwoFactor
            ? "The Owner requires every member of this practice to use two-factor authentication."
            : "The Owner has not required two-factor authentication for this practice. You can still turn it on for your own account."
        }
      />
    );
  }

  return (
    <Section id="two-factor" title="Two-factor authentication" aside={status}>
      <form
        aria-label="Two-factor requirement"
        className="flex flex-col gap-5"
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(undefined);
          update.mutate(
            { requireTwoFactor: required },
            {
              onSuccess: (p) =>
                setSaved(
                  p.requireTwoFactor ? "Two-factor is now required." : "Two-factor is no longer required.",
                ),
            },
          );
        }}
      >
        <CheckboxField
          label="Require two-factor authentication for every member"
          checked={required}
          onChange={(event) => setRequired(event.target.checked)}
          hint={<Explanation />}
        />
        {required && ownAccountLacksTwoFactor ? (
          <Alert tone="info" live="none">
            That includes you: your own account does not use two-factor yet, so you would be asked to set it
            up at your next sign-in. <TextLink to={ENROLMENT_PAGE}>Turn it on now</TextLink>.
          </Alert>
        ) : null}
        <ErrorNotice error={update.error} />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton
            pending={update.isPending}
            pendingLabel="Saving…"
            disabled={required === practice.requireTwoFactor}
          >
            Save requirement
          </SubmitButton>
          <StatusMessage message={saved} />
        </div>
      </form>
    </Section>
  );
}
