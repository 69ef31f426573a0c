import { useState } from "react";
import { Container } from "../../ui/container";
import { PageHeader } from "../../ui/page-header";
import { ClosedYearsSection } from "../ledger/closed-years/closed-years-section";
import { StatusMessage } from "./feedback";
import { DeletePractice, LeavePractice, TransferOwnership } from "./ownership-sections";
import { can } from "./permissions";
import { useCurrentPractice } from "./practice-context";
import { PracticeDetailsForm } from "./practice-details-form";
import { TwoFactorRequirement } from "./two-factor-requirement";

/** The practice's settings; each part shows only what the person's role may change. */
export function SettingsPage() {
  const practice = useCurrentPractice();
  const isOwner = practice.role === "owner";
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return (
    <>
      <title>{`Settings · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <div>
          <PageHeader
            eyebrow={practice.name}
            title="Settings"
            description={
              <p>
                {can(practice.role, "settings.manage")
                  ? "The practice’s details and security, and what only its Owner can do."
                  : "The practice’s details and security, as the Owner and Admins have set them."}
              </p>
            }
          />
          <StatusMessage message={notice} className="[&:not(:empty)]:mt-6" />
        </div>
        <PracticeDetailsForm practice={practice} />
        <TwoFactorRequirement practice={practice} />
        <ClosedYearsSection practice={practice} />
        {can(practice.role, "ownership.transfer") ? (
          <TransferOwnership practice={practice} onTransferred={setNotice} />
        ) : null}
        {isOwner ? null : <LeavePractice practice={practice} />}
        {can(practice.role, "practice.delete") ? <DeletePractice practice={practice} /> : null}
      </Container>
    </>
  );
}
