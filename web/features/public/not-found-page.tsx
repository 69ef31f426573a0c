import { Link, useLocation } from "react-router";
import { buttonClasses } from "../../ui/button";
import { Container } from "../../ui/container";
import { TextLink } from "../../ui/link";
import { PageHeader } from "../../ui/page-header";

/**
 * Any client route we do not know. The server answers 200 with the app for every page path,
 * so this page, not an HTTP status, is what tells the person the address is wrong.
 */
export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <>
      <title>Page not found · TherapyLedger</title>
      <meta name="robots" content="noindex" />
      <Container narrow className="py-20 sm:py-28">
        <PageHeader
          eyebrow="Error 404"
          title="We could not find that page"
          description={
            <p>
              There is no page at{" "}
              <code className="rounded bg-slate-100 px-1.5 py-0.5 text-base">{pathname}</code>. The address
              may be mistyped, or the page may have moved.
            </p>
          }
        >
          <div className="mt-4 flex flex-wrap items-center gap-4">
            <Link to="/" className={buttonClasses("primary", "lg")}>
              Back to the home page
            </Link>
            <TextLink to="/security">Security</TextLink>
          </div>
        </PageHeader>
      </Container>
    </>
  );
}
