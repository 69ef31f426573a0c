import { Link } from "react-router";
import { ENROLMENT_PAGE } from "../../app/signed-in-layout";
import { useMe } from "../../app/use-session";
import { Card } from "../../ui/card";
import { cx } from "../../ui/cx";
import { ArrowRightIcon, CheckIcon } from "../../ui/icons";
import { can } from "./permissions";
import { type Practice, useMembers } from "./practice-queries";

type Step = { title: string; text: string; to: string; action: string; done: boolean };

function useSteps(practice: Practice): Step[] {
  const base = `/practices/${practice.id}`;
  const manages = can(practice.role, "invitations.manage");
  const members = useMembers(practice.id, can(practice.role, "members.read"));
  const me = useMe();
  const steps: Step[] = [];
  if (manages) {
    steps.push({
      title: "Invite your team",
      text: "Admins help manage the practice; Users enter and categorize transactions and read reports. Each person gets an email link that works for 7 days.",
      to: `${base}/members#invite`,
      action: "Invite people",
      done: (members.data?.length ?? 0) > 1,
    });
  }
  steps.push({
    title: can(practice.role, "settings.manage")
      ? "Check the practice settings"
      : "Review the practice settings",
    text: "The practice’s name, and its time zone, which decides the day each transaction and tax deadline falls on.",
    to: `${base}/settings`,
    action: "Open settings",
    done: false,
  });
  const user = me.data?.user;
  // Someone who signs in with Google or Microsoft relies on that provider's second factor.
  if (user?.hasPassword) {
    steps.push({
      title: user.twoFactorEnabled ? "Two-factor sign-in is on" : "Protect your own sign-in",
      text: user.twoFactorEnabled
        ? "Your account asks for a code from your authenticator app as well as your password."
        : "Add a code from an authenticator app to your password, so a leaked password alone cannot open the books.",
      to: ENROLMENT_PAGE,
      action: user.twoFactorEnabled ? "Manage two-factor" : "Turn on two-factor",
      done: user.twoFactorEnabled,
    });
  }
  if (can(practice.role, "security.manage")) {
    steps.push({
      title: "Decide on two-factor sign-in for everyone",
      text: "Require every member who signs in with a password to use an authenticator app as well.",
      to: `${base}/settings#two-factor`,
      action: practice.requireTwoFactor ? "Review the requirement" : "Set the requirement",
      done: practice.requireTwoFactor,
    });
  }
  if (!manages) {
    steps.push({
      title: "Need a different role?",
      text: "The Owner and Admins manage members and roles. Ask one of them if you need to manage members, accounts or settings.",
      to: base,
      action: "",
      done: false,
    });
  }
  return steps;
}

/** A short, honest checklist for a practice that has just started. */
export function NextSteps({ practice }: { practice: Practice }) {
  const steps = useSteps(practice);
  return (
    <Card as="section" aria-labelledby="next-steps-heading" className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h2 id="next-steps-heading" className="text-lg font-semibold tracking-tight text-slate-900">
          Next steps
        </h2>
        <p className="text-sm text-slate-600">
          Setting up the practice and your own sign-in, one step at a time.
        </p>
      </div>
      <ol
        className={cx("grid gap-4 sm:grid-cols-2", steps.length >= 4 ? "xl:grid-cols-4" : "lg:grid-cols-3")}
      >
        {steps.map((step, index) => (
          <li
            key={step.title}
            className={cx(
              "flex flex-col gap-3 rounded-xl border p-5",
              step.done ? "border-teal-200 bg-teal-50/50" : "border-slate-200 bg-slate-50/60",
            )}
          >
            <span
              aria-hidden="true"
              className={cx(
                "inline-flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold",
                step.done ? "bg-teal-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-300",
              )}
            >
              {step.done ? <CheckIcon className="size-4" /> : index + 1}
            </span>
            <h3 className="font-semibold text-slate-900">
              {step.title}
              {step.done ? <span className="sr-only"> (done)</span> : null}
            </h3>
            <p className="flex-1 text-sm leading-relaxed text-slate-600">{step.text}</p>
            {step.action ? (
              <Link
                to={step.to}
                className="inline-flex items-center gap-1.5 self-start text-sm font-semibold text-teal-800 hover:text-teal-950 hover:underline hover:underline-offset-4"
              >
                {step.action}
                <ArrowRightIcon className="size-4" />
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
