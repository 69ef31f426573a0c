import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useLocation } from "react-router";
import { cx } from "./cx";

type DisclosureProps = {
  /** The button's content; it gets aria-expanded and aria-controls. */
  trigger: ReactNode;
  /** An accessible name for the button when its content is not enough on its own. */
  triggerLabel?: string;
  triggerClassName?: string;
  panelClassName?: string;
  align?: "start" | "end";
  children: ReactNode;
};

/**
 * A button that shows and hides a panel of links and buttons below it: a disclosure, not an
 * ARIA menu, so Tab, Enter and Space work as everywhere else. Escape closes it and returns
 * focus to the button; so do a click outside, tabbing out of it, and a change of page.
 * Radix's DropdownMenu would do this too, but it injects <style> at run time, which the CSP
 * (`style-src 'self'`) refuses.
 */
export function Disclosure({
  trigger,
  triggerLabel,
  triggerClassName,
  panelClassName,
  align = "end",
  children,
}: DisclosureProps) {
  const [open, setOpen] = useState(false);
  const wrapper = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every change of page
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    const root = wrapper.current;
    if (!open || !root) return;
    const closeOnOutsidePress = (event: PointerEvent) => {
      if (!root.contains(event.target as Node)) setOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    // Tabbing out of the panel closes it, as leaving any disclosure should. Focus going nowhere
    // (Safari does not focus a clicked button) is left to the pointer handler above.
    const closeWhenFocusLeaves = (event: FocusEvent) => {
      const next = event.relatedTarget as Node | null;
      if (next && !root.contains(next)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOnOutsidePress);
    document.addEventListener("keydown", closeOnEscape);
    root.addEventListener("focusout", closeWhenFocusLeaves);
    return () => {
      document.removeEventListener("pointerdown", closeOnOutsidePress);
      document.removeEventListener("keydown", closeOnEscape);
      root.removeEventListener("focusout", closeWhenFocusLeaves);
    };
  }, [open]);

  return (
    <div ref={wrapper} className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
        className={triggerClassName}
      >
        {trigger}
      </button>
      <div
        id={panelId}
        hidden={!open}
        className={cx(
          "absolute top-full z-50 mt-2 rounded-xl border border-slate-200 bg-white p-2 shadow-lg shadow-slate-900/10",
          align === "end" ? "right-0" : "left-0",
          panelClassName,
        )}
      >
        {children}
      </div>
    </div>
  );
}
