import { Badge } from "../../ui/badge";
import { Card } from "../../ui/card";
import { CheckIcon, ClockIcon, MailIcon, ShieldIcon } from "../../ui/icons";
import { MailLink } from "../../ui/link";
import { CONTACT } from "./contact";
import type { SecuritySection, SecurityStatus } from "./security-content";

export function StatusBadge({ status }: { status: SecurityStatus }) {
  return status === "in place" ? (
    <Badge tone="positive">
      <CheckIcon className="size-3.5" />
      In place
    </Badge>
  ) : (
    <Badge tone="pending">
      <ClockIcon className="size-3.5" />
      Coming soon
    </Badge>
  );
}

export function SecuritySectionBlock({ section }: { section: SecuritySection }) {
  const headingId = `${section.id}-title`;
  return (
    <section id={section.id} aria-labelledby={headingId} className="scroll-mt-24">
      <h2 id={headingId} className="text-2xl font-semibold tracking-tight text-slate-900">
        {section.title}
      </h2>
      <p className="mt-2 text-slate-600">{section.summary}</p>
      <ul className="mt-6 divide-y divide-slate-200 rounded-2xl border border-slate-200 bg-white">
        {section.items.map((item) => (
          <li key={item.title} data-status={item.status} className="flex flex-col gap-2 p-5 sm:p-6">
            <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
              <h3 className="font-semibold text-slate-900">{item.title}</h3>
              <StatusBadge status={item.status} />
            </div>
            <p className="leading-relaxed text-slate-600">{item.detail}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SectionNav({ sections }: { sections: SecuritySection[] }) {
  return (
    <nav aria-label="On this page" className="lg:sticky lg:top-24">
      <h2 className="text-sm font-semibold text-slate-900">On this page</h2>
      <ul className="mt-3 flex flex-col gap-1 border-l border-slate-200">
        {[...sections, { id: "reporting", title: "Reporting a vulnerability" }].map(({ id, title }) => (
          <li key={id}>
            <a
              href={`#${id}`}
              className="-ml-px block border-l border-transparent py-1 pl-4 text-sm text-slate-600 hover:border-slate-400 hover:text-slate-900"
            >
              {title}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ReportingSection() {
  return (
    <section id="reporting" aria-labelledby="reporting-title" className="scroll-mt-24">
      <h2 id="reporting-title" className="text-2xl font-semibold tracking-tight text-slate-900">
        Reporting a vulnerability
      </h2>
      <div className="mt-6 grid gap-6 md:grid-cols-2">
        <Card>
          <h3 className="flex items-center gap-2 font-semibold text-slate-900">
            <MailIcon className="size-5 text-teal-700" />
            Tell us what you found
          </h3>
          <p className="mt-3 leading-relaxed text-slate-600">
            If you discover a security vulnerability, please report it responsibly to{" "}
            <MailLink address={CONTACT.security} />. We acknowledge every report within 48 hours and work to
            resolve confirmed vulnerabilities promptly.
          </p>
        </Card>
        <Card>
          <h3 className="flex items-center gap-2 font-semibold text-slate-900">
            <ShieldIcon className="size-5 text-teal-700" />
            If an incident happens
          </h3>
          <p className="mt-3 leading-relaxed text-slate-600">
            If a security incident affects your data, we will notify you by email within 72 hours and take
            immediate steps to contain and remediate it.
          </p>
        </Card>
      </div>
    </section>
  );
}
