import { useRef, useState } from "react";
import { useMe } from "../../app/use-session";
import { Badge } from "../../ui/badge";
import { Button } from "../../ui/button";
import { SubmitButton } from "../../ui/form-field";
import { ConfirmDialog } from "./confirm-dialog";
import { EmptyState, ErrorNotice, LoadingState } from "./feedback";
import { SelectField } from "./fields";
import { formatDay } from "./format-time";
import { ASSIGNABLE_ROLES, type AssignableRole, can, ROLE_LABELS } from "./permissions";
import { useChangeRole, useRemoveMember } from "./practice-mutations";
import { type Member, type Practice, useMembers } from "./practice-queries";

type RowProps = {
  member: Member;
  practice: Practice;
  isMe: boolean;
  onChanged: (message: string) => void;
  onRemove: (member: Member) => void;
};

function RoleCell({ member, practice, isMe, onChanged }: Omit<RowProps, "onRemove">) {
  const change = useChangeRole(practice.id);
  const [role, setRole] = useState<AssignableRole | undefined>(undefined);
  if (member.role === "owner") return <Badge tone="positive">Owner</Badge>;
  if (isMe || !can(practice.role, "members.manage")) {
    return <span className="font-medium text-slate-800">{ROLE_LABELS[member.role]}</span>;
  }
  const chosen = role ?? member.role;
  const dirty = chosen !== member.role;
  return (
    <form
      className="flex flex-wrap items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate(
          { userId: member.userId, role: chosen },
          {
            onSuccess: () => {
              setRole(undefined);
              onChanged(`${member.email} is now ${chosen === "admin" ? "an Admin" : "a User"}.`);
            },
          },
        );
      }}
    >
      <SelectField
        label={`Role for ${member.email}`}
        hideLabel
        value={chosen}
        onChange={(event) => setRole(event.target.value as AssignableRole)}
        className="[&_select]:h-9 [&_select]:text-sm"
      >
        {ASSIGNABLE_ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </SelectField>
      {dirty ? (
        <>
          <SubmitButton size="sm" pending={change.isPending} pendingLabel="Saving…">
            Save role
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setRole(undefined)} disabled={change.isPending}>
            Cancel
          </Button>
        </>
      ) : null}
      <ErrorNotice error={change.error} className="basis-full" />
    </form>
  );
}

function MemberRow(props: RowProps) {
  const { member, practice, isMe, onRemove } = props;
  const removable = member.role !== "owner" && !isMe && can(practice.role, "members.manage");
  return (
    <tr className="align-top">
      <th scope="row" className="py-4 pr-4 text-left font-normal">
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium break-all text-slate-900">{member.email}</span>
          {isMe ? <Badge>You</Badge> : null}
        </span>
      </th>
      <td className="py-4 pr-4">
        <RoleCell {...props} />
      </td>
      <td className="py-4 pr-4">
        {member.twoFactorEnabled ? <Badge tone="positive">On</Badge> : <Badge tone="pending">Off</Badge>}
      </td>
      <td className="py-4 pr-4 whitespace-nowrap text-slate-700">
        <time dateTime={member.joinedAt}>{formatDay(member.joinedAt, practice.timeZone)}</time>
      </td>
      <td className="py-4 text-right">
        {removable ? (
          <Button variant="secondary" size="sm" onClick={() => onRemove(member)}>
            Remove<span className="sr-only"> {member.email}</span>
          </Button>
        ) : null}
      </td>
    </tr>
  );
}

/** Everyone in the practice, their role, whether they use two-factor, and since when. */
export function MembersTable({
  practice,
  onChanged,
}: {
  practice: Practice;
  onChanged: (m: string) => void;
}) {
  const members = useMembers(practice.id);
  const me = useMe();
  const remove = useRemoveMember(practice.id);
  const [removing, setRemoving] = useState<Member | undefined>(undefined);
  const container = useRef<HTMLDivElement>(null);
  const refocus = useRef(false);

  if (members.isPending) return <LoadingState label="Loading members…" />;
  if (members.isError) return <ErrorNotice error={members.error} />;
  if (members.data.length === 0) return <EmptyState title="No members yet." />;

  return (
    // Focus lands here when a removed member's row disappears, instead of falling back to the page.
    <div ref={container} tabIndex={-1} className="focus:outline-none">
      <div className="relative -mx-6 overflow-x-auto px-6">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Members of {practice.name}</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <th scope="col" className="pr-4 pb-3">
                Email
              </th>
              <th scope="col" className="pr-4 pb-3">
                Role
              </th>
              <th scope="col" className="pr-4 pb-3">
                Two-factor
              </th>
              <th scope="col" className="pr-4 pb-3">
                Joined
              </th>
              <th scope="col" className="pb-3 text-right">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {members.data.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                practice={practice}
                isMe={member.userId === me.data?.user.id}
                onChanged={onChanged}
                onRemove={(m) => {
                  remove.reset();
                  setRemoving(m);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog
        open={removing !== undefined}
        title={`Remove ${removing?.email ?? "this member"}?`}
        confirmLabel="Remove member"
        destructive
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => setRemoving(undefined)}
        onClosed={() => {
          if (refocus.current) container.current?.focus();
          refocus.current = false;
        }}
        onConfirm={() => {
          if (!removing) return;
          remove.mutate(removing.userId, {
            onSuccess: () => {
              onChanged(`${removing.email} no longer has access to ${practice.name}.`);
              refocus.current = true;
              setRemoving(undefined);
            },
          });
        }}
      >
        <p>
          They lose access to {practice.name} at once. The practice’s data stays as it is, and you can invite
          them again later.
        </p>
      </ConfirmDialog>
    </div>
  );
}
