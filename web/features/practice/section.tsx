import { type ReactNode, useId } from "react";
import { Card } from "../../ui/card";
import { cx } from "../../ui/cx";

type SectionProps = {
  title: string;
  description?: ReactNode;
  /** Shown at the right of the title: a count, an action. */
  aside?: ReactNode;
  id?: string;
  tone?: "default" | "danger";
  children?: ReactNode;
  className?: string;
};

/** A card with its own <h2>, labelled by it, so each part of a page is a navigable region. */
export function Section({
  title,
  description,
  aside,
  id,
  tone = "default",
  children,
  className,
}: SectionProps) {
  const headingId = useId();
  return (
    <Card
      as="section"
      id={id}
      aria-labelledby={headingId}
      className={cx("flex scroll-mt-24 flex-col gap-5", tone === "danger" && "border-red-200", className)}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex max-w-2xl flex-col gap-1.5">
          <h2
            id={headingId}
            className={cx(
              "text-lg font-semibold tracking-tight",
              tone === "danger" ? "text-red-800" : "text-slate-900",
            )}
          >
            {title}
          </h2>
          {description ? <div className="text-sm leading-relaxed text-slate-600">{description}</div> : null}
        </div>
        {aside}
      </div>
      {children}
    </Card>
  );
}
