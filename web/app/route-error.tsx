import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { buttonClasses } from "../ui/button";
import { Container } from "../ui/container";

/**
 * Shown when a screen fails to render. It replaces the whole shell (the shell itself may be
 * what failed), so it stands alone, and it never shows the error's details to the person.
 */
export function RouteError() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main-content" className="flex min-h-dvh items-center py-20">
      <title>{notFound ? "Page not found · TherapyLedger" : "Something went wrong · TherapyLedger"}</title>
      <Container narrow className="flex flex-col items-start gap-5">
        <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">TherapyLedger</p>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900">
          {notFound ? "We could not find that page" : "Something went wrong"}
        </h1>
        <p className="text-lg text-slate-600">
          {notFound
            ? "The address may be mistyped, or the page may have moved."
            : "This page could not be shown. Reloading usually helps; your data is not affected."}
        </p>
        <Link to="/" className={buttonClasses("primary", "lg")}>
          Back to the home page
        </Link>
      </Container>
    </main>
  );
}
