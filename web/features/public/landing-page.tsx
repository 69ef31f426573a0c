import { LandingHero } from "./landing-hero";
import { ClosingCallToAction, PrivacySection } from "./landing-privacy";
import { AudiencesSection, DifferentiatorsSection, QuestionsSection } from "./landing-sections";

/** The public front page: what TherapyLedger does, for whom, and what it will never hold. */
export function LandingPage() {
  return (
    <>
      <title>TherapyLedger · The financial back office for therapists in private practice</title>
      <LandingHero />
      <QuestionsSection />
      <AudiencesSection />
      <DifferentiatorsSection />
      <PrivacySection />
      <ClosingCallToAction />
    </>
  );
}
