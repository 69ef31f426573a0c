import { Container } from "../../ui/container";
import { formatCalendarDate } from "../../ui/format-date";
import { TextLink } from "../../ui/link";
import { PageHeader } from "../../ui/page-header";

/** A paragraph, or a bulleted list of short points. */
export type LegalBlock = string | { list: string[] };

export type LegalSection = { heading: string; blocks: LegalBlock[] };

export type LegalDocument = {
  title: string;
  /** The version constant from src/domain/legal.ts; it is also the effective date. */
  version: string;
  summary: string;
  sections: LegalSection[];
};

function Block({ block }: { block: LegalBlock }) {
  if (typeof block === "string") return <p>{block}</p>;
  return (
    <ul className="list-disc space-y-2 pl-6 marker:text-slate-400">
      {block.list.map((point) => (
        <li key={point}>{point}</li>
      ))}
    </ul>
  );
}

/** Terms and Privacy share one readable layout: numbered sections in a narrow column. */
export function LegalDocumentView({ document: doc }: { document: LegalDocument }) {
  return (
    <>
      <title>{`${doc.title} · TherapyLedger`}</title>
      <Container narrow className="py-14 sm:py-16">
        <PageHeader eyebrow="Legal" title={doc.title} description={<p>{doc.summary}</p>}>
          <p className="text-sm text-slate-600">
            Version <span className="font-medium text-slate-800">{doc.version}</span> · Effective{" "}
            <time dateTime={doc.version}>{formatCalendarDate(doc.version)}</time>
          </p>
        </PageHeader>
        <article className="mt-12 flex flex-col gap-10 border-t border-slate-200 pt-10">
          {doc.sections.map((section, index) => (
            <section key={section.heading} aria-labelledby={`section-${index + 1}`}>
              <h2 id={`section-${index + 1}`} className="text-xl font-semibold tracking-tight text-slate-900">
                <span className="mr-2 text-teal-700 tabular-nums">{index + 1}.</span>
                {section.heading}
              </h2>
              <div className="mt-4 flex flex-col gap-4 leading-relaxed text-slate-700">
                {section.blocks.map((block) => (
                  <Block key={typeof block === "string" ? block : block.list.join("|")} block={block} />
                ))}
              </div>
            </section>
          ))}
        </article>
        <p className="mt-14 border-t border-slate-200 pt-6 text-sm text-slate-600">
          See also the <TextLink to="/terms">Terms of Service</TextLink>, the{" "}
          <TextLink to="/privacy">Privacy Policy</TextLink> and how we handle{" "}
          <TextLink to="/security">security</TextLink>.
        </p>
      </Container>
    </>
  );
}
