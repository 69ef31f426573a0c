import { type ComponentType, type ReactNode, type SVGProps, useId } from "react";
import { NavLink, Outlet } from "react-router";
import { useMe } from "../../app/use-session";
import { DeviceIcon, KeyIcon, ListIcon, TrashIcon } from "../../ui/app-icons";
import { Container } from "../../ui/container";
import { cx } from "../../ui/cx";
import { LinkIcon, ShieldIcon, UserIcon } from "../../ui/icons";

type AccountSection = {
  to: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  end?: boolean;
};

export const ACCOUNT_SECTIONS: AccountSection[] = [
  { to: "/account", label: "Overview", icon: UserIcon, end: true },
  { to: "/account/two-factor", label: "Two-factor authentication", icon: ShieldIcon },
  { to: "/account/password", label: "Password", icon: KeyIcon },
  { to: "/account/sign-in-methods", label: "Sign-in methods", icon: LinkIcon },
  { to: "/account/sessions", label: "Signed-in devices", icon: DeviceIcon },
  { to: "/account/security-events", label: "Security activity", icon: ListIcon },
  { to: "/account/delete", label: "Delete account", icon: TrashIcon },
];

const NAV_LINK =
  "flex items-center gap-3 whitespace-nowrap rounded-lg px-3 py-2 text-sm font-medium text-slate-700 " +
  "hover:bg-white hover:text-slate-900 aria-[current=page]:bg-white aria-[current=page]:text-teal-800 " +
  "aria-[current=page]:shadow-sm aria-[current=page]:ring-1 aria-[current=page]:ring-slate-200";

function AccountNav() {
  return (
    <nav aria-label="Account settings" className="min-w-0 lg:sticky lg:top-24">
      <p className="mb-3 hidden px-3 text-xs font-semibold tracking-wide text-slate-500 uppercase lg:block">
        Account settings
      </p>
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 lg:mx-0 lg:flex-col lg:overflow-visible lg:px-0">
        {ACCOUNT_SECTIONS.map(({ to, label, icon: Icon, end = false }) => (
          <li key={to} className="shrink-0">
            <NavLink to={to} end={end} className={NAV_LINK}>
              <Icon className="size-4 shrink-0 text-slate-500" />
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Every /account page: the list of sections beside the page (above it on a phone). A session
 * limited to turning on two-factor sees the page alone, since no other section is open to it.
 */
export function AccountLayout() {
  const me = useMe();
  const restricted = me.data?.session.state === "enrol_mfa";
  return (
    <Container className="py-8 sm:py-12">
      <div className={cx("grid gap-8", !restricted && "lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-12")}>
        {restricted ? null : <AccountNav />}
        <div className="min-w-0">
          <Outlet />
        </div>
      </div>
    </Container>
  );
}

type AccountPageProps = {
  title: string;
  description?: ReactNode;
  children: ReactNode;
};

/** The heading of one account page, with its document title. */
export function AccountPage({ title, description, children }: AccountPageProps) {
  return (
    <div className="max-w-3xl">
      <title>{`${title} · Account · TherapyLedger`}</title>
      <header>
        <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">Account</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
        {description ? (
          <div className="mt-2 max-w-2xl leading-relaxed text-slate-600">{description}</div>
        ) : null}
      </header>
      <div className="mt-8 flex flex-col gap-6">{children}</div>
    </div>
  );
}

type SectionCardProps = {
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  /** Beside the title: a status badge. */
  aside?: ReactNode;
  tone?: "default" | "danger";
  className?: string;
};

/** A titled white card: one thing a person can look at or change. */
export function SectionCard({
  title,
  description,
  children,
  aside,
  tone = "default",
  className,
}: SectionCardProps) {
  const titleId = useId();
  return (
    <section
      aria-labelledby={titleId}
      className={cx(
        "rounded-2xl border bg-white p-6 shadow-sm shadow-slate-900/5",
        tone === "danger" ? "border-red-200" : "border-slate-200",
        className,
      )}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <h2
          id={titleId}
          className={cx(
            "text-lg font-semibold tracking-tight",
            tone === "danger" ? "text-red-800" : "text-slate-900",
          )}
        >
          {title}
        </h2>
        {aside}
      </div>
      {description ? (
        <div className="mt-1.5 text-sm leading-relaxed text-slate-600">{description}</div>
      ) : null}
      {children ? <div className="mt-5">{children}</div> : null}
    </section>
  );
}
