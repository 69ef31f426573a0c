import { useEffect } from "react";
import { Link, Outlet, useParams } from "react-router";
import { buttonClasses } from "../../ui/button";
import { Container } from "../../ui/container";
import { PageHeader } from "../../ui/page-header";
import { ErrorNotice, LoadingState } from "./feedback";
import { rememberPractice } from "./last-practice";
import type { PracticeContext } from "./practice-context";
import { PracticeNav } from "./practice-nav";
import { usePractices } from "./practice-queries";

function PracticeNotFound() {
  return (
    <Container narrow className="py-16 sm:py-20">
      <title>Practice not found · TherapyLedger</title>
      <PageHeader
        eyebrow="Practice"
        title="We could not find that practice"
        description={
          <p>
            It may have been deleted, or you may no longer be a member. If someone invited you, open the link
            in their invitation email to join.
          </p>
        }
      >
        <div className="mt-2 flex flex-wrap gap-3">
          <Link to="/app" className={buttonClasses("primary", "lg")}>
            Go to your practices
          </Link>
          <Link to="/onboarding" className={buttonClasses("secondary", "lg")}>
            Create a practice
          </Link>
        </div>
      </PageHeader>
    </Container>
  );
}

/**
 * Every /practices/:practiceId page: finds the practice in the person's list (a practice they
 * are not in is simply not there), remembers it as the last one used, and renders the
 * practice's navigation above the page.
 */
export function PracticeLayout() {
  const { practiceId } = useParams();
  const practices = usePractices();
  const practice = practices.data?.find((p) => p.id === practiceId);

  useEffect(() => {
    if (practice) rememberPractice(practice.id);
  }, [practice]);

  if (practices.isPending) {
    return (
      <Container>
        <LoadingState label="Loading your practice…" />
      </Container>
    );
  }
  if (practices.isError) {
    return (
      <Container narrow className="py-16">
        <title>Practice · TherapyLedger</title>
        <h1 className="mb-4 text-2xl font-semibold text-slate-900">This practice could not be loaded</h1>
        <ErrorNotice error={practices.error} />
      </Container>
    );
  }
  if (!practice) return <PracticeNotFound />;
  return (
    <>
      <PracticeNav practice={practice} />
      <Outlet context={{ practice } satisfies PracticeContext} />
    </>
  );
}
