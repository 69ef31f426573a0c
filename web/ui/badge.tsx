import type { ReactNode } from "react";
import { cx } from "./cx";

export type BadgeTone = "neutral" | "positive" | "pending";

const TONES: Record<BadgeTone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  positive: "bg-teal-50 text-teal-800 ring-teal-600/30",
  pending: "bg-amber-50 text-amber-900 ring-amber-600/30",
};

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={cx(
        "inline-flex shrink-0 items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset",
        TONES[tone],
      )}
    >
      {children}
    </span>
  );
}
