import { Link } from "react-router";
import { COMPANY, CONTACT } from "../features/public/contact";
import { Container } from "../ui/container";
import { MailLink } from "../ui/link";
import { ApiStatus } from "./api-status";
import { BrandLink } from "./site-header";

const FOOTER_LINK = "text-sm text-slate-600 hover:text-slate-900 hover:underline underline-offset-4";

export function SiteFooter() {
  const year = new Date().getFullYear();
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <Container className="grid gap-10 py-12 sm:grid-cols-[2fr_1fr_1fr]">
        <div className="flex flex-col gap-3">
          <BrandLink className="self-start" />
          <p className="max-w-sm text-sm leading-relaxed text-slate-600">
            The financial back office for therapists in private practice. Financial data only: no clinical
            data, no client names.
          </p>
        </div>
        <nav aria-label="Legal and security">
          <h2 className="text-sm font-semibold text-slate-900">Trust</h2>
          <ul className="mt-3 flex flex-col gap-2">
            <li>
              <Link to="/security" className={FOOTER_LINK}>
                Security
              </Link>
            </li>
            <li>
              <Link to="/privacy" className={FOOTER_LINK}>
                Privacy Policy
              </Link>
            </li>
            <li>
              <Link to="/terms" className={FOOTER_LINK}>
                Terms of Service
              </Link>
            </li>
          </ul>
        </nav>
        <div>
          <h2 className="text-sm font-semibold text-slate-900">Contact</h2>
          <ul className="mt-3 flex flex-col gap-2 text-sm">
            <li className="text-slate-600">
              Support: <MailLink address={CONTACT.support} />
            </li>
            <li className="text-slate-600">
              Security: <MailLink address={CONTACT.security} />
            </li>
          </ul>
        </div>
      </Container>
      <div className="border-t border-slate-200">
        <Container className="flex flex-col gap-3 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
          <p>
            © {year} {COMPANY.name} · {COMPANY.location}
          </p>
          <ApiStatus />
        </Container>
      </div>
    </footer>
  );
}
