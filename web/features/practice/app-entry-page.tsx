import { Navigate } from "react-router";
import { Container } from "../../ui/container";
import { ErrorNotice, LoadingState } from "./feedback";
import { findLastPracticeId } from "./last-practice";
import { usePractices } from "./practice-queries";

/**
 * /app, where signing in lands: someone with no practice yet starts one; anyone else goes back
 * to the practice they last used in this browser, or their first.
 */
export function AppEntryPage() {
  const practices = usePractices();
  if (practices.isPending) {
    return (
      <Container>
        <title>Opening your practice · TherapyLedger</title>
        <LoadingState label="Opening your practice…" />
      </Container>
    );
  }
  if (practices.isError) {
    return (
      <Container narrow className="py-16">
        <title>Your practices · TherapyLedger</title>
        <h1 className="mb-4 text-2xl font-semibold text-slate-900">Your practices could not be loaded</h1>
        <ErrorNotice error={practices.error} />
      </Container>
    );
  }
  const lastId = findLastPracticeId();
  const target = practices.data.find((p) => p.id === lastId) ?? practices.data[0];
  if (!target) return <Navigate to="/onboarding" replace />;
  return <Navigate to={`/practices/${target.id}`} replace />;
}
