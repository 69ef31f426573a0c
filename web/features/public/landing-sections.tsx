import type { ComponentType, SVGProps } from "react";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import {
  CalendarIcon,
  ChartIcon,
  CheckIcon,
  ReceiptIcon,
  ScaleIcon,
  UserIcon,
  UsersIcon,
} from "../../ui/icons";
import { AUDIENCES, DIFFERENTIATORS, QUESTIONS } from "./landing-content";

type IconComponent = ComponentType<SVGProps<SVGSVGElement>>;

const ICONS: Record<string, IconComponent> = {
  chart: ChartIcon,
  receipt: ReceiptIcon,
  calendar: CalendarIcon,
  scale: ScaleIcon,
  user: UserIcon,
  users: UsersIcon,
};

function SectionHeading({
  id,
  eyebrow,
  title,
  lead,
}: {
  id: string;
  eyebrow: string;
  title: string;
  lead?: string;
}) {
  return (
    <div className="max-w-2xl">
      <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">{eyebrow}</p>
      <h2 id={id} className="mt-2 text-3xl font-semibold tracking-tight text-balance text-slate-900">
        {title}
      </h2>
      {lead ? <p className="mt-4 text-lg leading-relaxed text-slate-600">{lead}</p> : null}
    </div>
  );
}

export function QuestionsSection() {
  return (
    <section aria-labelledby="questions-title" className="py-20">
      <Container>
        <SectionHeading
          id="questions-title"
          eyebrow="What it answers"
          title="The four questions every practice owner asks"
          lead="TherapyLedger keeps one ledger for your practice and turns it into answers you can act on."
        />
        <ul className="mt-12 grid gap-6 sm:grid-cols-2">
          {QUESTIONS.map(({ icon, title, body }) => {
            const Icon = ICONS[icon] ?? ChartIcon;
            return (
              <Card as="li" key={title} className="flex gap-4">
                <span className="flex size-11 shrink-0 items-center justify-center rounded-xl bg-teal-50 text-teal-700">
                  <Icon className="size-6" />
                </span>
                <div>
                  <h3 className="font-semibold text-slate-900">{title}</h3>
                  <p className="mt-2 leading-relaxed text-slate-600">{body}</p>
                </div>
              </Card>
            );
          })}
        </ul>
      </Container>
    </section>
  );
}

export function AudiencesSection() {
  return (
    <section aria-labelledby="audiences-title" className="bg-slate-50 py-20">
      <Container>
        <SectionHeading id="audiences-title" eyebrow="Who it is for" title="Built for how you practice" />
        <div className="mt-12 grid gap-6 lg:grid-cols-2">
          {AUDIENCES.map(({ icon, title, lead, points }) => {
            const Icon = ICONS[icon] ?? UserIcon;
            return (
              <Card as="article" key={title} className="p-8">
                <div className="flex items-center gap-3">
                  <Icon className="size-6 text-teal-700" />
                  <h3 className="text-xl font-semibold text-slate-900">{title}</h3>
                </div>
                <p className="mt-3 leading-relaxed text-slate-600">{lead}</p>
                <ul className="mt-6 flex flex-col gap-3">
                  {points.map((point) => (
                    <li key={point} className="flex gap-3 text-slate-700">
                      <CheckIcon className="mt-0.5 size-5 shrink-0 text-teal-700" />
                      <span>{point}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            );
          })}
        </div>
      </Container>
    </section>
  );
}

export function DifferentiatorsSection() {
  return (
    <section aria-labelledby="apart-title" className="bg-slate-900 py-20 text-white">
      <Container>
        <div className="max-w-2xl">
          <p className="text-sm font-semibold tracking-wide text-teal-300 uppercase">What sets it apart</p>
          <h2 id="apart-title" className="mt-2 text-3xl font-semibold tracking-tight text-balance">
            Answers general bookkeeping tools leave out
          </h2>
          <p className="mt-4 text-lg leading-relaxed text-slate-300">
            A therapy practice is paid by insurers, processors and people, each on their own schedule.
            TherapyLedger follows the money the way it actually moves.
          </p>
        </div>
        <ol className="mt-12 grid gap-8 md:grid-cols-3">
          {DIFFERENTIATORS.map(({ title, body }, index) => (
            <li key={title} className="border-t border-slate-700 pt-6">
              <span className="text-sm font-semibold text-teal-300 tabular-nums">0{index + 1}</span>
              <h3 className="mt-2 text-lg font-semibold">{title}</h3>
              <p className="mt-2 leading-relaxed text-slate-300">{body}</p>
            </li>
          ))}
        </ol>
      </Container>
    </section>
  );
}
