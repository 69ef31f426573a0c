import type { ReactNode } from "react";
import { Card } from "../../ui/card";
import { Container } from "../../ui/container";
import { cx } from "../../ui/cx";

type AuthPageProps = {
  /** The page's one <h1>, also the document title. */
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Under the card: "No account yet? Create one", and the like. */
  footer?: ReactNode;
  wide?: boolean;
};

/**
 * The frame of every sign-in, sign-up and email-link page: one card in the middle of a quiet
 * band, the same gradient as the landing page's hero, so these pages read as part of the site.
 */
export function AuthPage({ title, description, children, footer, wide = false }: AuthPageProps) {
  return (
    <div className="bg-gradient-to-b from-teal-50/70 to-white">
      <title>{`${title} · TherapyLedger`}</title>
      <Container className="flex justify-center py-12 sm:py-20">
        <div className={cx("w-full", wide ? "max-w-xl" : "max-w-md")}>
          <Card className="p-6 shadow-lg sm:p-8">
            <h1 className="text-2xl font-semibold tracking-tight text-balance text-slate-900">{title}</h1>
            {description ? <div className="mt-2 leading-relaxed text-slate-600">{description}</div> : null}
            <div className="mt-6">{children}</div>
          </Card>
          {footer ? (
            <div className="mt-6 flex flex-col items-center gap-2 text-center text-sm text-slate-600">
              {footer}
            </div>
          ) : null}
        </div>
      </Container>
    </div>
  );
}

/** A thin rule with a word in the middle, between two ways of doing the same thing. */
export function Divider({ label }: { label: string }) {
  return (
    <div className="my-6 flex items-center gap-3 text-xs font-medium tracking-wide text-slate-500 uppercase">
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
      {label}
      <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
    </div>
  );
}
