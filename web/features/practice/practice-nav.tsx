import { useEffect, useId, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { ChevronDownIcon } from "../../ui/app-icons";
import { Container } from "../../ui/container";
import { cx } from "../../ui/cx";
import { InboxBadge } from "../inbox/inbox-badge";
import { can, type Permission, ROLE_WITH_ARTICLE } from "./permissions";
import type { Practice } from "./practice-queries";

const TAB =
  "flex h-11 items-center rounded-lg px-3 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-50 hover:text-slate-900 " +
  "aria-[current=page]:bg-teal-50 aria-[current=page]:text-teal-900 " +
  "xl:h-12 xl:rounded-none xl:border-b-2 xl:border-transparent xl:px-1 xl:hover:border-slate-300 xl:hover:bg-transparent " +
  "xl:aria-[current=page]:border-teal-700 xl:aria-[current=page]:bg-transparent xl:aria-[current=page]:text-teal-800";

type Item = { path: string; label: string; permission?: Permission; badge?: "inbox" };

/** In the order of a working day: the overview, the ledger, what it tells, then the practice itself. */
const ITEMS: Item[] = [
  { path: "", label: "Overview" },
  { path: "transactions", label: "Transactions", permission: "ledger.read" },
  { path: "inbox", label: "Inbox", permission: "ledger.read", badge: "inbox" },
  { path: "import", label: "Import", permission: "imports.manage" },
  { path: "rules", label: "Rules", permission: "rules.manage" },
  { path: "accounts", label: "Accounts", permission: "ledger.read" },
  { path: "payers", label: "Payers", permission: "ledger.read" },
  { path: "categories", label: "Categories", permission: "ledger.read" },
  { path: "reports", label: "Reports", permission: "reports.read" },
  { path: "mileage", label: "Mileage", permission: "ledger.read" },
  // The planner rests on the Owner's personal tax profile: nobody else gets the link.
  { path: "tax", label: "Tax", permission: "tax.profile" },
  { path: "members", label: "Members", permission: "members.read" },
  { path: "settings", label: "Settings" },
];

/**
 * The practice's sections. A link a role cannot use is not shown at all (the server refuses
 * it anyway), so nobody meets a dead end from the navigation. On a wide screen the links are a
 * row of tabs; on a narrow one they fold behind a button that names the current section
 * (a disclosure: Tab and Enter work as everywhere, and a change of page folds it again).
 */
export function PracticeNav({ practice }: { practice: Practice }) {
  const base = `/practices/${practice.id}`;
  const links = ITEMS.filter((item) => !item.permission || can(practice.role, item.permission)).map(
    (item) => ({
      to: item.path ? `${base}/${item.path}` : base,
      label: item.label,
      end: item.path === "",
      badge: item.badge,
    }),
  );
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: folds on every change of page
  useEffect(() => setOpen(false), [pathname]);
  const current = links.find((link) => (link.end ? pathname === link.to : pathname.startsWith(link.to)));

  return (
    <div className="border-b border-slate-200 bg-white">
      <Container className="flex items-center justify-between gap-x-6">
        <nav aria-label="Practice" className="w-full py-2 xl:w-auto xl:py-0">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={listId}
            onClick={() => setOpen((value) => !value)}
            className="flex h-11 w-full items-center justify-between gap-3 rounded-lg px-3 text-sm font-semibold text-slate-900 hover:bg-slate-50 xl:hidden"
          >
            <span>
              Sections<span className="font-normal text-slate-600"> · {current?.label ?? "Overview"}</span>
            </span>
            <ChevronDownIcon
              className={cx(
                "size-4 transition-transform motion-reduce:transition-none",
                open && "rotate-180",
              )}
            />
          </button>
          <ul
            id={listId}
            className={cx(
              open ? "grid" : "hidden",
              "grid-cols-2 gap-1 pt-2 sm:grid-cols-3 xl:-mb-px xl:flex xl:gap-4 xl:pt-0",
            )}
          >
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.end} className={TAB}>
                  {link.label}
                  {link.badge === "inbox" ? <InboxBadge practiceId={practice.id} /> : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <p className="hidden shrink-0 py-3 text-sm text-slate-600 2xl:block">
          You are {ROLE_WITH_ARTICLE[practice.role]}
        </p>
      </Container>
    </div>
  );
}
