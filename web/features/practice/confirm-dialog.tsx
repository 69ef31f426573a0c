import { type ReactNode, useEffect, useRef } from "react";
import { SpinnerIcon } from "../../ui/app-icons";
import { Button } from "../../ui/button";
import { dangerButtonClasses } from "../../ui/danger-button";
import { Dialog, DialogActions } from "../../ui/dialog";
import { SubmitButton } from "../../ui/form-field";
import { ErrorNotice } from "./feedback";

type ConfirmDialogProps = {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red for what cannot be undone. */
  destructive?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /**
   * Runs once the dialog has closed and the page is interactive again: the place to move focus
   * when the button that opened the dialog has gone with the row it was in.
   */
  onClosed?: () => void;
};

/**
 * "Are you sure?" in the native-<dialog> modal (Radix Dialog would inject a <style> at run
 * time, which the CSP blocks). Cancel has the focus first, so Enter never destroys anything.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const {
    open,
    title,
    children,
    confirmLabel,
    destructive,
    pending = false,
    error,
    onConfirm,
    onCancel,
    onClosed,
  } = props;
  const wasOpen = useRef(open);
  // The Dialog (a child) closes the native <dialog> in its own effect, which runs before this one.
  useEffect(() => {
    if (wasOpen.current && !open) onClosed?.();
    wasOpen.current = open;
  }, [open, onClosed]);
  return (
    <Dialog
      open={open}
      title={title}
      description={children}
      onClose={() => (pending ? undefined : onCancel())}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!pending) onConfirm();
        }}
        className="flex flex-col gap-4"
      >
        <ErrorNotice error={error} />
        <DialogActions>
          <Button variant="secondary" onClick={onCancel} disabled={pending} autoFocus>
            Cancel
          </Button>
          {destructive ? (
            // The form ignores a second submit while the first is pending.
            <button type="submit" aria-disabled={pending || undefined} className={dangerButtonClasses()}>
              {pending ? <SpinnerIcon /> : null}
              {pending ? "Working…" : confirmLabel}
            </button>
          ) : (
            <SubmitButton pending={pending} pendingLabel="Working…">
              {confirmLabel}
            </SubmitButton>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
