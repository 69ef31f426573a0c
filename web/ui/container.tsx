import type { HTMLAttributes } from "react";
import { cx } from "./cx";

/** The page's content column: centred, with side padding that grows with the screen. */
export function Container({
  narrow = false,
  className,
  ...props
}: HTMLAttributes<HTMLDivElement> & { narrow?: boolean }) {
  return (
    <div
      className={cx("mx-auto w-full px-4 sm:px-8", narrow ? "max-w-3xl" : "max-w-6xl", className)}
      {...props}
    />
  );
}
