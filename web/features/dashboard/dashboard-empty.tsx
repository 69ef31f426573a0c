import { Link } from "react-router";
import { ArrowRightIcon } from "../../ui/icons";
import { can } from "../practice/permissions";
import type { Practice } from "../practice/practice-queries";

type Step = { text: string; to: string; action: string };

function stepsFor(practice: Practice): Step[] {
  const base = `/practices/${practice.id}`;
  const steps: Step[] = [];
  if (can(practice.role, "accounts.manage")) {
    steps.push({
      text: "Add the business checking account your payments land in.",
      to: `${base}/accounts`,
      action: "Add an account",
    });
  }
  if (can(practice.role, "payers.manage")) {
    steps.push({
      text: "Add who pays you: each insurer and EAP, and “Private pay” for clients who pay themselves.",
      to: `${base}/payers`,
      action: "Add payers",
    });
  }
  steps.push({
    text: "Record income and expenses; this page then shows the year so far.",
    to: `${base}/transactions`,
    action: "Record a transaction",
  });
  return steps;
}

/** A new practice's dashboard: nothing to show yet, so what to do first, in order. */
export function DashboardEmpty({ practice, year }: { practice: Practice; year: number }) {
  return (
    <div className="flex flex-col gap-4 rounded-xl border border-dashed border-slate-300 bg-slate-50/60 p-5">
      <div className="flex flex-col gap-1">
        <p className="font-medium text-slate-900">Nothing recorded for {year} yet</p>
        <p className="text-sm text-slate-600">
          Income, expenses, profit, the tax to set aside and the monthly chart appear here as soon as there
          are transactions. Start here:
        </p>
      </div>
      <ol className="flex list-decimal flex-col gap-2 pl-5 text-sm text-slate-700">
        {stepsFor(practice).map((step) => (
          <li key={step.to}>
            {step.text}{" "}
            <Link
              to={step.to}
              className="inline-flex items-center gap-1 font-semibold text-teal-800 underline decoration-teal-700/30 underline-offset-4 hover:text-teal-950"
            >
              {step.action}
              <ArrowRightIcon className="size-4" />
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
