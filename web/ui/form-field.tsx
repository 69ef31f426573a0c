import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from "react";
import { SpinnerIcon } from "./app-icons";
import { Button, type ButtonProps } from "./button";
import { cx } from "./cx";

export type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  /** The sentence the box agrees to; it may hold links (the Terms, the Privacy Policy). */
  label: ReactNode;
  hint?: string;
  error?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A checkbox with its label beside it. The error is tied to the box with aria-describedby and
 * marks it aria-invalid, as Input does for text fields.
 */
export function CheckboxField({ label, hint, error, id, className, ref, ...props }: CheckboxFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <div className="flex items-start gap-3">
        <input
          id={inputId}
          ref={ref}
          type="checkbox"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={cx(
            "mt-0.5 size-5 shrink-0 rounded border-slate-400 accent-teal-700",
            error && "outline outline-2 outline-offset-1 outline-red-600",
          )}
          {...props}
        />
        <label htmlFor={inputId} className="text-sm leading-relaxed text-slate-800">
          {label}
        </label>
      </div>
      {hint ? (
        <p id={hintId} className="pl-8 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="pl-8 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type SubmitButtonProps = Omit<ButtonProps, "type" | "asChild"> & {
  pending?: boolean;
  /** What the button says while the request runs ("Signing in…"). */
  pendingLabel?: string;
};

/**
 * A form's submit button. While the request runs it stays focusable (a disabled button would
 * drop keyboard focus to the page) but ignores clicks, and says what is happening.
 */
export function SubmitButton({
  pending = false,
  pendingLabel,
  children,
  onClick,
  ...props
}: SubmitButtonProps) {
  return (
    <Button
      type="submit"
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else onClick?.(event);
      }}
      {...props}
    >
      {pending ? <SpinnerIcon /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}

/** Groups the fields of a form with even spacing; the form itself stays the caller's. */
export function FieldStack({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cx("flex flex-col gap-5", className)}>{children}</div>;
}
