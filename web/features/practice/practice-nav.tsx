import { NavLink } from "react-router";
import { Container } from "../../ui/container";
import { can, ROLE_WITH_ARTICLE } from "./permissions";
import type { Practice } from "./practice-queries";

const TAB =
  "inline-flex h-12 items-center border-b-2 border-transparent px-1 text-sm font-medium whitespace-nowrap text-slate-600 " +
  "hover:border-slate-300 hover:text-slate-900 aria-[current=page]:border-teal-700 aria-[current=page]:text-teal-800";

/**
 * The practice's sections. A link a role cannot use is not shown at all (the server refuses
 * it anyway), so a User never meets a dead end from the navigation.
 */
export function PracticeNav({ practice }: { practice: Practice }) {
  const base = `/practices/${practice.id}`;
  const links = [
    { to: base, label: "Overview", end: true, show: true },
    {
      to: `${base}/transactions`,
      label: "Transactions",
      end: false,
      show: can(practice.role, "ledger.read"),
    },
    { to: `${base}/accounts`, label: "Accounts", end: false, show: can(practice.role, "ledger.read") },
    { to: `${base}/payers`, label: "Payers", end: false, show: can(practice.role, "ledger.read") },
    { to: `${base}/categories`, label: "Categories", end: false, show: can(practice.role, "ledger.read") },
    { to: `${base}/members`, label: "Members", end: false, show: can(practice.role, "members.read") },
    { to: `${base}/settings`, label: "Settings", end: false, show: true },
  ].filter((link) => link.show);
  return (
    <div className="border-b border-slate-200 bg-white">
      <Container className="flex flex-wrap items-center justify-between gap-x-8">
        <nav aria-label="Practice" className="-mb-px overflow-x-auto">
          <ul className="flex gap-6">
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end} className={TAB}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <p className="hidden items-center gap-2 py-3 text-sm text-slate-600 sm:flex">
          <span className="max-w-[18rem] truncate font-medium text-slate-800">{practice.name}</span>
          <span aria-hidden="true">·</span>
          <span>You are {ROLE_WITH_ARTICLE[practice.role]}</span>
        </p>
      </Container>
    </div>
  );
}
