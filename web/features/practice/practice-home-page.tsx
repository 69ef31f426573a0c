import type { ReactNode } from "react";
import { Link } from "react-router";
import { Badge } from "../../ui/badge";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { CheckIcon, ClockIcon, ShieldIcon, UserIcon, UsersIcon } from "../../ui/icons";
import { PageHeader } from "../../ui/page-header";
import { PracticeDashboard } from "../dashboard/dashboard";
import { NextSteps } from "./next-steps";
import { can, describeAllowedActions, ROLE_LABELS, ROLE_SUMMARIES, type RoleName } from "./permissions";
import { useCurrentPractice } from "./practice-context";
import { useMembers } from "./practice-queries";
import { splitTimeZone } from "./time-zones";

const ROLE_INTRODUCTIONS: Record<RoleName, string> = {
  owner:
    "You are the Owner of this practice: billing, security and ownership are yours, along with everything an Admin can do.",
  admin: "You are an Admin of this practice: you manage its members, invitations and settings.",
  user: "You are a User of this practice: you enter, import and categorize its transactions and read its reports.",
};

/** One fact of the overview. The icon sits inside the <dt>, because a <dl> group holds only terms and definitions. */
function Fact({ icon, term, children }: { icon: ReactNode; term: string; children: ReactNode }) {
  return (
    <div className="relative flex min-w-0 flex-col gap-1 rounded-2xl border border-slate-200 bg-white py-5 pr-5 pl-20 shadow-sm shadow-slate-900/5">
      <dt className="text-sm text-slate-600">
        <span className="absolute top-5 left-5 inline-flex size-10 items-center justify-center rounded-xl bg-teal-50 text-teal-700">
          {icon}
        </span>
        {term}
      </dt>
      <dd className="min-w-0 font-semibold text-slate-900">{children}</dd>
    </div>
  );
}

function MemberCount({ practiceId }: { practiceId: string }) {
  const members = useMembers(practiceId);
  if (members.isPending) return <span className="font-normal text-slate-500">Counting…</span>;
  if (members.isError) return <span className="font-normal text-slate-500">Not available right now</span>;
  const count = members.data.length;
  return (
    <Link
      to={`/practices/${practiceId}/members`}
      className="inline-flex items-center gap-1 text-teal-800 underline decoration-teal-700/30 underline-offset-4 hover:decoration-teal-900"
    >
      {count === 1 ? "1 member" : `${count} members`}
    </Link>
  );
}

/**
 * The practice's home: the year so far (the dashboard) first, then what to do next, the
 * practice's facts and what your role allows.
 */
export function PracticeHomePage() {
  const practice = useCurrentPractice();
  const seesMembers = can(practice.role, "members.read");
  const timeZone = splitTimeZone(practice.timeZone);
  return (
    <>
      <title>{`${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-10 py-10 sm:py-12">
        <PageHeader
          eyebrow="Practice overview"
          title={practice.name}
          description={<p>{ROLE_INTRODUCTIONS[practice.role]}</p>}
        />
        {can(practice.role, "reports.read") ? <PracticeDashboard practice={practice} /> : null}
        <NextSteps practice={practice} />
        <section aria-labelledby="facts-heading" className="flex flex-col gap-4">
          <h2 id="facts-heading" className="text-lg font-semibold tracking-tight text-slate-900">
            About this practice
          </h2>
          <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            <Fact icon={<UserIcon />} term="Your role">
              {ROLE_LABELS[practice.role]}
            </Fact>
            <Fact icon={<ClockIcon />} term="Time zone">
              {timeZone.name}
              <span className="block text-sm font-normal text-slate-600">{timeZone.note}</span>
            </Fact>
            <Fact icon={<UsersIcon />} term="Members">
              {seesMembers ? (
                <MemberCount practiceId={practice.id} />
              ) : (
                <span className="font-normal text-slate-600">Managed by the Owner and Admins</span>
              )}
            </Fact>
            <Fact icon={<ShieldIcon />} term="Two-factor sign-in">
              {practice.requireTwoFactor ? (
                <Badge tone="positive">Required for every member</Badge>
              ) : (
                <Badge tone="neutral">Not required</Badge>
              )}
            </Fact>
          </dl>
        </section>
        <Card as="section" aria-labelledby="role-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-1">
            <h2 id="role-heading" className="text-lg font-semibold tracking-tight text-slate-900">
              What you can do as {ROLE_LABELS[practice.role]}
            </h2>
            <p className="text-sm text-slate-600">{ROLE_SUMMARIES[practice.role]}</p>
          </div>
          <ul className="gap-x-8 text-sm text-slate-700 sm:columns-2 lg:columns-3">
            {describeAllowedActions(practice.role).map((action) => (
              <li key={action} className="flex break-inside-avoid gap-2.5 py-1.5">
                <CheckIcon className="mt-0.5 size-4 shrink-0 text-teal-700" />
                {action}
              </li>
            ))}
          </ul>
        </Card>
      </Container>
    </>
  );
}
