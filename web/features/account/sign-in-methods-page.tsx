import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { api } from "../../api/client";
import { useMe } from "../../app/use-session";
import { Alert } from "../../ui/alert";
import { KeyIcon } from "../../ui/app-icons";
import { Badge } from "../../ui/badge";
import { Button, buttonClasses } from "../../ui/button";
import { cx } from "../../ui/cx";
import { Dialog, DialogActions } from "../../ui/dialog";
import { CheckIcon } from "../../ui/icons";
import { TextLink } from "../../ui/link";
import { describeError, requireSuccess } from "../auth/api-result";
import {
  ProviderLogo,
  SSO_PROVIDER_NAMES,
  type SsoProvider,
  ssoStartUrl,
  useSsoProviders,
} from "../auth/sso-buttons";
import { describeSsoOutcome } from "../auth/sso-messages";
import { AccountPage, SectionCard } from "./account-layout";
import { ACCOUNT_KEYS, useIdentities } from "./account-queries";
import { formatLocalDateTime } from "./format-time";
import { LoadingCard } from "./loading-card";

type Identity = NonNullable<ReturnType<typeof useIdentities>["data"]>[number];

const ROW = "flex flex-col gap-3 p-5 sm:flex-row sm:items-center sm:justify-between sm:gap-6";

function ConnectedIdentity({ identity }: { identity: Identity }) {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const name = SSO_PROVIDER_NAMES[identity.provider];
  const disconnect = useMutation({
    mutationFn: async () =>
      requireSuccess(await api.DELETE("/me/identities/{id}", { params: { path: { id: identity.id } } })),
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ACCOUNT_KEYS.identities });
    },
  });
  return (
    <li className={ROW}>
      <div className="flex min-w-0 items-center gap-4">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full border border-slate-200 bg-white">
          <ProviderLogo provider={identity.provider} />
        </span>
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            {name}
            <Badge tone="positive">
              <CheckIcon className="size-3.5" />
              Connected
            </Badge>
          </p>
          <p className="truncate text-sm text-slate-600">
            {identity.email ?? "No email shared"} · connected {formatLocalDateTime(identity.createdAt)}
          </p>
        </div>
      </div>
      <Button
        variant="secondary"
        size="sm"
        className="shrink-0 self-start sm:self-center"
        onClick={() => {
          disconnect.reset();
          setConfirming(true);
        }}
      >
        Disconnect<span className="sr-only"> {name}</span>
      </Button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Disconnect ${name}?`}
        description={`You will no longer be able to sign in with ${name}${identity.email ? ` (${identity.email})` : ""}. You can connect it again later.`}
      >
        {disconnect.isError ? <Alert tone="error">{describeError(disconnect.error)}</Alert> : null}
        <DialogActions>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Keep it
          </Button>
          <Button onClick={() => disconnect.mutate()} disabled={disconnect.isPending}>
            {disconnect.isPending ? "Disconnecting…" : `Disconnect ${name}`}
          </Button>
        </DialogActions>
      </Dialog>
    </li>
  );
}

function ConnectProvider({ provider }: { provider: SsoProvider }) {
  const name = SSO_PROVIDER_NAMES[provider];
  return (
    <li className={ROW}>
      <div className="flex min-w-0 items-center gap-4">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full border border-slate-200 bg-white">
          <ProviderLogo provider={provider} />
        </span>
        <div>
          <p className="font-medium text-slate-900">{name}</p>
          <p className="text-sm text-slate-600">Not connected</p>
        </div>
      </div>
      <a
        href={ssoStartUrl(provider, "link")}
        className={cx(buttonClasses("secondary", "sm"), "shrink-0 self-start sm:self-center")}
      >
        Connect {name}
      </a>
    </li>
  );
}

export function SignInMethodsPage() {
  const me = useMe();
  const identities = useIdentities();
  const providers = useSsoProviders();
  const [params] = useSearchParams();
  const outcome = describeSsoOutcome(params.get("sso"));

  const connected = identities.data ?? [];
  const available = (providers.data ?? []).filter(
    (p) => !connected.some((identity) => identity.provider === p),
  );

  return (
    <AccountPage
      title="Sign-in methods"
      description="The ways you can sign in to TherapyLedger. Keep at least one you can always use."
    >
      {outcome ? <Alert tone={outcome.tone}>{outcome.text}</Alert> : null}
      {!me.data || identities.isPending ? (
        <LoadingCard />
      ) : (
        <>
          <SectionCard
            title="Password"
            aside={me.data.user.hasPassword ? <Badge tone="positive">Set</Badge> : <Badge>Not set</Badge>}
            description={
              me.data.user.hasPassword
                ? "You can sign in with your email address and password."
                : "Your account has no password: you sign in with Google or Microsoft."
            }
          >
            <TextLink to="/account/password" className="inline-flex items-center gap-2 text-sm">
              <KeyIcon className="size-4" />
              {me.data.user.hasPassword ? "Change your password" : "How to add a password"}
            </TextLink>
          </SectionCard>
          <SectionCard
            title="Google and Microsoft"
            description="Sign in with a Google or Microsoft account that uses the same email, without typing a password."
          >
            {identities.isError ? <Alert tone="error">{describeError(identities.error)}</Alert> : null}
            {connected.length === 0 && available.length === 0 ? (
              <p className="text-sm text-slate-600">
                Signing in with Google or Microsoft is not set up on this server.
              </p>
            ) : (
              <ul className="-mx-6 -mb-6 divide-y divide-slate-200 border-t border-slate-200">
                {connected.map((identity) => (
                  <ConnectedIdentity key={identity.id} identity={identity} />
                ))}
                {available.map((provider) => (
                  <ConnectProvider key={provider} provider={provider} />
                ))}
              </ul>
            )}
          </SectionCard>
        </>
      )}
    </AccountPage>
  );
}
