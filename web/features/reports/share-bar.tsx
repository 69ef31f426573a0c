import { cx } from "../../ui/cx";

/**
 * A thin bar drawn to a share (basis points of 100%). It only repeats the percentage written
 * beside it, so it is hidden from screen readers. The width is a React style prop, which the
 * CSP allows (it is set through the DOM, not an inline style attribute in the HTML).
 */
export function ShareBar({ basisPoints, className }: { basisPoints: number; className?: string }) {
  const percent = Math.max(0, Math.min(100, basisPoints / 100));
  return (
    <span
      aria-hidden="true"
      className={cx("block h-1.5 w-full overflow-hidden rounded-full bg-slate-100", className)}
    >
      <span className="block h-full rounded-full bg-teal-600" style={{ width: `${percent}%` }} />
    </span>
  );
}
