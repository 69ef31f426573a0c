import { type ReactNode, useRef, useState } from "react";
import { Button } from "../../ui/button";
import { ConfirmDialog } from "./confirm-dialog";
import { EmptyState, ErrorNotice, LoadingState } from "./feedback";
import { formatDay } from "./format-time";
import { ROLE_LABELS } from "./permissions";
import { useResendInvitation, useRevokeInvitation } from "./practice-mutations";
import { type Invitation, type Practice, useInvitations } from "./practice-queries";

type Props = { practice: Practice; onChanged: (message: string) => void };

function ResendButton({ invitation, practice, onChanged }: Props & { invitation: Invitation }) {
  const resend = useResendInvitation(practice.id);
  return (
    <div className="flex flex-col items-end gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={resend.isPending}
        onClick={() =>
          resend.mutate(invitation.id, {
            onSuccess: () =>
              onChanged(`A new link was sent to ${invitation.email}; the old one no longer works.`),
          })
        }
      >
        {resend.isPending ? "Sending…" : "Re-send"}
        <span className="sr-only"> the invitation to {invitation.email}</span>
      </Button>
      <ErrorNotice error={resend.error} />
    </div>
  );
}

/** Invitations not yet accepted, with what can still be done about each. */
export function InvitationsTable({ practice, onChanged }: Props) {
  const invitations = useInvitations(practice.id);
  const revoke = useRevokeInvitation(practice.id);
  const [revoking, setRevoking] = useState<Invitation | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);

  let content: ReactNode;
  if (invitations.isPending) content = <LoadingState label="Loading invitations…" />;
  else if (invitations.isError) content = <ErrorNotice error={invitations.error} />;
  else if (invitations.data.length === 0) {
    content = (
      <EmptyState title="No pending invitations.">
        Invite someone with the form below; their invitation waits here until they accept it.
      </EmptyState>
    );
  } else {
    content = (
      <div className="relative -mx-6 overflow-x-auto px-6">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Pending invitations to {practice.name}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <th scope="col" className="pr-4 pb-3">
                Email
              </th>
              <th scope="col" className="pr-4 pb-3">
                Role
              </th>
              <th scope="col" className="pr-4 pb-3">
                Invited by
              </th>
              <th scope="col" className="pr-4 pb-3">
                Expires
              </th>
              <th scope="col" className="pb-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {invitations.data.map((invitation) => (
              <tr key={invitation.id} className="align-top">
                <th scope="row" className="py-4 pr-4 text-left font-medium break-all text-slate-900">
                  {invitation.email}
                </th>
                <td className="py-4 pr-4 text-slate-800">{ROLE_LABELS[invitation.role]}</td>
                <td className="py-4 pr-4 break-all text-slate-700">{invitation.invitedByEmail ?? "—"}</td>
                <td className="py-4 pr-4 whitespace-nowrap text-slate-700">
                  <time dateTime={invitation.expiresAt}>
                    {formatDay(invitation.expiresAt, practice.timeZone)}
                  </time>
                </td>
                <td className="py-4">
                  <div className="flex items-start justify-end gap-2">
                    <ResendButton invitation={invitation} practice={practice} onChanged={onChanged} />
                    <Button
                      variant="ghost"
                      size="sm"
                      onClick={() => {
                        revoke.reset();
                        setRevoking(invitation);
                      }}
                    >
                      Revoke<span className="sr-only"> the invitation to {invitation.email}</span>
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    // Focus lands here when a revoked row disappears, instead of falling back to the page.
    <div ref={container} tabIndex={-1} className="focus:outline-none">
      {content}
      <ConfirmDialog
        open={revoking !== undefined}
        title={`Revoke the invitation to ${revoking?.email ?? "this address"}?`}
        confirmLabel="Revoke invitation"
        destructive
        pending={revoke.isPending}
        error={revoke.error}
        onCancel={() => setRevoking(undefined)}
        onClosed={() => {
          if (refocus.current) container.current?.focus();
          refocus.current = false;
        }}
        onConfirm={() => {
          if (!revoking) return;
          revoke.mutate(revoking.id, {
            onSuccess: () => {
              onChanged(`The invitation to ${revoking.email} was revoked; its link no longer works.`);
              refocus.current = true;
              setRevoking(undefined);
            },
          });
        }}
      >
        <p>The link in their email stops working at once. You can invite the same address again later.</p>
      </ConfirmDialog>
    </div>
  );
}
