import { useState } from "react";
import { Link } from "react-router";
import { buttonClasses } from "../../ui/button";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { ShieldIcon } from "../../ui/icons";
import { PageHeader } from "../../ui/page-header";
import { EventLog } from "./event-log";
import { StatusMessage } from "./feedback";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";
import { can } from "./permissions";
import { useCurrentPractice } from "./practice-context";
import type { Practice } from "./practice-queries";
import { Section } from "./section";

/**
 * What a User sees here. The page asks the API nothing for them: the answer would be a 403,
 * and the policy table already says so.
 */
function MembersRefusal({ practice }: { practice: Practice }) {
  return (
    <Container narrow className="py-12 sm:py-16">
      <title>{`Members · ${practice.name} · TherapyLedger`}</title>
      <Card className="flex flex-col items-start gap-4 p-8">
        <span className="inline-flex size-11 items-center justify-center rounded-xl bg-amber-50 text-amber-800">
          <ShieldIcon />
        </span>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
          Only Owners and Admins can manage members
        </h1>
        <p className="leading-relaxed text-slate-600">
          You are a User of {practice.name}, so the member list, invitations and the practice’s event log are
          not available to you. If you need someone added or a role changed, ask the practice’s Owner or an
          Admin.
        </p>
        <Link to={`/practices/${practice.id}`} className={buttonClasses("primary")}>
          Back to the overview
        </Link>
      </Card>
    </Container>
  );
}

/** Members, pending invitations, the invite form and the event log, for Owners and Admins. */
export function MembersPage() {
  const practice = useCurrentPractice();
  const [memberMessage, setMemberMessage] = useState<string | undefined>(undefined);
  const [invitationMessage, setInvitationMessage] = useState<string | undefined>(undefined);
  if (!can(practice.role, "members.read")) return <MembersRefusal practice={practice} />;
  const manages = can(practice.role, "invitations.manage");

  return (
    <>
      <title>{`Members · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Members"
          description={
            <p>
              Who can open this practice and what each person may do. Owners and Admins manage members; Users
              work in the ledger.
            </p>
          }
        />
        <Section title="People in this practice" aside={<StatusMessage message={memberMessage} />}>
          <MembersTable practice={practice} onChanged={setMemberMessage} />
        </Section>
        {manages ? (
          <>
            <Section
              title="Pending invitations"
              description="Each link works for 7 days. Re-sending mails a fresh link and retires the old one."
              aside={<StatusMessage message={invitationMessage} />}
            >
              <InvitationsTable practice={practice} onChanged={setInvitationMessage} />
            </Section>
            <Section
              id="invite"
              title="Invite someone"
              description="They get an email with a link to join. They sign in, or create an account, with the address you enter here."
            >
              <InviteForm practice={practice} />
            </Section>
          </>
        ) : null}
        <Section
          title="Event log"
          description={`Member and settings changes, newest first. Times are in the practice’s time zone (${practice.timeZone.replaceAll("_", " ")}).`}
        >
          <EventLog practice={practice} />
        </Section>
      </Container>
    </>
  );
}
