import { type ReactNode, useEffect, useId, useRef } from "react";
import { cx } from "./cx";

type DialogProps = {
  open: boolean;
  /** Called when the person closes it: Escape, or a button that calls it. */
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/**
 * A modal built on the native <dialog>: the browser traps focus, closes on Escape, makes the
 * page behind it inert and returns focus to where it was. No runtime <style> injection, so
 * the CSP's `style-src 'self'` holds (Radix Dialog would break it).
 */
export function Dialog({ open, onClose, title, description, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={onClose}
      onCancel={(event) => {
        // Escape: let React's state decide, so the dialog never closes behind its back.
        event.preventDefault();
        onClose();
      }}
      className={cx(
        "m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-slate-200 bg-white p-0 text-slate-800 shadow-2xl",
        "backdrop:bg-slate-900/50",
        className,
      )}
    >
      {open ? (
        <div className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold tracking-tight text-slate-900">
            {title}
          </h2>
          {description ? (
            <div id={descriptionId} className="text-sm leading-relaxed text-slate-600">
              {description}
            </div>
          ) : null}
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

/** The row of buttons at the foot of a dialog or a form: the main action last, on the right. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-2 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">{children}</div>;
}
