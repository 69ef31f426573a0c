import { SUPPORTED_TAX_YEARS } from "@domain/tax/tax-years";
import { useState } from "react";
import { Alert } from "../../ui/alert";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { TextLink } from "../../ui/link";
import { PageHeader } from "../../ui/page-header";
import { todayIn } from "../ledger/transactions/entry-defaults";
import { describeError } from "../practice/api-result";
import { EmptyState, ErrorNotice, LoadingState } from "../practice/feedback";
import { SelectField } from "../practice/fields";
import { can } from "../practice/permissions";
import { useCurrentPractice } from "../practice/practice-context";
import type { Practice } from "../practice/practice-queries";
import { Section } from "../practice/section";
import { TaxPlanView } from "./tax-plan-view";
import { TaxProfileForm } from "./tax-profile-form";
import { useTaxPlan, useTaxProfile } from "./tax-queries";

/** Anyone but the Owner: the planner rests on the Owner's personal figures, so it is theirs alone. */
function OwnerOnly({ practice }: { practice: Practice }) {
  return (
    <Container narrow className="flex flex-col gap-6 py-16 sm:py-20">
      <title>{`Tax planner · ${practice.name} · TherapyLedger`}</title>
      <PageHeader
        eyebrow="Tax planner"
        title="Only the Owner can use the tax planner"
        description={
          <p>
            The planner works from the Owner’s personal tax profile — filing status, wages, other income — so
            only the Owner of {practice.name} sees and edits it. The practice’s figures are open to you on the{" "}
            <TextLink to={`/practices/${practice.id}/reports`}>Reports page</TextLink>.
          </p>
        }
      />
    </Container>
  );
}

function PlanFor({ practice, year }: { practice: Practice; year: number }) {
  const profile = useTaxProfile(practice.id, year);
  const hasProfile = profile.data != null;
  const plan = useTaxPlan(practice.id, year, hasProfile);
  if (profile.isPending) return <LoadingState label={`Loading your ${year} profile…`} />;
  // A year the planner has no figures for is refused (422) with a message naming the years it has.
  if (profile.isError) {
    return (
      <Alert tone="error" title={`The planner cannot plan ${year}`}>
        {describeError(profile.error)}
      </Alert>
    );
  }
  const form = (
    <Section
      title={`Your ${year} tax profile`}
      description="What the ledger cannot know: your filing status, income besides the practice, and last year’s tax. Only you see it."
    >
      <TaxProfileForm key={year} practiceId={practice.id} year={year} profile={profile.data} />
    </Section>
  );
  if (!hasProfile) {
    return (
      <>
        <EmptyState title={`No plan for ${year} yet`}>
          Fill in your tax profile below and save it: the plan then shows the tax on the practice’s profit,
          the four due dates and what to pay next.
        </EmptyState>
        {form}
      </>
    );
  }
  return (
    <>
      {plan.isPending ? <LoadingState label={`Working out your ${year} plan…`} /> : null}
      {plan.isError ? <ErrorNotice error={plan.error} /> : null}
      {plan.data ? <TaxPlanView practiceId={practice.id} plan={plan.data} /> : null}
      {form}
    </>
  );
}

/**
 * /practices/:practiceId/tax — quarterly federal estimated tax for a sole proprietor or a
 * single-member LLC, from the ledger's profit and the Owner's own profile. The Owner's alone.
 */
export function TaxPage() {
  const practice = useCurrentPractice();
  const currentYear = Number(todayIn(practice.timeZone).slice(0, 4));
  const [year, setYear] = useState(currentYear);
  if (!can(practice.role, "tax.profile")) return <OwnerOnly practice={practice} />;
  const years = [...new Set([currentYear + 1, currentYear, currentYear - 1, ...SUPPORTED_TAX_YEARS])].sort(
    (a, b) => b - a,
  );
  return (
    <>
      <title>{`Tax planner · ${practice.name} · TherapyLedger`}</title>
      <Container className="flex flex-col gap-8 py-10 sm:py-12">
        <PageHeader
          eyebrow={practice.name}
          title="Tax planner"
          description={
            <p>
              What you will owe for the year, and when to pay it: self-employment and income tax on the
              practice’s profit, the safe harbor and the four quarterly due dates.
            </p>
          }
        >
          <Alert tone="info" live="none" className="max-w-3xl">
            For a sole proprietor or a single-member LLC taxed as one. S corporations are not covered: their
            owners are paid wages and the business files its own return, which this planner does not model.
          </Alert>
        </PageHeader>
        <Card className="flex flex-wrap items-end gap-4">
          <SelectField
            label="Tax year"
            value={year}
            onChange={(event) => setYear(Number(event.target.value))}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <p className="pb-2 text-sm text-slate-600">
            The planner has the IRS and SSA figures for {SUPPORTED_TAX_YEARS.join(" and ")}.
          </p>
        </Card>
        <PlanFor practice={practice} year={year} />
      </Container>
    </>
  );
}
