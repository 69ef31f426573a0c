import { Link } from "react-router";
import { buttonClasses } from "../../ui/button";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { CheckIcon, EyeOffIcon, ShieldIcon } from "../../ui/icons";
import { TextLink } from "../../ui/link";
import { WE_HOLD, WE_NEVER_HOLD } from "./landing-content";

export function PrivacySection() {
  return (
    <section aria-labelledby="privacy-title" className="py-20">
      <Container className="grid items-start gap-12 lg:grid-cols-2">
        <div>
          <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">Privacy by design</p>
          <h2
            id="privacy-title"
            className="mt-2 text-3xl font-semibold tracking-tight text-balance text-slate-900"
          >
            Financial data only. No clinical data, no client names.
          </h2>
          <p className="mt-4 text-lg leading-relaxed text-slate-600">
            Your books need amounts, dates, payers and categories, and that is all TherapyLedger asks for. It
            is not a health record and holds no protected health information.
          </p>
          <p className="mt-4 leading-relaxed text-slate-600">
            Bank descriptions of peer-to-peer payments (Zelle, Venmo, PayPal, Cash App and the like) often
            carry a client&rsquo;s name. When bank data comes in, such names are replaced before anything is
            stored.
          </p>
          <p className="mt-6">
            <TextLink to="/security">How we protect your data</TextLink>
          </p>
        </div>
        <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-1">
          <Card>
            <h3 className="flex items-center gap-2 font-semibold text-slate-900">
              <ShieldIcon className="size-5 text-teal-700" />
              What TherapyLedger holds
            </h3>
            <ul className="mt-4 flex flex-col gap-2.5 text-slate-700">
              {WE_HOLD.map((item) => (
                <li key={item} className="flex gap-2.5">
                  <CheckIcon className="mt-0.5 size-5 shrink-0 text-teal-700" />
                  {item}
                </li>
              ))}
            </ul>
          </Card>
          <Card className="bg-slate-50">
            <h3 className="flex items-center gap-2 font-semibold text-slate-900">
              <EyeOffIcon className="size-5 text-slate-600" />
              What it never holds
            </h3>
            <ul className="mt-4 flex flex-col gap-2.5 text-slate-700">
              {WE_NEVER_HOLD.map((item) => (
                <li key={item} className="flex gap-2.5">
                  <span aria-hidden="true" className="mt-2.5 h-0.5 w-3 shrink-0 rounded bg-slate-400" />
                  {item}
                </li>
              ))}
            </ul>
          </Card>
        </div>
      </Container>
    </section>
  );
}

export function ClosingCallToAction() {
  return (
    <section aria-labelledby="cta-title" className="pb-24">
      <Container>
        <div className="flex flex-col items-start gap-6 rounded-3xl bg-teal-700 px-8 py-12 text-white sm:px-12 lg:flex-row lg:items-center lg:justify-between">
          <div className="max-w-xl">
            <h2 id="cta-title" className="text-2xl font-semibold tracking-tight sm:text-3xl">
              Know where your practice stands
            </h2>
            <p className="mt-3 text-lg leading-relaxed text-teal-50">
              Income, expenses and tax, kept in order for you and ready for your CPA.
            </p>
          </div>
          <div className="flex flex-wrap gap-3">
            <Link to="/sign-up" className={`${buttonClasses("secondary", "lg")} focus-visible:outline-white`}>
              Create account
            </Link>
            <Link
              to="/sign-in"
              className="inline-flex h-12 items-center rounded-lg px-6 font-semibold text-white ring-1 ring-white/60 hover:bg-teal-800 focus-visible:outline-white"
            >
              Sign in
            </Link>
          </div>
        </div>
      </Container>
    </section>
  );
}
