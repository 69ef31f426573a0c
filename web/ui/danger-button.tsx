import { type ButtonSize, buttonClasses } from "./button";

const PRIMARY_COLOURS = "bg-teal-700 text-white shadow-sm hover:bg-teal-800 active:bg-teal-900";
const DANGER_COLOURS = "bg-red-700 text-white shadow-sm hover:bg-red-800 active:bg-red-900";

/**
 * The classes of a button that destroys something (deleting an account): the primary button's
 * shape in red. The teal classes are swapped rather than overridden, since two background
 * utilities on one element win by stylesheet order, not by the order they are written in.
 */
export function dangerButtonClasses(size: ButtonSize = "md"): string {
  return buttonClasses("primary", size).replace(PRIMARY_COLOURS, DANGER_COLOURS);
}
