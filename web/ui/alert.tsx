import type { ReactNode } from "react";
import { AlertIcon, InfoIcon } from "./app-icons";
import { cx } from "./cx";
import { CheckIcon } from "./icons";

export type AlertTone = "error" | "success" | "info" | "warning";

const TONES: Record<AlertTone, string> = {
  error: "border-red-200 bg-red-50 text-red-900",
  success: "border-teal-200 bg-teal-50 text-teal-900",
  info: "border-slate-200 bg-slate-50 text-slate-800",
  warning: "border-amber-200 bg-amber-50 text-amber-950",
};

const ICON_TONES: Record<AlertTone, string> = {
  error: "text-red-700",
  success: "text-teal-700",
  info: "text-slate-500",
  warning: "text-amber-700",
};

type AlertProps = {
  tone?: AlertTone;
  title?: string;
  children?: ReactNode;
  className?: string;
  /**
   * How a screen reader hears it when it appears: errors interrupt ("alert"), confirmations
   * wait their turn ("status"), and a message that is there from the start needs neither.
   */
  live?: "alert" | "status" | "none";
  id?: string;
};

/** A message in a box: what went wrong, what worked, or what to know before going on. */
export function Alert({ tone = "info", title, children, className, live, id }: AlertProps) {
  const politeness = live ?? (tone === "error" ? "alert" : "status");
  const Icon = tone === "success" ? CheckIcon : tone === "info" ? InfoIcon : AlertIcon;
  return (
    <div
      id={id}
      role={politeness === "none" ? undefined : politeness}
      className={cx("flex gap-3 rounded-xl border px-4 py-3 text-sm", TONES[tone], className)}
    >
      <Icon className={cx("mt-0.5 size-5 shrink-0", ICON_TONES[tone])} />
      <div className="flex min-w-0 flex-col gap-1 leading-relaxed">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
