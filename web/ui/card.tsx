import type { HTMLAttributes } from "react";
import { cx } from "./cx";

type CardProps = HTMLAttributes<HTMLElement> & {
  /** "section" or "article" when the card is a landmark-worthy unit; a plain div otherwise. */
  as?: "div" | "section" | "article" | "li";
};

export function Card({ as: Element = "div", className, ...props }: CardProps) {
  return (
    <Element
      className={cx(
        "rounded-2xl border border-slate-200 bg-white p-6 shadow-sm shadow-slate-900/5",
        className,
      )}
      {...props}
    />
  );
}
