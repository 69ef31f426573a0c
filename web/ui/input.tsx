import * as Label from "@radix-ui/react-label";
import { type InputHTMLAttributes, type Ref, useId } from "react";
import { cx } from "./cx";

export type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id"> & {
  /** Every input has a visible label; there is no placeholder-only input. */
  label: string;
  hint?: string;
  error?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
};

/**
 * A labelled text input. The hint and the error are tied to the input with aria-describedby,
 * so a screen reader reads them with the field, and aria-invalid marks a field in error.
 */
export function Input({ label, hint, error, id, className, ref, ...props }: InputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <Label.Root htmlFor={inputId} className="text-sm font-medium text-slate-800">
        {label}
      </Label.Root>
      <input
        id={inputId}
        ref={ref}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={cx(
          "h-11 rounded-lg border bg-white px-3 text-base text-slate-900 shadow-sm placeholder:text-slate-500",
          "focus-visible:border-teal-600",
          error ? "border-red-600" : "border-slate-300",
        )}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
