import type { AnchorHTMLAttributes } from "react";
import { Link, type LinkProps } from "react-router";
import { cx } from "./cx";

const TEXT_LINK =
  "font-medium text-teal-700 underline decoration-teal-700/30 underline-offset-4 " +
  "hover:text-teal-900 hover:decoration-teal-900";

/** An in-app link styled as text; navigation stays in the client router. */
export function TextLink({ className, ...props }: LinkProps) {
  return <Link className={cx(TEXT_LINK, className)} {...props} />;
}

type MailLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { address: string };

/** A mailto: link that shows the address itself, so it can be read and copied. */
export function MailLink({ address, className, children, ...props }: MailLinkProps) {
  return (
    <a href={`mailto:${address}`} className={cx(TEXT_LINK, className)} {...props}>
      {children ?? address}
    </a>
  );
}
