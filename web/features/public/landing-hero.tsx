import { Link } from "react-router";
import { buttonClasses } from "../../ui/button";
import { Container } from "../../ui/container";
import { ArrowRightIcon, CheckIcon } from "../../ui/icons";

type SampleRow = { payer: string; expected: string; received: string; gap?: string };

// Invented payers and figures: the hero shows the idea, not anyone's data.
const SAMPLE_ROWS: SampleRow[] = [
  { payer: "Summit Health Plan", expected: "$12,480", received: "$12,480" },
  { payer: "Harbor Mutual", expected: "$8,740", received: "$8,115", gap: "$625 short" },
  { payer: "Private pay", expected: "$6,300", received: "$6,300" },
  { payer: "Employee assistance (EAP)", expected: "$1,920", received: "$1,920" },
];

function SampleReport() {
  return (
    <figure className="relative rounded-2xl border border-slate-200 bg-white p-5 shadow-xl shadow-slate-900/10 sm:p-6">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
        <p className="font-semibold text-slate-900">Expected vs received</p>
        <p className="text-sm text-slate-600">July – September</p>
      </div>
      <table className="mt-4 w-full text-sm">
        <caption className="sr-only">Sample: expected and received income by payer for one quarter</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th scope="col" className="py-2 pr-2 font-medium">
              Payer
            </th>
            <th scope="col" className="py-2 px-2 text-right font-medium">
              Expected
            </th>
            <th scope="col" className="py-2 pl-2 text-right font-medium">
              Received
            </th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {SAMPLE_ROWS.map((row) => (
            <tr key={row.payer} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2.5 pr-2 text-left font-normal text-slate-800">
                {row.payer}
                {row.gap ? (
                  <span className="mt-0.5 block text-xs font-semibold text-amber-800">{row.gap}</span>
                ) : null}
              </th>
              <td className="py-2.5 px-2 text-right text-slate-600">{row.expected}</td>
              <td className="py-2.5 pl-2 text-right font-medium text-slate-900">{row.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex items-center justify-between gap-3 rounded-xl bg-teal-50 px-4 py-3 text-sm">
        <span className="text-teal-900">Q3 federal estimate, due September 15</span>
        <span className="font-semibold text-teal-900 tabular-nums">$4,210</span>
      </div>
      <figcaption className="mt-3 text-xs text-slate-600">Illustration with sample figures.</figcaption>
    </figure>
  );
}

const PROMISES = ["Financial data only", "No clinical data", "No client names"];

export function LandingHero() {
  return (
    <section
      aria-labelledby="hero-title"
      className="relative overflow-hidden bg-gradient-to-b from-teal-50/70 to-white"
    >
      <Container className="grid items-center gap-14 py-16 sm:py-20 lg:grid-cols-[1.1fr_1fr] lg:py-24">
        <div className="flex flex-col gap-6">
          <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">
            For therapists in private practice
          </p>
          <h1
            id="hero-title"
            className="text-4xl font-semibold tracking-tight text-balance text-slate-900 sm:text-5xl"
          >
            The financial back office for your therapy practice
          </h1>
          <p className="max-w-xl text-lg leading-relaxed text-slate-600">
            See what you earned from each payer, what you spent on each Schedule C line, and what to set aside
            for quarterly tax. TherapyLedger does it with dollar amounts, payer names and expense categories
            alone: never a client’s name, never a clinical note.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link to="/sign-up" className={buttonClasses("primary", "lg")}>
              Create account
              <ArrowRightIcon className="size-4" />
            </Link>
            <Link to="/sign-in" className={buttonClasses("secondary", "lg")}>
              Sign in
            </Link>
          </div>
          <ul className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
            {PROMISES.map((promise) => (
              <li key={promise} className="inline-flex items-center gap-1.5">
                <CheckIcon className="size-4 text-teal-700" />
                {promise}
              </li>
            ))}
          </ul>
        </div>
        <SampleReport />
      </Container>
    </section>
  );
}
