import * as Label from "@radix-ui/react-label";
import { type InputHTMLAttributes, type ReactNode, type Ref, useId, useState } from "react";
import { cx } from "./cx";

export type PasswordInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type"> & {
  label: string;
  hint?: ReactNode;
  error?: string;
  id?: string;
  ref?: Ref<HTMLInputElement>;
  /** A link beside the label ("Forgot your password?"). */
  labelAside?: ReactNode;
};

/**
 * A password field with a Show/Hide button, so a long passphrase can be checked before it is
 * sent. Built like Input: visible label, hint and error tied with aria-describedby.
 */
export function PasswordInput({
  label,
  hint,
  error,
  id,
  className,
  ref,
  labelAside,
  ...props
}: PasswordInputProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const [visible, setVisible] = useState(false);
  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3">
        <Label.Root htmlFor={inputId} className="text-sm font-medium text-slate-800">
          {label}
        </Label.Root>
        {labelAside}
      </div>
      <div className="relative">
        <input
          id={inputId}
          ref={ref}
          type={visible ? "text" : "password"}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          className={cx(
            "h-11 w-full rounded-lg border bg-white pr-16 pl-3 text-base text-slate-900 shadow-sm placeholder:text-slate-500",
            "focus-visible:border-teal-600",
            error ? "border-red-600" : "border-slate-300",
          )}
          {...props}
        />
        <button
          type="button"
          aria-controls={inputId}
          onClick={() => setVisible((shown) => !shown)}
          className="absolute inset-y-1.5 right-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 hover:text-slate-900"
        >
          {visible ? "Hide" : "Show"}
          <span className="sr-only"> {label.toLowerCase()}</span>
        </button>
      </div>
      {hint ? (
        <div id={hintId} className="text-sm text-slate-600">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId} className="text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
