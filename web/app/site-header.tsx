import { Link, NavLink } from "react-router";
import { buttonClasses } from "../ui/button";
import { Container } from "../ui/container";
import { cx } from "../ui/cx";
import { LogoMark } from "../ui/icons";

export function BrandLink({ className }: { className?: string }) {
  return (
    <Link to="/" className={cx("inline-flex items-center gap-2.5 rounded-lg", className)}>
      <LogoMark className="size-7 sm:size-8" />
      <span className="text-base font-semibold tracking-tight text-slate-900 sm:text-lg">TherapyLedger</span>
    </Link>
  );
}

const NAV_LINK =
  "whitespace-nowrap rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100 " +
  "hover:text-slate-900 sm:px-3 " +
  "aria-[current=page]:text-teal-800";

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      <Container className="flex h-16 items-center justify-between gap-2">
        <BrandLink />
        <nav aria-label="Main" className="flex items-center gap-1 sm:gap-2">
          <NavLink to="/security" className={cx(NAV_LINK, "hidden sm:inline-flex")}>
            Security
          </NavLink>
          <NavLink to="/sign-in" className={NAV_LINK}>
            Sign in
          </NavLink>
          <Link
            to="/sign-up"
            className={cx(buttonClasses("primary", "sm"), "ml-1 whitespace-nowrap sm:h-10 sm:px-4")}
          >
            {/* The short label keeps the header on one line on a phone. */}
            <span className="sm:hidden">Sign up</span>
            <span className="hidden sm:inline">Create account</span>
          </Link>
        </nav>
      </Container>
    </header>
  );
}
