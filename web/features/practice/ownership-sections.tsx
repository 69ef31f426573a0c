import { useState } from "react";
import { SpinnerIcon } from "../../ui/app-icons";
import { Button } from "../../ui/button";
import { dangerButtonClasses } from "../../ui/danger-button";
import { Input } from "../../ui/input";
import { ConfirmDialog } from "./confirm-dialog";
import { EmptyState, ErrorNotice, LoadingState } from "./feedback";
import { SelectField } from "./fields";
import { ROLE_LABELS } from "./permissions";
import { useDeletePractice, useLeavePractice, useTransferOwnership } from "./practice-mutations";
import { type Practice, useMembers } from "./practice-queries";
import { Section } from "./section";

/** Owner only: hand the practice to another member, who becomes Owner; you become an Admin. */
export function TransferOwnership({
  practice,
  onTransferred,
}: {
  practice: Practice;
  onTransferred: (m: string) => void;
}) {
  const members = useMembers(practice.id);
  const transfer = useTransferOwnership(practice.id);
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const candidates = members.data?.filter((m) => m.role !== "owner") ?? [];
  const chosen = candidates.find((m) => m.userId === userId);

  return (
    <Section
      title="Transfer ownership"
      description="The new Owner takes over billing, security and deleting the practice. You stay on as an Admin."
    >
      {members.isPending ? <LoadingState label="Loading members…" /> : null}
      <ErrorNotice error={members.error} />
      {members.isSuccess && candidates.length === 0 ? (
        <EmptyState title="There is no one to transfer to yet.">
          Invite the person first from the Members page; once they have joined, choose them here.
        </EmptyState>
      ) : null}
      {candidates.length > 0 ? (
        <form
          aria-label="Transfer ownership"
          className="flex flex-wrap items-end gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (!chosen) return;
            transfer.reset();
            setConfirming(true);
          }}
        >
          <SelectField
            label="New Owner"
            value={userId}
            onChange={(event) => setUserId(event.target.value)}
            className="min-w-[16rem] flex-1"
          >
            <option value="">Choose a member…</option>
            {candidates.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.email} ({ROLE_LABELS[m.role]})
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" disabled={!chosen}>
            Transfer ownership…
          </Button>
        </form>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={`Make ${chosen?.email ?? "this member"} the Owner?`}
        confirmLabel="Transfer ownership"
        pending={transfer.isPending}
        error={transfer.error}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          if (!chosen) return;
          try {
            await transfer.mutateAsync(chosen.userId);
          } catch {
            return; // the dialog shows transfer.error
          }
          // Told by the page: this section is gone once the list says you are an Admin.
          setConfirming(false);
          onTransferred(`${chosen.email} is now the Owner of ${practice.name}. You are an Admin.`);
        }}
      >
        <p>
          {chosen?.email} becomes the only Owner of {practice.name}. You become an Admin and can no longer
          change billing, the two-factor requirement or delete the practice. Only the new Owner can give
          ownership back.
        </p>
      </ConfirmDialog>
    </Section>
  );
}

/** Anyone but the Owner may leave; the Owner transfers ownership first. */
export function LeavePractice({ practice }: { practice: Practice }) {
  const leave = useLeavePractice(practice.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <Section
      title="Leave this practice"
      tone="danger"
      description="You lose access to its ledger and reports at once. To come back, someone must invite you again."
    >
      <div>
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Leave practice…
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Leave ${practice.name}?`}
        confirmLabel="Leave practice"
        destructive
        pending={leave.isPending}
        error={leave.error}
        onCancel={() => setConfirming(false)}
        onConfirm={() => leave.mutate()}
      >
        <p>
          You will no longer see {practice.name}. Its data stays with the practice; nothing you entered is
          deleted.
        </p>
      </ConfirmDialog>
    </Section>
  );
}

/** Owner only: delete the practice and everything in it, after typing its name. */
export function DeletePractice({ practice }: { practice: Practice }) {
  const remove = useDeletePractice(practice.id);
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === practice.name.trim();
  return (
    <Section
      title="Delete this practice"
      tone="danger"
      description={
        <p>
          Deletes <strong className="font-semibold text-slate-800">{practice.name}</strong> and all of its
          data permanently, at once: its ledger, accounts, imports, rules, reports, members and invitations.
          It cannot be undone. Export anything you need first.
        </p>
      }
    >
      <form
        aria-label="Delete practice"
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (!matches || remove.isPending) return;
          remove.mutate(typed);
        }}
      >
        <Input
          label={`Type “${practice.name}” to confirm`}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="max-w-md"
        />
        <ErrorNotice error={remove.error} />
        <div>
          <button
            type="submit"
            disabled={!matches}
            aria-disabled={remove.isPending || undefined}
            className={dangerButtonClasses()}
          >
            {remove.isPending ? <SpinnerIcon /> : null}
            {remove.isPending ? "Deleting…" : "Delete practice permanently"}
          </button>
        </div>
      </form>
    </Section>
  );
}
