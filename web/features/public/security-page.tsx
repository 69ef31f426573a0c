import { Container } from "../../ui/container";
import { formatCalendarDate } from "../../ui/format-date";
import { PageHeader } from "../../ui/page-header";
import { SECURITY_PAGE_UPDATED, SECURITY_SECTIONS } from "./security-content";
import { ReportingSection, SectionNav, SecuritySectionBlock, StatusBadge } from "./security-parts";

function countByStatus() {
  const items = SECURITY_SECTIONS.flatMap((section) => section.items);
  const inPlace = items.filter((item) => item.status === "in place").length;
  return { inPlace, planned: items.length - inPlace };
}

/** What protects your data today, and what is still being built, told plainly. */
export function SecurityPage() {
  const { inPlace, planned } = countByStatus();
  return (
    <>
      <title>Security · TherapyLedger</title>
      <div className="border-b border-slate-200 bg-gradient-to-b from-teal-50/70 to-white">
        <Container className="py-14 sm:py-16">
          <PageHeader
            eyebrow="Security"
            title="How TherapyLedger protects your data"
            description={
              <p>
                This page describes the software as it runs today. Each measure is marked{" "}
                <strong className="font-semibold text-slate-800">in place</strong> or{" "}
                <strong className="font-semibold text-slate-800">coming soon</strong>, and it changes as
                features ship.
              </p>
            }
          >
            <div className="flex flex-wrap items-center gap-x-6 gap-y-3 text-sm text-slate-600">
              <span className="inline-flex items-center gap-2">
                <StatusBadge status="in place" /> {inPlace} measures
              </span>
              <span className="inline-flex items-center gap-2">
                <StatusBadge status="planned" /> {planned} measures
              </span>
              <span>
                Last updated{" "}
                <time dateTime={SECURITY_PAGE_UPDATED}>{formatCalendarDate(SECURITY_PAGE_UPDATED)}</time>
              </span>
            </div>
          </PageHeader>
        </Container>
      </div>
      <Container className="grid gap-12 py-14 lg:grid-cols-[14rem_1fr]">
        <div className="hidden lg:block">
          <SectionNav sections={SECURITY_SECTIONS} />
        </div>
        <div className="flex min-w-0 flex-col gap-14">
          {SECURITY_SECTIONS.map((section) => (
            <SecuritySectionBlock key={section.id} section={section} />
          ))}
          <ReportingSection />
        </div>
      </Container>
    </>
  );
}
