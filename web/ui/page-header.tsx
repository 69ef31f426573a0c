import type { ReactNode } from "react";
import { cx } from "./cx";

type PageHeaderProps = {
  title: string;
  eyebrow?: string;
  description?: ReactNode;
  /** Shown under the description: a version line, actions, badges. */
  children?: ReactNode;
  className?: string;
};

/** The one <h1> of a page, with what leads into it and what follows. */
export function PageHeader({ title, eyebrow, description, children, className }: PageHeaderProps) {
  return (
    <header className={cx("flex flex-col gap-4", className)}>
      {eyebrow ? (
        <p className="text-sm font-semibold tracking-wide text-teal-700 uppercase">{eyebrow}</p>
      ) : null}
      <h1 className="text-3xl font-semibold tracking-tight text-balance text-slate-900 sm:text-4xl">
        {title}
      </h1>
      {description ? (
        <div className="max-w-2xl text-lg leading-relaxed text-slate-600">{description}</div>
      ) : null}
      {children}
    </header>
  );
}
