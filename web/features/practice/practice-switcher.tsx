import { useId } from "react";
import { Link, useMatch } from "react-router";
import { ChevronDownIcon } from "../../ui/app-icons";
import { cx } from "../../ui/cx";
import { Disclosure } from "../../ui/disclosure";
import { CheckIcon } from "../../ui/icons";
import { can, ROLE_LABELS } from "./permissions";
import { type Practice, usePractices } from "./practice-queries";

const LINK =
  "flex items-center justify-between gap-3 rounded-lg px-3 py-2 text-sm text-slate-800 hover:bg-slate-100 " +
  "aria-[current=true]:bg-teal-50 aria-[current=true]:text-teal-900";

/** Where a practice's link leads: the same section of the other practice, when its role may see it. */
function sectionPathFor(practice: Practice, section: string | undefined): string {
  const base = `/practices/${practice.id}`;
  if (section === "settings") return `${base}/settings`;
  if (section === "members" && can(practice.role, "members.read")) return `${base}/members`;
  return base;
}

/**
 * The current practice (from the URL) and, behind it, a link to each of the person's practices
 * and one to start another. A disclosure of plain links rather than a menu widget: Tab and
 * Enter work as everywhere else, and Escape closes it.
 */
export function PracticeSwitcher({ align = "start" }: { align?: "start" | "end" }) {
  const match = useMatch("/practices/:practiceId/*");
  const currentId = match?.params.practiceId;
  const section = match?.params["*"]?.split("/")[0];
  const practices = usePractices();
  const headingId = useId();

  if (practices.isPending || practices.isError) return null;
  if (practices.data.length === 0) {
    return (
      <Link
        to="/onboarding"
        className="rounded-md px-2 py-2 text-sm font-medium whitespace-nowrap text-teal-800 hover:bg-slate-100"
      >
        Create a practice
      </Link>
    );
  }
  const current = practices.data.find((p) => p.id === currentId);

  return (
    // min-w-0 lets the header squeeze a long name (it is truncated) on a narrow screen.
    <nav aria-label="Practices" className="min-w-0">
      <Disclosure
        align={align}
        triggerClassName="flex h-10 w-full max-w-[16rem] min-w-0 items-center gap-2 rounded-lg border border-slate-300 bg-white px-3 text-left shadow-sm hover:border-slate-400 hover:bg-slate-50"
        panelClassName="w-72"
        trigger={
          <>
            <span className="flex min-w-0 flex-col leading-tight">
              <span className="text-[0.6875rem] font-semibold tracking-wide text-slate-500 uppercase">
                Practice
              </span>
              <span className="truncate text-sm font-semibold text-slate-900">
                {current ? current.name : "Choose a practice"}
              </span>
            </span>
            <ChevronDownIcon className="size-4 shrink-0 text-slate-500" />
          </>
        }
      >
        <p
          id={headingId}
          className="px-3 pt-1 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase"
        >
          Your practices
        </p>
        <ul aria-labelledby={headingId} className="flex max-h-80 flex-col gap-0.5 overflow-y-auto">
          {practices.data.map((practice) => (
            <li key={practice.id}>
              <Link
                to={sectionPathFor(practice, section)}
                aria-current={practice.id === currentId ? "true" : undefined}
                className={LINK}
              >
                <span className="flex min-w-0 flex-col">
                  <span className="truncate font-medium">{practice.name}</span>
                  <span className="text-xs text-slate-600">{ROLE_LABELS[practice.role]}</span>
                </span>
                {practice.id === currentId ? <CheckIcon className="size-4 shrink-0 text-teal-700" /> : null}
              </Link>
            </li>
          ))}
        </ul>
        <div className="mt-2 border-t border-slate-200 pt-2">
          <Link to="/onboarding" className={cx(LINK, "font-medium text-teal-800")}>
            New practice
          </Link>
        </div>
      </Disclosure>
    </nav>
  );
}
