import { type ComponentType, type ReactNode, useContext, useEffect, useRef } from "react";
import {
  Link,
  Navigate,
  Outlet,
  ScrollRestoration,
  UNSAFE_RouteContext,
  useLocation,
  useMatches,
} from "react-router";
import { ApiRequestError } from "../api/client";
import { ConsentPrompt } from "../features/account/consent-prompt";
import { UserMenu } from "../features/account/user-menu";
import { PracticeSwitcher } from "../features/practice/practice-switcher";
import { Alert } from "../ui/alert";
import { SpinnerIcon } from "../ui/app-icons";
import { Button } from "../ui/button";
import { Container } from "../ui/container";
import { cx } from "../ui/cx";
import { LogoMark } from "../ui/icons";
import { MAIN_CONTENT_ID, SkipLink } from "./app-shell";
import { SiteFooter } from "./site-footer";
import { type Me, useMe } from "./use-session";

/** The one page a session limited to two-factor enrolment may use. */
export const ENROLMENT_PAGE = "/account/two-factor";

/**
 * What a route below the layout may put in the header's navigation slot:
 * `{ path: "…", element: <Page />, handle: { nav: PracticeTabs } satisfies SignedInRouteHandle }`.
 * The deepest route that names one wins.
 */
export type SignedInRouteHandle = { nav?: ComponentType };

function useNavFromRoutes(): ComponentType | undefined {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i -= 1) {
    const nav = (matches[i]?.handle as SignedInRouteHandle | undefined)?.nav;
    if (nav) return nav;
  }
  return undefined;
}

/**
 * Whether the router nests this layout inside the public AppShell (which already draws the
 * skip link, <main> and footer) or gives it a branch of its own, where it draws them itself.
 */
function useIsInsideAppShell(): boolean {
  return useContext(UNSAFE_RouteContext).matches.length > 1;
}

/** As in AppShell: after a client-side navigation, focus <main> so a screen reader hears the new page. */
function useFocusMainOnNavigation(enabled: boolean) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (!enabled || previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: true });
  }, [enabled, pathname]);
}

type Mode = "full" | "enrolment" | "consent";

function SignedInHeader({ me, mode, sticky }: { me: Me | undefined; mode: Mode; sticky: boolean }) {
  const Nav = useNavFromRoutes();
  return (
    <header
      className={cx(
        "z-40 border-b border-slate-200/80 bg-white/95",
        sticky && "sticky top-0 backdrop-blur supports-[backdrop-filter]:bg-white/80",
      )}
    >
      <Container className="flex h-16 items-center gap-3 sm:gap-5">
        <Link
          to={mode === "full" ? "/app" : "/"}
          className="inline-flex shrink-0 items-center gap-2.5 rounded-lg"
        >
          <LogoMark className="size-7 sm:size-8" />
          <span className="hidden text-lg font-semibold tracking-tight text-slate-900 md:inline">
            TherapyLedger
          </span>
          <span className="sr-only md:hidden">TherapyLedger</span>
        </Link>
        {me && mode === "full" ? (
          <>
            <span aria-hidden="true" className="hidden h-6 w-px bg-slate-200 sm:block" />
            <PracticeSwitcher />
            <div className="flex min-w-0 flex-1 items-center">{Nav ? <Nav /> : null}</div>
          </>
        ) : (
          <div className="flex-1" />
        )}
        {me ? <UserMenu user={me.user} accountLink={mode !== "enrolment"} /> : null}
      </Container>
    </header>
  );
}

function QuietLoading() {
  return (
    <Container className="flex justify-center py-24">
      <p role="status" className="flex items-center gap-3 text-sm text-slate-500">
        <SpinnerIcon className="size-5 text-teal-700" />
        Loading your account…
      </p>
    </Container>
  );
}

function LoadFailure({ onRetry }: { onRetry: () => void }) {
  return (
    <Container narrow className="py-16">
      <title>Something went wrong · TherapyLedger</title>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Your account could not be loaded
      </h1>
      <Alert tone="error" className="mt-5" live="none">
        Something went wrong on our side or on the way. Your data is safe.
      </Alert>
      <Button className="mt-6" onClick={onRetry}>
        Try again
      </Button>
    </Container>
  );
}

function EnrolmentBanner() {
  return (
    <Container className="pt-8">
      <Alert tone="warning" title="Your practice requires two-factor authentication" live="none">
        A practice you belong to asks every member who signs in with a password to use two-factor
        authentication. Turn it on below to continue; until then, this is the only page you can use.
      </Alert>
    </Container>
  );
}

/**
 * Every page for a signed-in person. It asks who is signed in and then: sends a visitor who is
 * not to sign in (and back here afterwards), one who still owes a second factor to that step,
 * and one whose practice requires two-factor to turn it on; holds everything behind the updated
 * Terms when they have not been accepted; and otherwise draws the signed-in header.
 */
export function SignedInLayout() {
  const me = useMe();
  const location = useLocation();
  const insideShell = useIsInsideAppShell();
  useFocusMainOnNavigation(!insideShell);
  const here = `${location.pathname}${location.search}`;

  let mode: Mode = "full";
  let body: ReactNode;
  if (me.isPending) {
    body = <QuietLoading />;
  } else if (me.isError) {
    const error = me.error;
    if (error instanceof ApiRequestError && error.status === 401) {
      return <Navigate to={`/sign-in?next=${encodeURIComponent(here)}`} replace />;
    }
    if (error instanceof ApiRequestError && error.code === "mfa_required") {
      return <Navigate to={`/sign-in/two-factor?next=${encodeURIComponent(here)}`} replace />;
    }
    body = <LoadFailure onRetry={() => void me.refetch()} />;
  } else if (me.data.session.state === "enrol_mfa") {
    if (location.pathname !== ENROLMENT_PAGE) return <Navigate to={ENROLMENT_PAGE} replace />;
    mode = "enrolment";
    body = <Outlet />;
  } else if (!me.data.consent.current) {
    mode = "consent";
    body = <ConsentPrompt consent={me.data.consent} />;
  } else {
    body = <Outlet />;
  }
  // The same two slots in every state, so the page stays mounted when the session's state
  // changes under it (turning on two-factor lifts the enrolment limit while the backup codes
  // are still on screen).
  const content = (
    <>
      {mode === "enrolment" ? <EnrolmentBanner /> : null}
      {body}
    </>
  );

  const header = <SignedInHeader me={me.data} mode={mode} sticky={!insideShell} />;
  if (insideShell) {
    return (
      <div className="flex min-h-full flex-col">
        {header}
        <div className="flex-1">{content}</div>
      </div>
    );
  }
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50/60">
      <SkipLink />
      {header}
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 focus:outline-none">
        {content}
      </main>
      <SiteFooter />
      <ScrollRestoration />
    </div>
  );
}
